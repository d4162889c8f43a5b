# exceptions: uncaught exception raised with 'from': the "direct cause" separator and both tracebacks.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("cannot parse config") from e
def load(lines):
    return [parse(line) for line in lines]
print(load(["1", "22"]), flush=True)
parse("abc")
