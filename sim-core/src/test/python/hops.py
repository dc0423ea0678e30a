"""A deterministic node for stepped tests: on "hop <k>" it prints "saw <k> from its position" and, while k < the
limit (argv[1]), passes "hop <k+1>" to every other component. With PROCSIM_ACK set it acknowledges each input
(and says it is ready) with that marker; without it, it is an unmodified node for black-box idle detection.
"""
import os
import sys

limit = int(sys.argv[1])
me = os.environ["PROCSIM_COMPONENT"]
peers = [n for n in os.environ["PROCSIM_COMPONENTS"].split(",") if n != me]
ack = os.environ.get("PROCSIM_ACK")
count = 0

if ack:
    print(ack)
for line in sys.stdin:
    k = int(line.split()[1])
    count += 1
    print(f"saw {k} as input {count}")
    if k < limit:
        for peer in peers:
            print(f"send {peer} hop {k + 1}")
    if ack:
        print(ack)
