# control: pass in every block kind, empty function bodies (docstring or pass) return None, ellipsis as a statement.
def nothing():
    pass
def documented():
    """Only a docstring."""
def dots():
    ...
print(nothing(), documented(), dots(), documented.__doc__)
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(i, ..., type(...).__name__, Ellipsis is ...)
