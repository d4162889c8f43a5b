# int: str() of a 10,000-digit number needs sys.set_int_max_str_digits (3.11 limit 4300); length and slices.
import sys
print(sys.get_int_max_str_digits())
n = 10 ** 9999 + 123456789
try:
    str(n)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)), hex(n)[:6])
sys.set_int_max_str_digits(20000)
print(sys.get_int_max_str_digits())
s = str(n)
print(len(s), s[:5], s[-12:])
m = 7 ** 11833
t = str(m)
print(len(t), t[:30], t[-30:])
print(int(t) == m, int(s) == n)
print(len(str(-m)), str(-m)[:10])
f = 1
for i in range(1, 1001):
    f *= i
fs = str(f)
print(len(fs), fs[:20], fs.count("0"), len(fs) - len(fs.rstrip("0")))
print(m % 1000000007, (m * m) % 999983)
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 30000)))
