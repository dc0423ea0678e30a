"""Speaks the line protocol in a simulation whose default is the toy protocol: when it gets "pass" it asks kv."""
import sys

for line in sys.stdin:
    body = line.rstrip("\n")
    print(f"b got {body}")
    if body == "pass":
        print("send kv from b")
