# control: if/elif/else chains, nested ifs, truthiness of every built-in kind of value used as a condition.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        if n % 2 == 0:
            return "medium even"
        else:
            return "medium odd"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42, 43, 1000)])
for value in [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b""]:
    if value:
        print(repr(value), "truthy")
    else:
        print(repr(value), "falsy")
x = 5
if x > 3: print("one-line if")
if x > 10:
    pass
else:
    print("else branch")
