"""Ping-pong: run as `pingpong.py ping <peer> <rounds>` or `pingpong.py pong <peer>`.

The ping side sends `ping 1` to its peer and, on every `pong k`, sends `ping k+1` until `rounds` round trips are
done; then it prints `done <rounds>`. The pong side answers every `ping k` with `pong k`. Each print is one line
and reaches procsim at once: procsim sets PYTHONUNBUFFERED=1, and print() flushes per line in that mode.
"""
import sys

role, peer = sys.argv[1], sys.argv[2]

if role == "ping":
    rounds = int(sys.argv[3])
    print(f"send {peer} ping 1")
    for line in sys.stdin:
        word, k = line.split()
        k = int(k)
        if word != "pong":
            print(f"unexpected {line.strip()}", file=sys.stderr)
        elif k < rounds:
            print(f"send {peer} ping {k + 1}")
        else:
            print(f"done {k}")
else:
    for line in sys.stdin:
        word, k = line.split()
        print(f"send {peer} pong {k}")
