# exceptions: an uncaught SystemExit with a string prints the string to stderr (no traceback) after flushing stdout.
import sys
print("about to exit")
sys.exit("fatal: configuration missing")
