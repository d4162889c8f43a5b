# bench: string building and dict counting — generate a text from a fixed vocabulary with a
# linear congruential generator, split it into words, count them in a dict, then build a report.
SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "zu", "pe", "an", "dor", "is", "ul", "qua", "ve", "ni", "so", "bar"]


def make_words(count, seed):
    words = []
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        n = 1 + (state >> 16) % 3
        word = ""
        s = state
        for _ in range(n):
            word += SYLLABLES[s % 16]
            s //= 16
        words.append(word)
    return words


def make_text(words, line_len):
    lines = []
    line = []
    for i, w in enumerate(words):
        line.append(w.capitalize() if i % 17 == 0 else w)
        if len(line) == line_len:
            lines.append(" ".join(line) + ".")
            line = []
    if line:
        lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for w in line.split():
            w = w.strip(".,").lower()
            counts[w] = counts.get(w, 0) + 1
    return counts


text = make_text(make_words(600000, 2024), 12)
counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
report = "; ".join(["%s=%d" % (w, c) for w, c in top])
checksum = 0
for w, c in counts.items():
    checksum = (checksum * 131 + len(w) * c) % 1000000007
print(len(text), len(counts), report)
print("checksum", checksum)
