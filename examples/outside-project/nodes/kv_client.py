"""A client of the README's KvMock: puts x = 1, reads x back, prints both answers and ends."""
import sys

print("send kv put x 1")
print("put answered:", sys.stdin.readline().strip())
print("send kv get x")
print("get answered:", sys.stdin.readline().strip())
