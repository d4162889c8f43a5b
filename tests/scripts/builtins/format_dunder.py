# builtins: int/float/bool __format__ called directly: specs, an empty spec, bad specs, a non-str spec.
for v in (1.5, 7, True, 2**70):
    for s in ("", ">8", ".2f", "q", "x"):
        try:
            print(repr(v.__format__(s)))
        except Exception as e:
            print(type(e).__name__, e)
    try:
        v.__format__(3)
    except Exception as e:
        print(type(e).__name__, e)
