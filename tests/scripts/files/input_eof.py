# files: input() with nothing on standard input raises EOFError after writing the prompt; sys.stdin reads give empty results.
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
