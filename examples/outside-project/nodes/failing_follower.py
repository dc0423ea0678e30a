"""A deliberately buggy follower for FailureShowcaseTest: it fails on the first update it reads."""
import sys


def apply(update):
    raise ValueError(f"cannot apply {update!r}: the follower's log is empty")


for line in sys.stdin:
    apply(line.strip())
