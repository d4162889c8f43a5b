# exceptions: unbounded recursion raises RecursionError (caught: message only); the limit is 1000 and can be changed.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit(), issubclass(RecursionError, RuntimeError))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("depth reached below limit:", 900 < depth < 1000)
sys.setrecursionlimit(200)
depth = 0
try:
    measure()
except RecursionError:
    print("with limit 200:", 150 < depth < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))
