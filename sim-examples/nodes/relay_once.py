"""A naive relay: the nodes form a chain in the order of PROCSIM_COMPONENTS, and each passes a rumour it
has not heard before once to the next node, with no acknowledgement and no retry: one lost message, or a
partition at the wrong moment, and the rest of the chain never hears it.

On `rumour <text>` it prints `heard <text>` and sends `rumour <text>` on to the next node.
"""
import os
import sys

me = os.environ["PROCSIM_COMPONENT"]
chain = os.environ["PROCSIM_COMPONENTS"].split(",")
position = chain.index(me)
after = chain[position + 1] if position + 1 < len(chain) else None
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
    if after:
        print(f"send {after} rumour {text}")
