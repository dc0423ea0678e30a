#!/usr/bin/env python3
"""g_counter: a counter kept in the seq-kv service under one key, "counter". Valid for g-counter and
pn-counter (deltas may be negative), under partitions too (nodes never talk to each other).

Shows optimistic concurrency over a sequentially consistent store, whose reads may be stale:
  * add: read the key (error 20 means 0), then cas from v to v + delta (create_if_not_exists); if
    another node got there first, cas fails with 22 and we start over with a fresh read;
  * read: a plain read may be stale, so confirm v with a cas from v to v (it compares against the
    latest value); on 22 read again. Only a confirmed value is returned.
A request to seq-kv that gets no answer in 1000 ms fails: add with error 0 (indefinite: the cas may
still land), read with error 11 (nothing happened). Messages go to the service "seq-kv" only.
Under procsim:
    MaelstromRun.builder().workload("g-counter").bin("python3", "sim-examples/maelstrom/python/g_counter.py")
        .nemesis("partition").stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import KEY_DOES_NOT_EXIST, PRECONDITION_FAILED, TEMPORARILY_UNAVAILABLE, TIMEOUT, Node

KEY = "counter"
KV = "seq-kv"

node = Node()


def read_then(on_value, on_failure):
    """Reads the counter (possibly stale) and calls on_value(v), or on_failure(error_body)."""
    def answered(body):
        if body["type"] == "read_ok":
            on_value(body["value"])
        elif body.get("code") == KEY_DOES_NOT_EXIST:
            on_value(0)
        else:
            on_failure(body)
    node.rpc(KV, {"type": "read", "key": KEY}, answered)


def cas_loop(msg, delta, ok_body, failure_code):
    """read v; cas v -> v + delta; on 22 start again. delta 0 is the read's confirmation step."""
    def fail(body):
        node.error(msg, failure_code, f"{KV}: {body.get('text', body)}")

    def try_cas(value):
        def answered(body):
            if body["type"] == "cas_ok":
                node.reply(msg, ok_body(value + delta))
            elif body.get("code") == PRECONDITION_FAILED:
                read_then(try_cas, fail)  # someone else changed it (or our read was stale): again
            else:
                fail(body)
        node.rpc(KV, {"type": "cas", "key": KEY, "from": value, "to": value + delta,
                      "create_if_not_exists": True}, answered)

    read_then(try_cas, fail)


node.on("add", lambda msg: cas_loop(msg, msg["body"]["delta"], lambda _: {"type": "add_ok"}, TIMEOUT))
node.on("read", lambda msg: cas_loop(msg, 0, lambda v: {"type": "read_ok", "value": v}, TEMPORARILY_UNAVAILABLE))
node.run()
