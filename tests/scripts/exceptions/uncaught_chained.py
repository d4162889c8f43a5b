# exceptions: uncaught exception raised while handling another: both tracebacks and the "During handling" line.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise ValueError("unknown key " + repr(key))
table = {"a": 1, "c": 3}
print(lookup(table, "a"), lookup(table, "c"), flush=True)
lookup(table, "b")
