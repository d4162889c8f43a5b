# files: assigning a file to sys.stdout redirects print(); restoring sys.__stdout__ brings it back.
import os
import sys
name = "redirect_stdout.tmp"
print("before redirect")
with open(name, "w") as f:
    sys.stdout = f
    print("into the file", 1, 2)
    print("second line", end="|")
    sys.stdout.write("written\n")
    sys.stdout = sys.__stdout__
print("after redirect")
with open(name) as f:
    print(repr(f.read()))
os.remove(name)
