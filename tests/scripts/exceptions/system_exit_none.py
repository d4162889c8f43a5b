# exceptions: sys.exit(None) and a SystemExit from inside a function end the program quietly; nothing after runs.
import sys
def stop():
    try:
        sys.exit(None)
    except SystemExit as e:
        print("caught once:", e.code, repr(e))
    print("stopping for good")
    sys.exit()
stop()
print("not reached")
