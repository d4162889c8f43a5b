# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
values = [1, 2,
          3
print(values)
