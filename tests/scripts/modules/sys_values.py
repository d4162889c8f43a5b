# modules: sys values: argv (the runner passes no arguments), path, executable, version_info, maxsize, byteorder, platform, modules, the streams.
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_values.py"))
print(type(sys.path).__name__, isinstance(sys.path[0], str), type(sys.executable).__name__, len(sys.executable) > 0)
print(sys.version_info[0], sys.version_info[:2] >= (3, 11), sys.version.startswith("3.11"))
print(sys.maxsize, -sys.maxsize - 1, sys.byteorder, sys.platform)
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(repr(sys.stdout))
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.closed)
s = sys.intern("".join(["inter", "ned"]))
print(s is sys.intern("interned"), s)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
import os
print(sys.path[0] == os.getcwd(), sys.argv[0])
