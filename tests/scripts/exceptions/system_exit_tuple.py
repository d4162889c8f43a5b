# exceptions: an uncaught SystemExit whose code is neither None nor an int prints str(code) to stderr and exits 1.
import sys
print("before", flush=True)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
sys.exit((3, "three"))
