# builtins: bool/int/float/str/bytes/list/tuple/dict/set/frozenset called with no args and converting other types.
print(bool(), int(), float(), repr(str()), bytes(), list(), tuple(), dict(), set(), frozenset())
print(bool(2), bool(""), int("7"), int(7.9), float("1e3"), float(2), str(1.0), str(b"x"), bytes("é", "utf-8"), bytes([1, 2]))
print(list("ab"), list((1, 2)), tuple([1, 2]), tuple("ab"), dict([(1, 2)]), dict(a=1), sorted(set([3, 1, 3])), sorted(frozenset("aba")))
print(list(range(3)), tuple(range(3)), list({"k": 1}.items()), dict.fromkeys([1, 2]), set() == frozenset(), list(map(bool, [0, 1])))
print(type(bool()).__name__, int("  -0b101 ".strip(), 0), float("-inf") < 0, str(None), str([None]))
for call in [lambda: int("x"), lambda: float("y"), lambda: bytes("s"), lambda: dict([1]), lambda: set(1), lambda: tuple(None), lambda: bool(1, 2)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(list(list("ab")), tuple(tuple([1])), dict(dict(a=1)), str(str("s")), int(int(5)), float(float(0.5)))
