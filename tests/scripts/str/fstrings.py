# str: f-strings: expressions, nested format specs, !r !s !a, '=' self-documenting, escaped braces, dates-free specs.
name, value, width, prec = "pi", 3.14159265, 12, 3
items = [1, 2, 3]
d = {"k": "v"}
print(f"{name}={value}", f"{name!r}", f"{name!s:>6}", f"{'é'!a}", f"{value:.{prec}f}", f"{value:>{width}.{prec}e}")
print(f"{value=}", f"{value = :.2f}", f"{name=!s}", f"{items[1]=}", f"{1 + 2 = }", f"{d['k']=}")
print(f"{{literal}} {{{name}}}", f"{len(items) * 2}", f"{items[-1] if items else 0}", f"{'nested ' + name}")
print(f"{3.5:{'*'}^{9}}", f"{42:{'#'}{'x'}}", f"{-7:{'+'}}", f"{1234567:{','}}", f"{0.5:{'.1%'}}")
print(f"{name:10}|{name:<10}|{name:^10}|{name:>10}|{value:10.2f}|{value:<10.1f}|{255:#06x}|{True}|{None!r}")
x = 10
print(f"{x:5}{x:<5}{x!r:>5}", f"{'a' 'b'}", f"{x}" f"{x + 1}" "plain", f"""{x
+ 1}""")
print(f"{[i * i for i in range(4)]}", f"{ {'a': 1}['a'] }", f"{(lambda v: v * 2)(21)}", f"{x:{width}}")
try:
    print(f"{name:d}")
except ValueError as e:
    print("ValueError:", e)
