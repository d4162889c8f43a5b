# exceptions: uncaught exception raised with 'from': the "direct cause" separator and both tracebacks.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("cannot parse config") from e
parse("abc")
