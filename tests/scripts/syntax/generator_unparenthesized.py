# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
f(x for x in y, 1)
