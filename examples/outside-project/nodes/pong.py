"""Answers every message to whoever sent it: it is declared with sender names, so it reads "<from> <message>"."""
import sys

for line in sys.stdin:
    sender, _, message = line.rstrip("\n").partition(" ")   # "<from> <message>", with sender names
    print(f"send {sender} pong {message}")
