# str: expandtabs with default and custom tab sizes, column reset at newlines, tabsize 0 and 1.
s = "a\tbc\tdef\tghij\tk"
print(repr(s.expandtabs()))
for n in (0, 1, 2, 3, 4, 8):
    print(n, repr(s.expandtabs(n)))
print(repr("ab\n\tc\r\td".expandtabs(4)), repr("\t\t".expandtabs(3)), repr("".expandtabs()), repr("é\tx".expandtabs(4)))
print(repr("12345678\t9".expandtabs()), repr("x\t".expandtabs(tabsize=5)), repr("\tx".expandtabs(-1)))
table = "name\tage\tcity\nann\t30\tparis\nbartholomew\t4\tnyc"
print(table.expandtabs(8))
print(table.expandtabs(12))
print([len(line) for line in table.expandtabs(6).splitlines()])
