"""A sender that retries on the simulator's timers: on "go" it sends "ping <n>" to "echo" and asks procsim for a
wake-up 100 ms later (`send procsim timer 100 retry <n>`). If the wake-up comes before "pong <n>", it sends again,
up to 3 retries, then prints "gave up <n>". On "pong <n>" it prints "acked <n>". Timers run on the simulation
clock: in a stepped run they fire at exact virtual times, so retries are as deterministic as the rest.
"""
import os
import sys

ack = os.environ.get("PROCSIM_ACK")
MAX_RETRIES = 3
attempts = {}
acked = set()
round_no = 0


def done():
    if ack:
        print(ack)


def ping(n):
    print(f"send echo ping {n}")
    print(f"send procsim timer 100 retry {n}")


done()
for line in sys.stdin:
    words = line.split()
    if words[0] == "go":
        round_no += 1
        attempts[round_no] = 1
        ping(round_no)
    elif words[0] == "pong":
        n = int(words[1])
        if n not in acked:
            acked.add(n)
            print(f"acked {n}")
    elif words[0] == "retry":
        n = int(words[1])
        if n not in acked:
            if attempts[n] > MAX_RETRIES:
                print(f"gave up {n}")
            else:
                attempts[n] += 1
                print(f"retrying {n}")
                ping(n)
    done()
