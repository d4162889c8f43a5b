# str: center/ljust/rjust/zfill with widths at the ends of the index range: no padding below the
# length (even -2**63), MemoryError at once for widths no memory can hold (none reaches malloc).
s = "Hello é"
print([s.center(-2**63), s.ljust(-2**63, "*"), s.rjust(-2**63), s.zfill(-2**63), "-5".zfill(-2**63)])
print([s.center(9, "é"), "-5".zfill(4), "+".zfill(3), "".center(3, "€")])
for w in (2**62, 2**63 - 1):
    for name, f in (("zfill", lambda: "ab".zfill(w)), ("center", lambda: "ab".center(w)),
                    ("ljust", lambda: "ab".ljust(w, "€")), ("rjust", lambda: "ab".rjust(w))):
        try:
            f()
        except (MemoryError, OverflowError) as e:
            print(name, w, type(e).__name__)
for w in (2**63, -2**63 - 1):
    try:
        "ab".center(w)
    except OverflowError as e:
        print("OverflowError", e)
