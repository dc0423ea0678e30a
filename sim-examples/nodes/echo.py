"""Answers "ping <n>" with "pong <n>" to the sender named in PROCSIM_COMPONENTS' first entry ("sender"), and
speaks the acknowledgement protocol when PROCSIM_ACK is set."""
import os
import sys

ack = os.environ.get("PROCSIM_ACK")
if ack:
    print(ack)
for line in sys.stdin:
    words = line.split()
    if words and words[0] == "ping":
        print(f"send sender pong {words[1]}")
    if ack:
        print(ack)
