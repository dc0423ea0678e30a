"""hops.py in a toy wire protocol: it receives "<sender>|<body>" lines and sends by printing
"to:<target>|<body>". On "hop <k>" it prints "saw <k> from <sender>" and, while k < the limit (argv[1]), sends
"hop <k+1>" to every other component. With PROCSIM_ACK set it prints that marker once ready and after each input.
A body "bad" makes it print a line the toy protocol rejects ("to:nobar").
"""
import os
import sys

limit = int(sys.argv[1])
me = os.environ["PROCSIM_COMPONENT"]
peers = [n for n in os.environ["PROCSIM_COMPONENTS"].split(",") if n != me]
ack = os.environ.get("PROCSIM_ACK")

if ack:
    print(ack)
for line in sys.stdin:
    sender, _, body = line.rstrip("\n").partition("|")
    if body == "bad":
        print("to:nobar")
    elif body.startswith("hop "):
        k = int(body.split()[1])
        print(f"saw {k} from {sender}")
        if k < limit:
            for peer in peers:
                print(f"to:{peer}|hop {k + 1}")
    else:
        print(f"got {body} from {sender}")
    if ack:
        print(ack)
