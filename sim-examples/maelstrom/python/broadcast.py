#!/usr/bin/env python3
"""broadcast: a gossip broadcast that survives partitions, message loss and duplication. Valid
(not under kill: messages live in memory only, so a restarted node starts empty).

Shows retry-until-acknowledged over a topology:
  * each node sends new messages only to its neighbours from the topology message;
  * per neighbour it keeps the set of messages that neighbour has not acknowledged yet (`unacked`);
  * a new message is sent at once, and every RESEND_MS all unacknowledged messages are sent again in one
    "gossip" message, until the neighbour answers gossip_ok naming them; a cut link only delays them.
Inter-node messages: {"type": "gossip", "messages": [..]} -> {"type": "gossip_ok", "messages": [..]}.
Timer: every RESEND_MS (300 ms) of simulation time under procsim (PROCSIM_RUN set), local time otherwise.
Under procsim:
    MaelstromRun.builder().workload("broadcast").bin("python3", "sim-examples/maelstrom/python/broadcast.py")
        .nemesis("partition").latency(Duration.ofMillis(10)).stepped().run()
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the examples
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from maelstrom_node import Node

RESEND_MS = 300

node = Node()
messages = set()   # every message this node has seen
neighbours = None  # from the topology; until it comes, all other nodes
unacked = {}       # neighbour -> set of messages it has not acknowledged


def my_neighbours():
    return neighbours if neighbours is not None else [n for n in node.node_ids if n != node.node_id]


def learn(new, came_from):
    """Stores new messages and queues them for every neighbour except the one they came from."""
    new = [m for m in new if m not in messages]
    messages.update(new)
    for peer in my_neighbours():
        if peer != came_from and new:
            unacked.setdefault(peer, set()).update(new)
            node.send(peer, {"type": "gossip", "messages": new})  # first try now; resend() retries


def resend():
    for peer, pending in unacked.items():
        if pending:
            node.send(peer, {"type": "gossip", "messages": sorted(pending)})


def topology(msg):
    global neighbours
    neighbours = msg["body"]["topology"].get(node.node_id)  # None (not named): all other nodes
    node.reply(msg, {"type": "topology_ok"})


def broadcast(msg):
    learn([msg["body"]["message"]], msg["src"])
    node.reply(msg, {"type": "broadcast_ok"})  # stored here: retries will carry it to everyone


def gossip(msg):
    learn(msg["body"]["messages"], msg["src"])
    unacked.get(msg["src"], set()).difference_update(msg["body"]["messages"])  # the sender has them
    node.reply(msg, {"type": "gossip_ok", "messages": msg["body"]["messages"]})


def gossip_ok(msg):
    unacked.get(msg["src"], set()).difference_update(msg["body"]["messages"])


node.on("topology", topology)
node.on("broadcast", broadcast)
node.on("read", lambda msg: node.reply(msg, {"type": "read_ok", "messages": sorted(messages)}))
node.on("gossip", gossip)
node.on("gossip_ok", gossip_ok)
node.on_init(lambda: node.every(RESEND_MS, resend))
node.run()
