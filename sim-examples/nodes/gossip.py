"""Gossip by flooding: the first time a node hears `rumour <text>`, it prints `heard <text>` and passes the rumour
on to every other component, in an order shuffled by its own PROCSIM_SEED. Later copies are ignored.

Every node learns the rumour as long as messages are delivered: each one that hears it tells all the others.
When procsim gives it PROCSIM_ACK (the acknowledgement protocol of stepped runs), it prints that marker once
ready and after handling each line.
"""
import os
import random
import sys

me = os.environ["PROCSIM_COMPONENT"]
peers = [name for name in os.environ["PROCSIM_COMPONENTS"].split(",") if name != me]
rng = random.Random(int(os.environ["PROCSIM_SEED"]))
heard = set()
ack = os.environ.get("PROCSIM_ACK")


def done():
    if ack:
        print(ack)


done()
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.startswith("rumour "):
        print(f"ignoring {line!r}", file=sys.stderr)
        done()
        continue
    text = line[len("rumour "):]
    if text in heard:
        done()
        continue
    heard.add(text)
    print(f"heard {text}")
    rng.shuffle(peers)
    for peer in peers:
        print(f"send {peer} rumour {text}")
    done()
