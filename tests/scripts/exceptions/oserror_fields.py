# exceptions: OSError(errno, strerror[, filename]) fills errno/strerror/filename, picks the subclass for the errno, and formats str() as CPython.
for args in [(), ("message",), (2, "No such file"), (2, "No such file", "f.txt"), (17, "File exists", "d"), (13, "Denied"),
             (99999, "Unknown"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename)
print(issubclass(FileNotFoundError, OSError), FileNotFoundError(2, "x").errno, type(FileNotFoundError(13, "y")).__name__)
e = PermissionError(13, "Permission denied", "/root/x")
print(e, repr(e))
try:
    raise OSError(2, "No such file or directory", "gone.txt")
except FileNotFoundError as caught:
    print("caught as FileNotFoundError:", caught)
