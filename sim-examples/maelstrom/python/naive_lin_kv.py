#!/usr/bin/env python3
"""naive_lin_kv: each node keeps its own local dict. Valid with one node; INVALID (not linearizable)
with more: a write through n0 is never seen by a read through n1.

Keys may be any JSON, so the dict is keyed by the key's canonical JSON text.
Under procsim (fails with 2+ nodes):
    MaelstromRun.builder().workload("lin-kv").bin("python3", "sim-examples/maelstrom/python/naive_lin_kv.py")
        .nodeCount(2).stepped().run()
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import KEY_DOES_NOT_EXIST, PRECONDITION_FAILED, Node, RPCError

node = Node()
store = {}  # json.dumps(key) -> value


def key_of(msg):
    return json.dumps(msg["body"]["key"], sort_keys=True)


def read(msg):
    if key_of(msg) not in store:
        raise RPCError(KEY_DOES_NOT_EXIST, "no such key")
    node.reply(msg, {"type": "read_ok", "value": store[key_of(msg)]})


def write(msg):
    store[key_of(msg)] = msg["body"]["value"]
    node.reply(msg, {"type": "write_ok"})


def cas(msg):
    body, key = msg["body"], key_of(msg)
    if key not in store:
        if not body.get("create_if_not_exists"):
            raise RPCError(KEY_DOES_NOT_EXIST, "no such key")
    elif store[key] != body["from"]:
        raise RPCError(PRECONDITION_FAILED, f"expected {body['from']!r}, had {store[key]!r}")
    store[key] = body["to"]
    node.reply(msg, {"type": "cas_ok"})


node.on("read", read)
node.on("write", write)
node.on("cas", cas)
node.run()
