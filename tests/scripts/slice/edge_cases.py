# slice: out-of-range bounds clamp, None parts, negative steps with default bounds, empty results, bool/index bounds.
a = [0, 1, 2, 3, 4]
print(a[-100:100], a[3:1], a[5:], a[:-5], a[::-1], a[-1::-1], a[:-6:-1], a[3::-1], a[:2:-1], a[None:None:None])
print(a[True:], a[:False], a[1:4:-1], a[4:1:-1], a[::-2], a[-2::-2], a[10::-1], a[-10::1])
s = "hello"
print(s[::-1], s[1:-1], s[-3:], s[:0], s[5:], s[100:-100:-1], s[-100:100:2])
t = (1, 2, 3)
print(t[1:], t[:1], t[::-1], t[-1:-4:-1])
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    a["a":]
except TypeError as e:
    print("TypeError:", e)
try:
    a[1.0:2]
except TypeError as e:
    print("TypeError:", e)
print(a[2 ** 70:], a[-(2 ** 70):2], a[:: 2 ** 70])
