# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
def f():

x = 1
