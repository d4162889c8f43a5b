# functions: keyword-only parameters after * or *args, with and without defaults, and the error messages.
def connect(host, *, port=80, timeout):
    return f"{host}:{port} t={timeout}"
print(connect("a", timeout=5), connect("b", port=8080, timeout=1), connect(timeout=2, host="c"))
def log(*msgs, sep=" ", level="INFO"):
    return level + ": " + sep.join(msgs)
print(log("a", "b"), log("x", "y", sep="-", level="DEBUG"), log())
for call in ["missing", "positional", "unknown"]:
    try:
        if call == "missing":
            connect("a")
        elif call == "positional":
            connect("a", 81, 5)
        else:
            connect("a", timeout=1, retries=3)
    except TypeError as e:
        print("TypeError:", e)
def kw_defaults(*, a=1, b=2):
    return a, b
print(kw_defaults(), kw_defaults(b=5), kw_defaults.__kwdefaults__)
try:
    kw_defaults(1)
except TypeError as e:
    print("TypeError:", e)
