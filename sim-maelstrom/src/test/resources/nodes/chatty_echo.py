#!/usr/bin/env python3
"""An echo node that also writes what a Maelstrom node must not: a line that is not JSON, a
message without a dest, and one to a node that does not exist, after each third echo."""
import json
import sys

node_id = None
count = 0
for line in sys.stdin:
    message = json.loads(line)
    body = message["body"]
    count += 1
    reply = {"msg_id": count, "in_reply_to": body.get("msg_id")}
    if body["type"] == "init":
        node_id = body["node_id"]
        reply["type"] = "init_ok"
    elif body["type"] == "echo":
        reply["type"] = "echo_ok"
        reply["echo"] = body["echo"]
        if count % 3 == 0:
            print("echoing " + body["echo"], flush=True)
            print(json.dumps({"src": node_id, "body": {"type": "lost"}}), flush=True)
            print(json.dumps({"src": node_id, "dest": "n9", "body": {"type": "hi"}}), flush=True)
    print(json.dumps({"src": node_id, "dest": message["src"], "body": reply}), flush=True)
