"""maelstrom_node: a tiny, single-threaded library for Maelstrom nodes (Python 3.11 standard library).

What it shows: the whole Maelstrom node protocol in one small event loop.
  * every stdin line is one JSON message {"src", "dest", "body"}; replies go to stdout, one per line;
  * init is answered here (node_id, node_ids, then init_ok); handlers are registered per body type;
  * rpc(dest, body, callback, timeout_ms) matches replies by in_reply_to and times out through a timer;
  * timer(ms, payload_or_callback) uses procsim's timer when PROCSIM_RUN is set, so that a stepped
    (virtual-clock) run stays deterministic, and a local timer (select() timeout) otherwise;
  * unknown request types are answered with error 10 (not-supported); stderr is the log.

Use it from a node script in the same directory:

    from maelstrom_node import Node
    node = Node()
    node.on("echo", lambda msg: node.reply(msg, {"type": "echo_ok", "echo": msg["body"]["echo"]}))
    node.run()

Under procsim (which sets PROCSIM_RUN, so timers go through the simulator), run a node script, e.g.
    MaelstromRun.builder().workload("echo").bin("python3", "sim-examples/maelstrom/python/echo.py").stepped().run()
Single-threaded by design: never start threads or sleep; ask for a timer instead.
Run by hand:  printf '%s\n' '{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0"]}}' | python3 echo.py
"""
import heapq
import json
import os
import select
import sys
import time
import traceback

# Maelstrom's error codes (doc/protocol.md).
TIMEOUT, NODE_NOT_FOUND, NOT_SUPPORTED, TEMPORARILY_UNAVAILABLE, MALFORMED_REQUEST = 0, 1, 10, 11, 12
CRASH, ABORT, KEY_DOES_NOT_EXIST, KEY_ALREADY_EXISTS, PRECONDITION_FAILED, TXN_CONFLICT = 13, 14, 20, 21, 22, 30


class RPCError(Exception):
    """Raise from a handler to answer the request with {"type": "error", "code", "text"}."""

    def __init__(self, code, text):
        super().__init__(text)
        self.code, self.text = code, text


def log(*parts):
    """Debug output goes to stderr: stdout carries protocol messages only."""
    print(*parts, file=sys.stderr, flush=True)


