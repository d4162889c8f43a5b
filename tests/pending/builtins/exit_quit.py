# builtins: exit and quit are callables whose repr tells how to leave; calling exit() ends the script (nothing after runs).
print(repr(exit))
print(str(quit))
print(callable(exit), callable(quit))
print("exiting now", flush=True)
exit()
print("not printed")
