"""A client that adds <count> to a counter: `counter_client.py <count> <counter> [--retry]`.

Naive (default): sends `inc 1` .. `inc <count>` once each and prints `sent <count>`.
Robust (`--retry`): sends them, then resends every increment not yet acknowledged every 100 ms, until all are;
then prints `done <count>`. Retries are what make it survive loss, partitions and pauses; the counter's
deduplication is what makes them safe.
"""
import os
import select
import sys
import time

count, counter = int(sys.argv[1]), sys.argv[2]
retry = "--retry" in sys.argv[3:]
me = os.environ["PROCSIM_COMPONENT"]
RETRY_EVERY = 0.1

pending = set(range(1, count + 1))


def send_pending():
    for i in sorted(pending):
        print(f"send {counter} inc {i} {me}")


send_pending()
if not retry:
    print(f"sent {count}")
else:
    buffered = b""
    last_send = time.monotonic()
    while pending:
        ready, _, _ = select.select([0], [], [], RETRY_EVERY)
        if ready:
            chunk = os.read(0, 65536)
            if not chunk:
                sys.exit(1)
            buffered += chunk
            while b"\n" in buffered:
                line, buffered = buffered.split(b"\n", 1)
                parts = line.decode().split()
                if len(parts) == 2 and parts[0] == "ack":
                    pending.discard(int(parts[1]))
        if pending and time.monotonic() - last_send >= RETRY_EVERY:
            send_pending()
            last_send = time.monotonic()
    print(f"done {count}")

# Stay until the simulator closes stdin, so late acks are delivered rather than undeliverable.
while os.read(0, 65536):
    pass
