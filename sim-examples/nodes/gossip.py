"""Gossip by flooding: the first time a node hears `rumour <text>`, it prints `heard <text>` and passes the rumour
on to every other component, in an order shuffled by its own PROCSIM_SEED. Later copies are ignored.

Every node learns the rumour as long as messages are delivered: each one that hears it tells all the others.
"""
import os
import random
import sys

me = os.environ["PROCSIM_COMPONENT"]
peers = [name for name in os.environ["PROCSIM_COMPONENTS"].split(",") if name != me]
rng = random.Random(int(os.environ["PROCSIM_SEED"]))
heard = set()

for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.startswith("rumour "):
        print(f"ignoring {line!r}", file=sys.stderr)
        continue
    text = line[len("rumour "):]
    if text in heard:
        continue
    heard.add(text)
    print(f"heard {text}")
    rng.shuffle(peers)
    for peer in peers:
        print(f"send {peer} rumour {text}")
