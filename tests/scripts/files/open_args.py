# files: open()'s other arguments and their errors: descriptors, closefd, keywords, argument counts; write() of None; out-of-range numbers in sys and os.
import os
import sys
name = "open_args.tmp"
with open(name, "w", encoding="utf-8", errors="strict", newline=None) as f:
    f.write("via keywords\n")
for call in [lambda: open(-1), lambda: open(name, closefd=False), lambda: open(name, "r", -1, None, None, None, True, None, 9),
             lambda: open(name, mode="r", file="x"), lambda: open(name, "w").write(None), lambda: open(file=name).read(),
             lambda: sys.setrecursionlimit(10 ** 30), lambda: os.sysconf(10 ** 30)]:
    try:
        print(repr(call()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
os.remove(name)
