# exceptions: an uncaught exception with several args prints str() of the args tuple; no carets under a whole-line raise.
def check(value):
    if value < 0:
        raise ValueError("negative value", value)
    return value
def check_all(values):
    for v in values:
        check(v)
    return len(values)
print(check(3), check_all([1, 2]), flush=True)
check_all([4, -2])
