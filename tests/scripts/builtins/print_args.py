# builtins: print() with several arguments, sep and end (incl. None and empty), objects' str(), and the return value.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" <- continued")
print(1, 2.5, None, True, [1, "x"], (1,), {"k": "v"}, sep=" | ")
print("sep None", "end None", sep=None, end=None)
print(*range(5))
print(*"abc", sep="-")
print("multi\nline", "tab\tsep")
r = print("returns", end=" -> ")
print(r)
print("", "", sep="x")
print("flush", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError:", e)
