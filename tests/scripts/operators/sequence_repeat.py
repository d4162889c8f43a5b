# `*` repeats a sequence on either side, with CPython's errors for counts that are not ints.
print('ab' * 2, 2 * 'ab', 'ab' * 0, 'ab' * -1 == '')
print([1, 2] * 2, 3 * (1,), b'x' * 3)
for left, right in [('ab', 2.0), (2.0, 'ab'), ([1], 'x'), ('ab', 2 ** 70), ((1,), None)]:
    try:
        print(left * right)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
