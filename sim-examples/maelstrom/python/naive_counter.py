#!/usr/bin/env python3
"""naive_counter: add/read on a local integer only, never shared. Valid with one node; INVALID with
more: each node's final read shows only the deltas added through that node, not the acknowledged sum.

Under procsim (fails with 2+ nodes):
    MaelstromRun.builder().workload("g-counter").bin("python3", "sim-examples/maelstrom/python/naive_counter.py")
        .nodeCount(3).stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
total = 0


def add(msg):
    global total
    total += msg["body"]["delta"]
    node.reply(msg, {"type": "add_ok"})


node.on("add", add)
node.on("read", lambda msg: node.reply(msg, {"type": "read_ok", "value": total}))
node.run()
