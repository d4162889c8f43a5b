# exceptions: uncaught ZeroDivisionError inside two nested calls: CPython 3.11 traceback on stderr with ~ and ^ markers.
def ratio(a, b):
    return a / b
def report(values):
    total = sum(values)
    return ratio(total, len(values) - 3)
print("before", report([1, 2, 3, 4]), flush=True)
try:
    report([1, 2, 3])
except ZeroDivisionError as e:
    print("caught once:", e, flush=True)
print(report([1, 2, 3]))
