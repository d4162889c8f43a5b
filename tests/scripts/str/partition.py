# str: partition and rpartition found, not found, at the edges, multi-character separators; empty separator error.
for s in ["key=value", "key=val=ue", "novalue", "=lead", "trail=", "", "==="]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"), "café au lait".partition(" au "))
for fn in (str.partition, str.rpartition):
    try:
        fn("abc", "")
    except ValueError as e:
        print("ValueError:", e)
try:
    "abc".partition(None)
except TypeError as e:
    print("TypeError:", e)
