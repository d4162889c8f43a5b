# builtins: exit and quit are site's Quitter objects: their repr, attributes, and SystemExit(code) when called with every kind of code.
print(repr(exit), str(quit), type(exit).__name__, type(exit) is type(quit), exit is not quit)
print(exit.name, quit.name, exit.eof, callable(exit))
for args, kwargs in [((), {}), ((0,), {}), ((3,),  {}), (("message",), {}), ((None,), {}), ((), {"code": 7}), (([1],), {})]:
    try:
        exit(*args, **kwargs)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args, repr(e))
for call in [lambda: exit(1, 2), lambda: quit(bogus=1), lambda: exit(1, code=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    quit(4)
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception), e.code)
