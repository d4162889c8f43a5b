# exceptions: OSError(errno, strerror, filename, winerror, filename2) picks the errno's subclass; str, args and attributes.
for args in [(), ("x",), (2,), (2, "No such file"), (2, "No such file", "f.txt"), (2, "No such file", "a", None, "b"),
             (2, "x", None, None, "b"), (1, 2, 3, 4, 5, 6), ("a", "b"), (13, "Permission denied"), (999, "odd"),
             (True, "bool errno"), (2.0, "float errno"), (17, "exists"), (11, "again"), (4, "intr"), (110, "timeout"),
             (32, "pipe"), (104, "reset"), (111, "refused"), (21, "isdir"), (20, "notdir"), (3, "srch"), (10, "child")]:
    e = OSError(*args)
    print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError(5, "not remapped")
print(type(e).__name__, e.errno, isinstance(e, OSError))
e = OSError(2, "x")
e.errno = 7
print(e, e.args)
e.strerror = "changed"
e.filename = "name"
print(e, e.filename2)
try:
    raise OSError(2, "gone", "a.txt")
except FileNotFoundError as err:
    print("caught", type(err).__name__, err, err.errno)
try:
    raise OSError(13, "denied")
except (KeyError, PermissionError) as err:
    print("caught", repr(err))
