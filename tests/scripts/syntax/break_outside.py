# SyntaxError golden test: pyrena must report what CPython 3.11 reports.
for i in range(3):
    pass
break
