#!/usr/bin/env node
// g_set.js: a grow-only set (g-set workload) that gossips its whole set to every other node on a
// timer. Valid under partitions, message loss and duplication (not under kill: the set is in memory).
//
// What it shows: a state-based CRDT in one self-contained file (only Node's own readline).
//   * add {element} -> add_ok; read -> read_ok {value: [...]} (elements may be any JSON);
//   * every GOSSIP_MS each node sends {"type": "gossip", "value": [...whole set]} to every other node,
//     no reply; a receiver takes the union. Union is idempotent and commutative, so lost, repeated or
//     reordered gossip is harmless, and after a partition heals every node has every element.
//   * Timers: when PROCSIM_RUN is set, the node asks procsim for them by writing
//     {"src": me, "dest": "procsim", "body": {"type": "timer", "ms": 500, "payload": {"type": "tick"}}}
//     and gets the payload back from "procsim" after 500 ms of simulation time (deterministic in a
//     stepped run); otherwise it uses setTimeout.
// Under procsim:
//   MaelstromRun.builder().workload("g-set").bin("node", "sim-examples/maelstrom/js/g_set.js")
//       .nemesis("partition").stepped().run()
// By hand: printf '%s\n' '{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0","n1"]}}' | node g_set.js
'use strict';
const readline = require('readline');

const GOSSIP_MS = 500;
const simulated = Boolean(process.env.PROCSIM_RUN);

let nodeId = null;
let nodeIds = [];
let nextMsgId = 0;
let ticking = false; // whether the gossip timer chain has started
let localTimer = null; // the pending setTimeout, outside procsim
const elements = new Map(); // canonical JSON text -> element

function send(dest, body) {
  nextMsgId += 1;
  // On Linux, writes to a pipe are synchronous in Node: the line is out before the next one is read.
  process.stdout.write(JSON.stringify({ src: nodeId, dest, body: { ...body, msg_id: nextMsgId } }) + '\n');
}

function reply(msg, body) {
  send(msg.src, { ...body, in_reply_to: msg.body.msg_id });
}

function log(...parts) {
  console.error(...parts); // stderr is the node's log; stdout is for protocol messages only
}

function addAll(values) {
  for (const value of values) elements.set(JSON.stringify(value), value);
}

// Asks for one tick after GOSSIP_MS: from procsim under PROCSIM_RUN, else a local setTimeout.
function scheduleTick() {
  if (simulated) {
    process.stdout.write(JSON.stringify({
      src: nodeId, dest: 'procsim', body: { type: 'timer', ms: GOSSIP_MS, payload: { type: 'tick' } },
    }) + '\n');
  } else {
    localTimer = setTimeout(() => handle({ src: 'procsim', dest: nodeId, body: { type: 'tick' } }), GOSSIP_MS);
  }
}

const handlers = {
  init(msg) {
    nodeId = msg.body.node_id;
    nodeIds = msg.body.node_ids;
    if (!ticking) scheduleTick(); // start gossiping (once, even if init comes again)
    ticking = true;
    reply(msg, { type: 'init_ok' });
  },
  add(msg) {
    addAll([msg.body.element]);
    reply(msg, { type: 'add_ok' });
  },
  read(msg) {
    reply(msg, { type: 'read_ok', value: [...elements.values()] });
  },
  gossip(msg) {
    addAll(msg.body.value);
  },
  tick() {
    const value = [...elements.values()];
    for (const peer of nodeIds) {
      if (peer !== nodeId) send(peer, { type: 'gossip', value });
    }
    scheduleTick();
  },
};

function handle(msg) {
  const handler = handlers[msg.body.type];
  // Only a request (msg_id, no in_reply_to) gets an error back: answering a reply or an error
  // would start an endless exchange of errors between nodes.
  const isRequest = msg.body.msg_id !== undefined && msg.body.in_reply_to === undefined;
  if (handler) {
    try {
      handler(msg);
    } catch (e) {
      log('handler failed on', JSON.stringify(msg), e);
      if (isRequest) reply(msg, { type: 'error', code: 13, text: String(e) });
    }
  } else if (isRequest) {
    reply(msg, { type: 'error', code: 10, text: `unknown message type ${JSON.stringify(msg.body.type)}` });
  } else {
    log('ignored', JSON.stringify(msg));
  }
}

const input = readline.createInterface({ input: process.stdin, terminal: false });
input.on('line', (line) => {
  if (!line.trim()) return;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch (e) {
    log('not JSON, ignored:', line);
    return;
  }
  handle(msg);
});
input.on('close', () => clearTimeout(localTimer)); // end of stdin: nothing left to wait for, so Node exits
