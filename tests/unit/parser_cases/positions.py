# Positions: multi-line constructs, comments, continuation lines, non-ASCII text (columns are
# UTF-8 byte offsets in the AST).
total = (1 +
         2 +   # a comment
         3)
value = some_function(
    first,
    second=[1,
            2],
)
long_name = 1 + \
    2
s = ("adjacent "
     "strings "
     'joined')
café = "naïve"; π = 3.14159; 名前 = '名前'
emoji = "😀" + xé if False else "ok"
if (a and
        b):
    pass
def f(
    a,
    b=2,
):
    return (
        a,
        b,
    )
class C(
    Base,
):
    def m(self): return [
        1,
    ]
matrix = [
    [1, 2],
    [3, 4],
]
call = obj.method(arg)[0].attr(
    key=value)
fs = f'''
first {a}
  second {b!r:>{w}}
'''
fs2 = (f'{x}'
       f'{y}' "plain")
deep = ((((1))))
tup = 1, 2,
sl = a[1:2, ::3, ...]
