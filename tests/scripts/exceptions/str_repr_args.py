# exceptions: str(), repr() and .args of exceptions built with zero, one and several arguments; KeyError's quoting.
for exc in [ValueError(), ValueError("msg"), ValueError("a", 2), ValueError(None), ValueError(""), KeyError("k"),
            KeyError(), KeyError("a", "b"), KeyError(1), IndexError(3.5), Exception([1, 2]), RuntimeError("x\ny"),
            OSError(2, "No such file"), StopIteration(5), SystemExit(3), AssertionError("boom")]:
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
e = ValueError("original")
e.args = ("changed", 1)
print(str(e), repr(e))
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code, OSError(2, "x").errno, OSError(2, "x").strerror)
print(isinstance(e, Exception), isinstance(e, BaseException), type(e).__name__, type(e).__mro__[1].__name__)
