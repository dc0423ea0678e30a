#!/usr/bin/env python3
"""pn_counter: a state-based PN-counter CRDT, gossiped to every other node on a timer. Valid for
pn-counter and g-counter under partitions, loss and duplication (not under kill: state is in memory).

Shows a CRDT: each node counts only in its own slots, P[me] (increments) and N[me] (decrements);
the value is sum(P) - sum(N). Every GOSSIP_MS each node sends its whole P and N to all other nodes,
and a receiver merges slot by slot with max(). Merging is idempotent and commutative, so lost,
repeated or reordered gossip is harmless, and after a partition heals all nodes converge.
Inter-node message: {"type": "state", "p": {node: int}, "n": {node: int}}, no reply.
Timer: every GOSSIP_MS (500 ms) of simulation time under procsim, local time otherwise.
Under procsim:
    MaelstromRun.builder().workload("pn-counter").bin("python3", "sim-examples/maelstrom/python/pn_counter.py")
        .nemesis("partition").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

GOSSIP_MS = 500

node = Node()
p = {}  # node id -> sum of the positive deltas added through that node
n = {}  # node id -> sum of the (absolute) negative deltas


def add(msg):
    delta = msg["body"]["delta"]
    slots = p if delta >= 0 else n
    slots[node.node_id] = slots.get(node.node_id, 0) + abs(delta)
    node.reply(msg, {"type": "add_ok"})


def merge(msg):
    for mine, theirs in ((p, msg["body"]["p"]), (n, msg["body"]["n"])):
        for owner, count in theirs.items():
            mine[owner] = max(mine.get(owner, 0), count)


def gossip():
    for peer in node.node_ids:
        if peer != node.node_id:
            node.send(peer, {"type": "state", "p": p, "n": n})


node.on("add", add)
node.on("read", lambda msg: node.reply(msg, {"type": "read_ok", "value": sum(p.values()) - sum(n.values())}))
node.on("state", merge)
node.on_init(lambda: node.every(GOSSIP_MS, gossip))
node.run()
