"""Gossip by flooding: the first time a node hears `rumour <text>`, it prints `heard <text>` and passes the rumour
on to every other component, in an order shuffled by its own PROCSIM_SEED. Later copies are ignored. It speaks
the acknowledgement protocol of stepped runs when procsim gives it PROCSIM_ACK.
"""
import os
import random
import sys

me = os.environ["PROCSIM_COMPONENT"]
peers = [name for name in os.environ["PROCSIM_COMPONENTS"].split(",") if name != me]
rng = random.Random(int(os.environ["PROCSIM_SEED"]))   # its own seed: the same run after run
heard = set()
ack = os.environ.get("PROCSIM_ACK")    # set only for components declared with acks


def done():
    if ack:
        print(ack)


done()                                 # ready
for line in sys.stdin:
    text = line.rstrip("\n").removeprefix("rumour ")
    if text not in heard:              # handle it, print "send <target> <message>" lines
        heard.add(text)
        print(f"heard {text}")
        rng.shuffle(peers)
        for peer in peers:
            print(f"send {peer} rumour {text}")
    done()                             # done with this input
