#!/usr/bin/env python3
"""naive_unique_ids: generate -> generate_ok {id} from a per-node counter only. INVALID with 2+ nodes:
n0 and n1 both hand out 1, 2, 3... so ids collide across nodes (valid with a single node).

Under procsim:
    MaelstromRun.builder().workload("unique-ids").bin("python3", "sim-examples/maelstrom/python/naive_unique_ids.py")
        .nodeCount(3).stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
counter = 0


def generate(msg):
    global counter
    counter += 1
    node.reply(msg, {"type": "generate_ok", "id": counter})  # the bug: no node id in the id


node.on("generate", generate)
node.run()
