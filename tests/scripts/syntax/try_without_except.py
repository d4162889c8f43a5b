# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
try:
    x = 1
x = 2
