# builtins: exit and quit are callables whose repr tells how to leave; exit() raises SystemExit, so finally runs and nothing after.
print(repr(exit))
print(str(quit))
print(callable(exit), callable(quit), type(exit).__name__ == type(quit).__name__)
try:
    quit(5)
except SystemExit as e:
    print("quit raised SystemExit with code", e.code)
try:
    print("exiting now", flush=True)
    exit()
finally:
    print("finally after exit()", flush=True)
print("not printed")
