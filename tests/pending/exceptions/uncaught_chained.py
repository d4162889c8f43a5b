# exceptions: uncaught exception raised while handling another: both tracebacks and the "During handling" line.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise ValueError("unknown key " + repr(key))
print(lookup({"a": 1}, "a"), flush=True)
lookup({"a": 1}, "b")
