#!/usr/bin/env python3
"""naive_broadcast: forwards each new message once to its neighbours: no acknowledgement, no retry.
Valid without faults; INVALID under partitions (or message loss): a message sent over a cut link is
gone for good, so some nodes never see an acknowledged message and their final read misses it.

Inter-node message: {"type": "gossip", "message": m}, no msg_id, no reply.
Under procsim (fails):
    MaelstromRun.builder().workload("broadcast").bin("python3", "sim-examples/maelstrom/python/naive_broadcast.py")
        .nemesis("partition").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
messages = set()
neighbours = []


def spread(message, came_from):
    if message in messages:
        return
    messages.add(message)
    for peer in neighbours:
        if peer != came_from:
            node.send(peer, {"type": "gossip", "message": message})  # fire and forget: nobody answers


def topology(msg):
    global neighbours
    neighbours = msg["body"]["topology"].get(node.node_id, [])
    node.reply(msg, {"type": "topology_ok"})


def broadcast(msg):
    spread(msg["body"]["message"], msg["src"])
    node.reply(msg, {"type": "broadcast_ok"})


node.on("topology", topology)
node.on("broadcast", broadcast)
node.on("gossip", lambda msg: spread(msg["body"]["message"], msg["src"]))
node.on("read", lambda msg: node.reply(msg, {"type": "read_ok", "messages": sorted(messages)}))
node.run()
