# int: comparisons across int, float and bool, including big ints vs floats and inf/nan.
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True)
print(1 < 1.5, 2 > 1.5, -1 < -0.5, 3 <= 3.0, 3 >= 3.0000001)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan)
print(True < 2, False < True, True + True == 2)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True)
print(10 ** 30 == 10 ** 30, 10 ** 30 == 10.0 ** 30, -0 == 0)
print(max(1, 2.5, True), min(0, -0.5, False))
print(sorted([3, 1.5, True, 0, -2, 2.0]))
try:
    print(1 < "1")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] >= 1.0)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", 1 != "1")
