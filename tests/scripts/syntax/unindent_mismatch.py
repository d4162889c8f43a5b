# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
if True:
        x = 1
    y = 2
