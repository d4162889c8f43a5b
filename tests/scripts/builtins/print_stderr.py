# builtins: print(file=sys.stderr) and sys.stdout/sys.stderr.write; stdout is flushed before each stderr write so order is fixed.
import sys
print("to stdout 1", flush=True)
print("to stderr 1", file=sys.stderr)
print("to stdout 2", file=sys.stdout, flush=True)
sys.stderr.write("stderr via write\n")
n = sys.stdout.write("stdout via write\n")
sys.stdout.flush()
print("write returned", n, flush=True)
print("err", "with", "sep", sep="_", end="!\n", file=sys.stderr, flush=True)
print("file=None goes to stdout", file=None)
