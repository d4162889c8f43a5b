# builtins: divmod() and pow() on ints, floats and bools: signs, modular inverse, three-argument pow, and their errors.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2 ** 100, 7), (-(2 ** 100), 7), (True, 2)]:
    print(a, b, divmod(a, b), end=" | ")
print()
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1, 0.3), (-0.0, 1), (1e308, 1e-308), (5, float("inf")), (-5, float("inf"))]:
    print(a, b, divmod(a, b), end=" | ")
print()
print(pow(2, 10), pow(2, -1), pow(-2, -3), pow(0, 0), pow(2.5, 2), pow(4, 0.5), pow(True, 5), pow(10, 20))
print(pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 100, 10 ** 9 + 7), pow(38, -1, 97), pow(5, 0, 1))
print(pow(base=2, exp=5), pow(2, exp=5), pow(2, 5, mod=3), pow(2, 5, None), pow(exp=2, base=3, mod=None))
for call in [lambda: divmod(1, 0), lambda: divmod(1.5, 0), lambda: divmod(1, 0.0), lambda: divmod("a", 1), lambda: divmod(1),
             lambda: divmod(1, 2, 3), lambda: pow(2), lambda: pow(), lambda: pow(2, 3, 0), lambda: pow(2, -1, 4),
             lambda: pow(2.0, 2, 3), lambda: pow(2, 2.0, 3), lambda: pow(0, -1), lambda: pow(0.0, -2), lambda: pow("a", 2),
             lambda: pow(2, 3, 4, 5), lambda: pow(2, 3, modulus=1), lambda: pow(2, 3, base=2)]:
    try:
        print(call())
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
