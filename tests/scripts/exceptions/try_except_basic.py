# exceptions: except matching by class, by base class, by tuple, bare except, first matching clause wins, 'as' name unbound after.
def attempt(fn):
    try:
        fn()
    except ZeroDivisionError:
        return "ZeroDivisionError clause"
    except (KeyError, IndexError) as e:
        return "lookup tuple clause: " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError clause: " + type(e).__name__
    except Exception as e:
        return "Exception clause: " + type(e).__name__
    return "no exception"
print(attempt(lambda: 1 / 0))
print(attempt(lambda: {}["k"]))
print(attempt(lambda: [][0]))
print(attempt(lambda: 2.0 ** 5000))
print(attempt(lambda: int("x")))
print(attempt(lambda: None))
try:
    undefined_name
except:
    print("bare except caught")
try:
    raise ValueError("v")
except ValueError as err:
    print("caught", err)
try:
    err
except NameError as e:
    print("NameError:", e)
try:
    try:
        {}["missing"]
    except IndexError:
        print("not this one")
except KeyError as e:
    print("outer caught KeyError", e)
