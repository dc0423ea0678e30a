"""A key-value client for the Java mock server (KvMock): it issues argv[1] requests, one at a time, each a put
or a get of one of three keys, chosen by its own PROCSIM_SEED. It checks every answer against its own model of
the store and prints "mismatch ..." when one is wrong. A request that gets no answer within 30 ms of simulation
time is sent again (a timer from procsim says when), so lost messages only slow it down. When all are answered it
prints "done <n>". It speaks the acknowledgement protocol when procsim gives it PROCSIM_ACK.
"""
import os
import random
import sys

total = int(sys.argv[1])
rng = random.Random(int(os.environ["PROCSIM_SEED"]))
ack = os.environ.get("PROCSIM_ACK")
model = {}
current = None  # (id, request text, expected answer)
answered = 0


def next_request():
    global current
    n = answered + 1
    key = rng.choice(["a", "b", "c"])
    if rng.random() < 0.5:
        value = str(rng.randrange(100))
        model[key] = value
        current = (n, f"{n} put {key} {value}", f"{n} ok")
    else:
        expected = f"{n} value {model[key]}" if key in model else f"{n} missing"
        current = (n, f"{n} get {key}", expected)
    send_current()


def send_current():
    print(f"send kv {current[1]}")
    print(f"send procsim timer 30 retry {current[0]}")


def done():
    if ack:
        print(ack)


next_request()
done()
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("retry "):
        if current and int(line.split()[1]) == current[0]:
            send_current()
    elif current and line.split(" ", 1)[0] == str(current[0]):
        if line != current[2]:
            print(f"mismatch: sent {current[1]!r}, expected {current[2]!r}, got {line!r}")
        answered += 1
        current = None
        if answered < total:
            next_request()
        else:
            print(f"done {answered}")
    done()
