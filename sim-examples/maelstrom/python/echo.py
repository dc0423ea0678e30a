#!/usr/bin/env python3
"""echo: answers {"type": "echo", "echo": X} with echo_ok carrying the same X. Valid.

Shows the smallest node on top of maelstrom_node.py: one handler, init handled by the library.
Under procsim:
    MaelstromRun.builder().workload("echo").bin("python3", "sim-examples/maelstrom/python/echo.py").stepped().run()
By hand: printf '%s\n' '{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0"]}}' \
    '{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":2,"echo":"hi"}}' | python3 echo.py
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # maelstrom_node.py lives next to this file
from maelstrom_node import Node

node = Node()
node.on("echo", lambda msg: node.reply(msg, {"type": "echo_ok", "echo": msg["body"]["echo"]}))
node.run()
