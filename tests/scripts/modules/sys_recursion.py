# modules: sys.getrecursionlimit / setrecursionlimit: the default, changing it, the RecursionError it bounds, bad values.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return depth(n + 1)
sys.setrecursionlimit(120)
print(sys.getrecursionlimit())
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
for bad in [0, -5, "10", 2.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def at_depth(n):
    if n == 0:
        try:
            sys.setrecursionlimit(10)
        except RecursionError as e:
            return str(e).split(":")[0]
        return "no error"
    return at_depth(n - 1)
print(at_depth(30))
print(sys.getrecursionlimit())
