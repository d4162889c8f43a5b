# control: and/or return an operand (not a bool), short-circuit evaluation order, not, precedence of not/and/or.
def v(tag, value):
    print("eval", tag, end="; ")
    return value
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and 1, None or 0 or "", "a" and "b" and "c")
print(v("a", 0) and v("b", 1))
print(v("a", 1) and v("b", 0) and v("c", 1))
print(v("a", 0) or v("b", "") or v("c", "x") or v("d", "y"))
print(v("a", 1) or v("b", 2))
print(not 0, not "x", not [], not None, type(not 1).__name__)
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 and 0 or 3, 0 or 1 and 0, None and undefined_name, 1 or undefined_name)
name = ""
print(name or "anonymous", len(name or "anonymous"))
cfg = {}
value = cfg.get("k") or cfg.setdefault("k", "made")
print(value, cfg)
