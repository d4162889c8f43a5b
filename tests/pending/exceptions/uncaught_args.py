# exceptions: an uncaught exception with several args prints str() of the args tuple; no carets under a whole-line raise.
def check(value):
    if value < 0:
        raise ValueError("negative value", value)
    return value
print(check(3), flush=True)
check(-2)
