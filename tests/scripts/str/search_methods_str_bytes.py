# find/rfind/index/rindex/count, startswith/endswith, strip, split/rsplit/splitlines on str and
# bytes: the bodies they share (objects/strsearch.c), positions, and each type's messages.
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for s in ["", "abcabc", "héllo wörld hé", "a\tb c\n d\r\ne"]:
    b = s.encode()
    for x, sub in ((s, "b"), (s, "é"), (s, ""), (b, b"b"), (b, b""), (b, 98), (b, "é".encode())):
        for st, en in ((None, None), (1, None), (-3, None), (0, -1), (5, 2), (10, 20), (-100, 100)):
            t(x.find, sub, st, en); t(x.rfind, sub, st, en); t(x.count, sub, st, en)
            t(x.index, sub, st, en); t(x.rindex, sub, st, en)
            if not isinstance(sub, int):
                t(x.startswith, sub, st, en); t(x.endswith, (sub, sub[:0]), st, en)
                t(x.endswith, sub, st, en); t(x.startswith, (sub,), st, en)
    for x in (s, b):
        t(x.split); t(x.rsplit, None, 1); t(x.split, x[:1] or None, 1)
        t(x.splitlines); t(x.splitlines, True); t(x.strip); t(x.lstrip, x[:2])
        t(x.rstrip, x[-1:])
for x, wrong in (("abc", b"a"), (b"abc", "a"), ("abc", 1), (b"abc", 1.5), (b"abc", 300), (b"abc", -1)):
    t(x.find, wrong); t(x.index, wrong); t(x.count, wrong)
    t(x.startswith, wrong); t(x.endswith, (x[:1], wrong)); t(x.endswith, ())
    t(x.endswith, (wrong, x[:1]))
    t(x.split, wrong); t(x.rsplit, sep=wrong); t(x.strip, wrong); t(x.rstrip, wrong)
    t(x.split, x[:0]); t(x.find); t(x.startswith); t(x.strip, 1, 2)
    t(x.find, x, 1, 2, 3); t(x.index, x[:1], "a"); t(x.startswith, x, 1.0)
    t(x.splitlines, keepends=wrong); t(x.split, maxsplit=wrong)
t(b"abc".index, b"z"); t("abc".rindex, "z"); print(b"a" in b"cab", 97 in b"a", 300 in [1])
print("é" in "café"); t(b"abc".replace, b"", b"-"); t("aéa".replace, "a", "xx")
t("a,b".partition, ","); t(b"abc".find, True); t("x".find, None)
