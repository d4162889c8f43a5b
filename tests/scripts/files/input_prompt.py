# files: input()'s prompt goes to a replaced sys.stdout; print() after sys.stdout.close() raises ValueError.
import sys, os
f = open("input_prompt.tmp", "w")
sys.stdout = f
try:
    input("question? ")
except EOFError as e:
    sys.stderr.write("EOFError " + str(e) + "\n")
sys.stdout = sys.__stdout__
f.close()
print(repr(open("input_prompt.tmp").read()))
os.remove("input_prompt.tmp")
sys.stdout.close()
try:
    print("x")
except ValueError as e:
    sys.stderr.write("ValueError: " + str(e) + "\n")
