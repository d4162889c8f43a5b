# exceptions: execution order of try/except/else/finally with and without an exception, nested, and in functions.
def run(fail):
    print("try start", fail)
    try:
        if fail == "value":
            raise ValueError("bad")
        if fail == "key":
            raise KeyError("k")
        print("try end")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")
run(None)
run("value")
try:
    run("key")
except KeyError as e:
    print("propagated", repr(e))
try:
    try:
        print("inner try")
        raise TypeError("t")
    finally:
        print("inner finally")
except TypeError:
    print("outer except")
else:
    print("outer else (not run)")
finally:
    print("outer finally")
