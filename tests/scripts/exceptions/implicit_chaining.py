# exceptions: an exception raised while handling another gets __context__; finally-raised exceptions too.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [].pop()
except IndexError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise TypeError("a")
    except TypeError:
        try:
            raise ValueError("b")
        except ValueError:
            raise KeyError("c")
except KeyError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(" <- ".join(chain))
try:
    raise ValueError("no context")
except ValueError as e:
    print(e.__context__, e.__cause__)
