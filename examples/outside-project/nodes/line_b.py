"""Speaks the line protocol: answers every message it reads with "got <message>" to a."""
import sys

for line in sys.stdin:
    print(f"send a got {line.strip()}")
