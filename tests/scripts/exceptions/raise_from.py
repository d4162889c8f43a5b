# exceptions: raise ... from ... sets __cause__ and __suppress_context__; from None hides the context.
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, e.__context__ is e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("clean") from None
except LookupError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError("direct") from TypeError("cause")
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
e = RuntimeError("manual")
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError from KeyError
except ValueError as err:
    print(repr(err), repr(err.__cause__))
