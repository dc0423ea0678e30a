#!/usr/bin/env python3
"""unique_ids: generate -> generate_ok {id}, with ids unique across nodes: "<node id>-<counter>".
Valid (with partitions, loss, pauses: no coordination is needed).

Shows that uniqueness needs no messages at all: each node owns a namespace (its id) and counts in it.
Caveat: the counter lives in memory, so under a kill fault a restarted node counts from 1 again and
repeats its earlier ids; surviving restarts would need an incarnation number kept outside the process.
Under procsim:
    MaelstromRun.builder().workload("unique-ids").bin("python3", "sim-examples/maelstrom/python/unique_ids.py")
        .nemesis("partition").stepped().run()
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
    node.reply(msg, {"type": "generate_ok", "id": f"{node.node_id}-{counter}"})


node.on("generate", generate)
node.run()
