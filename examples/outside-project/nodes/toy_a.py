"""Speaks the README's toy protocol: sends by printing "to:<target>|<body>", reads "<sender>|<body>"."""
import sys

print("to:b|hello from a")
for line in sys.stdin:
    sender, _, body = line.rstrip("\n").partition("|")
    print(f"a got {body} from {sender}")
