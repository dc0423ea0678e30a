"""A counter service. On `inc <id>` it adds one and prints `total <n>`.

Naive (default): every `inc` counts, and nothing is acknowledged, so a lost message is a lost update and a
duplicated one counts twice.
Robust (`--dedup`): each id counts once, and every `inc` is acknowledged with `ack <id>` to the sender named in
the message (`inc <id> <sender>`), so the sender can retry until it hears back.
"""
import sys

robust = "--dedup" in sys.argv[1:]
seen = set()
total = 0

for line in sys.stdin:
    parts = line.split()
    if len(parts) < 2 or parts[0] != "inc":
        print(f"ignoring {line.rstrip()!r}", file=sys.stderr)
        continue
    inc_id = parts[1]
    if not robust or inc_id not in seen:
        seen.add(inc_id)
        total += 1
        print(f"total {total}")
    if robust and len(parts) > 2:
        print(f"send {parts[2]} ack {inc_id}")
