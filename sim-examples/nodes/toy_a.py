"""Speaks the toy protocol of API.md's wire-protocol example: sends by printing "to:<target>|<body>", receives
"<sender>|<body>". It greets kv; when kv answers, it passes the turn to b.
"""
import sys

print("to:kv|hello from a")
for line in sys.stdin:
    sender, _, body = line.rstrip("\n").partition("|")
    print(f"a got {body} from {sender}")
    if body == "ok hello from a":
        print("to:b|pass")
