# exceptions: an uncaught SystemExit with a string prints the string to stderr (no traceback) after flushing stdout.
import sys
def shutdown(reason):
    try:
        print("cleaning up")
        sys.exit(reason)
    finally:
        print("finally still runs")
print("about to exit")
shutdown("fatal: configuration missing")
print("not reached")
