#!/usr/bin/env python3
"""naive_g_set: add/read on a local set only, never shared. Valid with one node; INVALID with more:
a final read misses every element added through another node.

Under procsim (fails with 2+ nodes):
    MaelstromRun.builder().workload("g-set").bin("python3", "sim-examples/maelstrom/python/naive_g_set.py")
        .nodeCount(3).stepped().run()
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
elements = {}  # canonical JSON text -> element (elements may be any JSON, not only hashable values)


def add(msg):
    element = msg["body"]["element"]
    elements[json.dumps(element, sort_keys=True)] = element
    node.reply(msg, {"type": "add_ok"})


node.on("add", add)
node.on("read", lambda msg: node.reply(msg, {"type": "read_ok", "value": list(elements.values())}))
node.run()