class Node:
    def __init__(self):
        self.node_id = None
        self.node_ids = []
        self.handlers = {}           # body type -> fn(msg)
        self.init_hooks = []         # fn() run after init, before init_ok
        self.callbacks = {}          # msg_id we sent -> fn(reply_body), for rpc()
        self.timer_callbacks = {}    # timer id -> fn(), for timer(ms, callback)
        self.next_msg_id = 0
        self.next_timer_id = 0
        self.local_timers = []       # heap of (due, seq, payload): used only outside procsim
        self.simulated = bool(os.environ.get("PROCSIM_RUN"))
        self.on("init", self._init)
        self.on("_timer", self._fire_timer)

    # ----- registration -------------------------------------------------------------------------
    def on(self, msg_type, handler):
        """Calls handler(msg) for every incoming message whose body type is msg_type."""
        self.handlers[msg_type] = handler

    def on_init(self, hook):
        """Calls hook() once node_id and node_ids are known (e.g. to start periodic timers)."""
        self.init_hooks.append(hook)

    # ----- sending -------------------------------------------------------------------------------
    def send(self, dest, body):
        """Writes one message; gives it a fresh msg_id unless it has one. Returns the msg_id."""
        if "msg_id" not in body:
            self.next_msg_id += 1
            body = {**body, "msg_id": self.next_msg_id}
        sys.stdout.write(json.dumps({"src": self.node_id, "dest": dest, "body": body}) + "\n")
        sys.stdout.flush()
        return body["msg_id"]

    def reply(self, msg, body):
        """Answers the request msg (to its src, in_reply_to its msg_id)."""
        self.send(msg["src"], {**body, "in_reply_to": msg["body"].get("msg_id")})

    def error(self, msg, code, text):
        self.reply(msg, {"type": "error", "code": code, "text": text})

    def rpc(self, dest, body, callback, timeout_ms=1000):
        """Sends body to dest; callback(reply_body) gets the reply, or, after timeout_ms without one,
        a made-up {"type": "error", "code": 0} (indefinite: the request may still take effect).
        A reply arriving after the timeout is dropped."""
        msg_id = self.send(dest, body)
        self.callbacks[msg_id] = callback

        def expire():
            if self.callbacks.pop(msg_id, None) is not None:
                callback({"type": "error", "code": TIMEOUT, "text": f"no reply from {dest} in {timeout_ms} ms"})

        self.timer(timeout_ms, expire)

    def proxy(self, msg, dest, body=None, timeout_ms=1000, retries=0):
        """Forwards the request msg (or body instead) to dest and relays dest's answer, errors included,
        to msg's sender. retries > 0 resends on timeout: only safe when dest deduplicates requests."""
        request = {k: v for k, v in (body or msg["body"]).items() if k not in ("msg_id", "in_reply_to")}

        def relay(answer):
            if answer.get("type") == "error" and answer.get("code") == TIMEOUT and retries > 0:
                self.proxy(msg, dest, request, timeout_ms, retries - 1)
                return
            self.reply(msg, {k: v for k, v in answer.items() if k not in ("msg_id", "in_reply_to")})

        self.rpc(dest, request, relay, timeout_ms)

    # ----- timers -----------------------------------------------------------------------------------
    def timer(self, ms, payload_or_callback):
        """After ms milliseconds: call the callback, or deliver the payload (a body dict with a "type")
        to its handler as a message from "procsim". Under procsim this asks the simulator for the
        timer (simulation time, deterministic); otherwise a local timer in the read loop."""
        if callable(payload_or_callback):
            self.next_timer_id += 1
            self.timer_callbacks[self.next_timer_id] = payload_or_callback
            payload = {"type": "_timer", "id": self.next_timer_id}
        else:
            payload = payload_or_callback
        if self.simulated:
            sys.stdout.write(json.dumps({"src": self.node_id, "dest": "procsim",
                                         "body": {"type": "timer", "ms": int(ms), "payload": payload}}) + "\n")
            sys.stdout.flush()
        else:
            self.next_timer_id += 1  # also a tie-breaker, so the heap never compares two payloads
            heapq.heappush(self.local_timers, (time.monotonic() + ms / 1000, self.next_timer_id, payload))

    def every(self, ms, fn):
        """Calls fn() every ms milliseconds, forever (re-arms the timer each time)."""
        def tick():
            fn()
            self.timer(ms, tick)
        self.timer(ms, tick)

    def _fire_timer(self, msg):
        callback = self.timer_callbacks.pop(msg["body"].get("id"), None)
        if callback:  # an unknown id: a timer from before a restart, or already gone
            callback()

    # ----- receiving --------------------------------------------------------------------------------
    def _init(self, msg):
        body = msg["body"]
        self.node_id, self.node_ids = body["node_id"], body["node_ids"]
        for hook in self.init_hooks:
            hook()
        self.reply(msg, {"type": "init_ok"})

    def _handle(self, msg):
        body = msg["body"]
        callback = self.callbacks.pop(body.get("in_reply_to"), None)
        if callback:  # the answer to one of our rpc() calls
            callback(body)
            return
        # Only a request (msg_id, no in_reply_to) gets an error back: answering a reply (say, a late one
        # after its rpc timed out) or an error would start an endless exchange of errors between nodes.
        is_request = "msg_id" in body and "in_reply_to" not in body
        handler = self.handlers.get(body.get("type"))
        try:
            if handler is None:
                raise RPCError(NOT_SUPPORTED, f"unknown message type {body.get('type')!r}")
            handler(msg)
        except RPCError as e:
            if is_request:
                self.error(msg, e.code, e.text)
            else:
                log("dropped", json.dumps(msg), "-", e.text)
        except Exception:  # a bug in a handler: log it, answer crash (indefinite), keep running
            log("handler failed on", json.dumps(msg), "\n" + traceback.format_exc())
            if is_request:
                self.error(msg, CRASH, "the node failed on this request")

    def _receive(self, line):
        if not line.strip():
            return
        try:
            msg = json.loads(line)
        except json.JSONDecodeError as e:
            log("not JSON, ignored:", line[:200], "-", e)
            return
        self._handle(msg)

    def run(self):
        """The read loop: one message per stdin line until end of input, local timers in between."""
        pending = b""
        while True:
            timeout = None
            if self.local_timers:
                timeout = max(0.0, self.local_timers[0][0] - time.monotonic())
            readable, _, _ = select.select([sys.stdin.fileno()], [], [], timeout)
            if readable:
                chunk = os.read(sys.stdin.fileno(), 65536)
                pending += chunk if chunk else b"\n"  # at the end, finish a last line without newline
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    self._receive(line)
                if not chunk:  # end of stdin: stop (pending local timers are dropped)
                    return
            while self.local_timers and self.local_timers[0][0] <= time.monotonic():
                _, _, payload = heapq.heappop(self.local_timers)
                self._handle({"src": "procsim", "dest": self.node_id, "body": payload})
