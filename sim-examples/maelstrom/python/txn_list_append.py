#!/usr/bin/env python3
"""txn_list_append: strict serializable transactions by running them all, one at a time, on one node:
the leader (node_ids[0]) applies each txn to its in-memory map of lists and answers; every other node
forwards the txn there and relays the answer. Valid under partitions, message loss and duplication
(not under kill of the leader: the map is in memory only).

Shows the simplest strict serializable design: a single serial executor. Each txn runs atomically
between two stdin lines, in the order the leader receives them, which lies within each txn's
real-time window. Forwarding is the same as kafka.py's: "origin": [client, client msg_id], resend up
to RETRIES times every FORWARD_TIMEOUT_MS, and the leader remembers its answer per origin, so a
duplicated or resent txn is applied once. Uses no service.
Under procsim:
    MaelstromRun.builder().workload("txn-list-append").bin("python3", "sim-examples/maelstrom/python/txn_list_append.py")
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
lists = {}    # key -> list of appended values (keys are ints or strings in the workload)
answers = {}  # origin (client, msg_id) -> txn_ok of a txn that appended (leader only)


def apply(ops):
    """Runs one txn: ["r", k, None] reads k's list (None when absent), ["append", k, v] appends v."""
    done = []
    for kind, key, value in ops:
        if kind == "r":
            current = lists.get(key)
            done.append([kind, key, list(current) if current is not None else None])  # a copy: later appends must not show
        else:
            lists.setdefault(key, []).append(value)
            done.append([kind, key, value])
    return {"type": "txn_ok", "txn": done}


def txn(msg):
    body = msg["body"]
    leader = node.node_ids[0]
    origin = tuple(body.get("origin") or (msg["src"], body.get("msg_id")))
    if node.node_id != leader:
        node.proxy(msg, leader, {**body, "origin": list(origin)}, FORWARD_TIMEOUT_MS, RETRIES)
        return
    if not any(op[0] == "append" for op in body["txn"]):  # read-only: safe to run again
        node.reply(msg, apply(body["txn"]))
        return
    if origin not in answers:  # new: apply it; a duplicate or a resend gets the first answer again
        answers[origin] = apply(body["txn"])
    node.reply(msg, answers[origin])


node.on("txn", txn)
node.run()
