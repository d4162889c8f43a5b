# str: in/not in, ==/</> comparison by code points, * repetition (incl. 0, negative, bool), + concatenation, errors.
print("ell" in "hello", "" in "abc", "z" not in "abc", "é" in "café", "😀" in "a😀b", "AB" in "abc")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "😀" > "€", "" < "a", "a" == "a", "abc" != "abc")
print(sorted(["banana", "Apple", "cherry", "apple", "éclair", "Zebra", ""]))
print("ab" * 3, "ab" * 0, "ab" * -2, 3 * "x", "-" * True, repr("" * 100), "é😀" * 2)
print("con" + "cat", "" + "", "a" + "é" + "😀", max("apple", "pear"), min("b", "a", "c"))
s = "x"
s += "y"
s *= 3
print(s)
for expr in ('"a" + 1', '"a" * "b"', '"a" < 1', '1 in "abc"', '"a" * 1.5'):
    try:
        if expr == '"a" + 1':
            "a" + 1
        elif expr == '"a" * "b"':
            "a" * "b"
        elif expr == '"a" < 1':
            "a" < 1
        elif expr == '1 in "abc"':
            1 in "abc"
        else:
            "a" * 1.5
    except TypeError as e:
        print(expr, "->", e)
