#!/usr/bin/env python3
"""kafka: replicated-log service where one node, the leader (node_ids[0]), holds every log and every
committed offset in memory; every other node forwards each request to it and relays the answer.
Valid under partitions, message loss and duplication (not under kill of the leader: its logs are in
memory only).

Shows a single-leader design plus at-least-once forwarding made exactly-once by deduplication:
  * a follower forwards the client's request to the leader with "origin": [client, client msg_id],
    waits FORWARD_TIMEOUT_MS, and resends it up to RETRIES times when no answer comes (cut link, loss);
    after that it answers error 0 (indefinite: the leader may have applied it);
  * the leader remembers its send_ok per origin, so a resent or duplicated "send" is appended once
    and answered with the same offset (poll, list and commit, taking the max, are safe to repeat).
Messages between nodes: the client's own request types (send, poll, commit_offsets,
list_committed_offsets), plus "origin"; answers as to a client. Uses no service.
Under procsim:
    MaelstromRun.builder().workload("kafka").bin("python3", "sim-examples/maelstrom/python/kafka.py")
        .nemesis("partition").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

FORWARD_TIMEOUT_MS = 1000
RETRIES = 3

node = Node()
logs = {}       # key -> [msg, ...]; a message's offset is its index
committed = {}  # key -> highest committed offset
answers = {}    # origin (client, msg_id) of a send -> the send_ok already given (leader only)


def apply(body):
    """The leader's state machine: one request body in, one answer body out."""
    kind = body["type"]
    if kind == "send":
        log = logs.setdefault(body["key"], [])
        log.append(body["msg"])
        return {"type": "send_ok", "offset": len(log) - 1}
    if kind == "poll":
        msgs = {key: [[i, logs[key][i]] for i in range(max(start, 0), len(logs[key]))]
                for key, start in body["offsets"].items() if key in logs}
        return {"type": "poll_ok", "msgs": msgs}
    if kind == "commit_offsets":
        for key, offset in body["offsets"].items():
            committed[key] = max(committed.get(key, offset), offset)
        return {"type": "commit_offsets_ok"}
    # list_committed_offsets: keys never committed are left out
    return {"type": "list_committed_offsets_ok",
            "offsets": {key: committed[key] for key in body["keys"] if key in committed}}


def request(msg):
    body = msg["body"]
    leader = node.node_ids[0]
    origin = tuple(body.get("origin") or (msg["src"], body.get("msg_id")))
    if node.node_id != leader:
        node.proxy(msg, leader, {**body, "origin": list(origin)}, FORWARD_TIMEOUT_MS, RETRIES)
        return
    if body["type"] != "send":  # reads and (max-)commits may safely run twice
        node.reply(msg, apply(body))
        return
    if origin not in answers:  # a new send: append it; a duplicate or a resend gets the first offset again
        answers[origin] = apply(body)
    node.reply(msg, answers[origin])


for kind in ("send", "poll", "commit_offsets", "list_committed_offsets"):
    node.on(kind, request)
node.run()
