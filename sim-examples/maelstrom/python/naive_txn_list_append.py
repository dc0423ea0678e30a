#!/usr/bin/env python3
"""naive_txn_list_append: each node applies txns to its own local map of lists. Valid with one node;
INVALID with more (not even serializable): appends through n0 are invisible to reads through n1,
and the two nodes build different lists for the same key.

Under procsim (fails with 2+ nodes):
    MaelstromRun.builder().workload("txn-list-append").bin("python3", "sim-examples/maelstrom/python/naive_txn_list_append.py")
        .nodeCount(2).stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
lists = {}  # this node's alone


def txn(msg):
    done = []
    for kind, key, value in msg["body"]["txn"]:
        if kind == "r":
            done.append([kind, key, list(lists[key]) if key in lists else None])
        else:
            lists.setdefault(key, []).append(value)
            done.append([kind, key, value])
    node.reply(msg, {"type": "txn_ok", "txn": done})


node.on("txn", txn)
node.run()
