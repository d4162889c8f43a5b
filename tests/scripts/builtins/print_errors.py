# builtins: print()'s keyword arguments: sep/end types, unknown keywords, file objects without write, flush values.
print("a", "b", sep=None, end=None)
print("a", "b", sep="", end="|\n")
print(sep="x")
print(end="")
print("after empty end")
print("flush", flush=1)
print("no flush", flush=[])
print("file None", file=None)
for call in [lambda: print(1, sep=3), lambda: print(1, end=b"\n"), lambda: print(sep=[]), lambda: print(1, bogus=2),
             lambda: print(1, file=3), lambda: print(file=object()), lambda: print(1, sep=1, end=2),
             lambda: print(1, flush=True, file=5), lambda: print(1, Sep="x")]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class_like = print
print(class_like("nested") is None)
