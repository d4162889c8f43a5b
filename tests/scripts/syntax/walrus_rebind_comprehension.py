# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
[i := 0 for i in range(3)]
