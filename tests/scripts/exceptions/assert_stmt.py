# exceptions: assert with and without a message, message evaluated only on failure, AssertionError args, in functions.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
try:
    assert [], "list was empty"
except AssertionError as e:
    print("AssertionError:", e, e.args)
def msg():
    print("message evaluated")
    return "computed message"
assert True, msg()
try:
    assert False, msg()
except AssertionError as e:
    print(e)
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
try:
    check_positive(5)
    check_positive(-3)
except AssertionError as e:
    print(e)
try:
    assert 0, ("tuple", 1)
except AssertionError as e:
    print(e.args, str(e))
