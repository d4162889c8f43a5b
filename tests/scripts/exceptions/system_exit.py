# exceptions: SystemExit from sys.exit/exit/raise, its code attribute for ints, None, strings; it is not an Exception.
import sys
for action in ["sys.exit()", "sys.exit(0)", "sys.exit(3)", "sys.exit('message')", "raise SystemExit(7)", "exit(4)", "quit()"]:
    try:
        if action == "sys.exit()":
            sys.exit()
        elif action == "sys.exit(0)":
            sys.exit(0)
        elif action == "sys.exit(3)":
            sys.exit(3)
        elif action == "sys.exit('message')":
            sys.exit("message")
        elif action == "raise SystemExit(7)":
            raise SystemExit(7)
        elif action == "exit(4)":
            exit(4)
        else:
            quit()
    except SystemExit as e:
        print(action, "->", repr(e.code), repr(e), e.args)
try:
    try:
        sys.exit(1)
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__)
try:
    sys.exit(2)
finally:
    print("finally runs before the interpreter exits", flush=True)
print("never reached")
