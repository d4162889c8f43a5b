# list: sort/sorted with key= and reverse= are stable; sort returns None; comparison failure message.
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, reverse=True))
byage = sorted(people, key=lambda p: p[0], reverse=True)
byage.sort(key=lambda p: p[1])
print(byage)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
print(nums.sort(), nums, sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)))
print(sorted([3.5, 1, 2.25, True]), sorted(""), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted([[2, 1], [1, 9], [1, 2]]))
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError:", e)
m = [3, 1, 2]
try:
    m.sort(key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, m)
print(sorted(range(10), key=lambda v: v % 3))
try:
    sorted([1], lambda v: v)
except TypeError as e:
    print("TypeError:", e)
