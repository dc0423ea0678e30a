#!/usr/bin/env python3
"""lin_kv: a stateless proxy: read/write/cas go to the lin-kv service, and its answer, errors
included (20 key-does-not-exist, 22 precondition-failed), goes back to the client. Valid: every
operation takes effect at the linearizable service, so the nodes add nothing that could break it.

Shows rpc() relaying: the node rewrites nothing but msg_id/in_reply_to. If lin-kv gives no answer
in 1000 ms the client gets error 0 (indefinite: a write or cas may still land); never retried, since a
repeated cas could turn a success into a 22. Messages go to the service "lin-kv" only.
Under procsim:
    MaelstromRun.builder().workload("lin-kv").bin("python3", "sim-examples/maelstrom/python/lin_kv.py")
        .nemesis("partition").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

node = Node()
for kind in ("read", "write", "cas"):
    node.on(kind, lambda msg: node.proxy(msg, "lin-kv", timeout_ms=1000))
node.run()
