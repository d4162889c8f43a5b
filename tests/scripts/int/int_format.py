# int: format()/f-strings/%-formatting of ints: widths, signs, bases, grouping, alternate forms.
n = 1234567
print(f"{n}|{n:10}|{n:<10}|{n:^11}|{n:>10}|{n:010}|{-n:010}")
print(f"{n:,}|{n:_}|{n:+}|{-n:+}|{n: }|{-n: }")
print(f"{255:x}|{255:X}|{255:#x}|{255:#X}|{255:o}|{255:#o}|{255:b}|{255:#b}")
print(f"{255:#010x}|{-255:#010x}|{2**40:_x}|{2**20:_b}|{10**12:,d}")
print(f"{65:c}|{n:e}|{n:.2f}|{n:g}|{n:%}")
print(f"{n:*^15,}|{-n:=12}|{n:=+12}")
print("%d %i %5d %-5d| %05d %+d %x %X %o %#x %#o" % (42, 42, 42, 42, 42, 42, 255, 255, 8, 255, 8))
print("%d" % 10 ** 25, "%s" % 10 ** 25, "%r" % -3)
print(format(10 ** 20, ","), format(-10 ** 20, "_"), format(0, "#b"))
for bad in ("10,x", "s"):
    try:
        format(5, bad)
    except ValueError as e:
        print("ValueError:", e)
