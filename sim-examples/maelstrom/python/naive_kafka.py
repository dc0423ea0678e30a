#!/usr/bin/env python3
"""naive_kafka: every node keeps its own logs and committed offsets. Valid with one node; INVALID with
more: two nodes both give offset 0 of key "k" to different messages, and a poll through one node
never sees messages sent through another.

Under procsim (fails with 2+ nodes):
    MaelstromRun.builder().workload("kafka").bin("python3", "sim-examples/maelstrom/python/naive_kafka.py")
        .nodeCount(2).stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
logs = {}       # key -> [msg, ...], this node's alone
committed = {}


def send(msg):
    log = logs.setdefault(msg["body"]["key"], [])
    log.append(msg["body"]["msg"])
    node.reply(msg, {"type": "send_ok", "offset": len(log) - 1})


def poll(msg):
    msgs = {key: [[i, logs[key][i]] for i in range(max(start, 0), len(logs[key]))]
            for key, start in msg["body"]["offsets"].items() if key in logs}
    node.reply(msg, {"type": "poll_ok", "msgs": msgs})


def commit_offsets(msg):
    committed.update(msg["body"]["offsets"])
    node.reply(msg, {"type": "commit_offsets_ok"})


def list_committed_offsets(msg):
    offsets = {key: committed[key] for key in msg["body"]["keys"] if key in committed}
    node.reply(msg, {"type": "list_committed_offsets_ok", "offsets": offsets})


node.on("send", send)
node.on("poll", poll)
node.on("commit_offsets", commit_offsets)
node.on("list_committed_offsets", list_committed_offsets)
node.run()
