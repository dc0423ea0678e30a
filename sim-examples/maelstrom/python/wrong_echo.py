#!/usr/bin/env python3
"""wrong_echo: like echo.py, but every third echo comes back with "!" appended. INVALID on purpose.

Shows a bug the echo checker must catch: echo_ok whose echo differs from the request's.
Under procsim:
    MaelstromRun.builder().workload("echo").bin("python3", "sim-examples/maelstrom/python/wrong_echo.py").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
echoes = 0


def echo(msg):
    global echoes
    echoes += 1
    value = msg["body"]["echo"]
    if echoes % 3 == 0:
        value = f"{value}!"  # the bug: the 3rd, 6th, 9th... echo is changed
    node.reply(msg, {"type": "echo_ok", "echo": value})


node.on("echo", echo)
node.run()
