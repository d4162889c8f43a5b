# files: print(file=f) writes to a file with sep/end; sys.stdout.write and print share one buffer, so their output stays in order.
import os
import sys
name = "print_to_file.tmp"
with open(name, "w") as f:
    print("a", 1, 2.5, None, file=f)
    print("x", "y", sep="-", end="!\n", file=f)
    print(file=f)
    print("flushed", file=f, flush=True)
with open(name) as f:
    print(repr(f.read()))
os.remove(name)
print("one", end=" ")
sys.stdout.write("two ")
print("three")
n = sys.stdout.write("four\n")
print(n, sys.stdout.write(""), sys.stdout.write("ünï\n"))
sys.stdout.writelines(["five ", "six\n"])
sys.stdout.flush()
print("err line", file=sys.stderr)
