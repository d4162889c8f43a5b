# functions: global statement (read/write module names), local shadowing, UnboundLocalError for assign-after-read.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
print(increment(), increment(), counter)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def reader():
    return counter * 2
print(reader())
def broken():
    print(counter)
    counter = 5
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
def multi():
    global a1, a2
    a1, a2 = 1, 2
multi()
print(a1, a2, "a1" in globals(), "counter" in globals())
