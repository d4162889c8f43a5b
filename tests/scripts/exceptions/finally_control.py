# exceptions: finally runs on return, break and continue; a return in finally overrides and swallows the exception.
def ret():
    try:
        return "from try"
    finally:
        print("finally after return")
def override():
    try:
        return "try"
    finally:
        return "finally wins"
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret(), override(), swallow())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 1:
            break
    finally:
        print("loop finally", i)
def nested():
    try:
        try:
            return 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested())
def counts():
    log = []
    for i in range(4):
        try:
            if i % 2:
                raise RuntimeError(i)
            log.append("ok%d" % i)
        except RuntimeError as e:
            log.append("err%s" % e)
            continue
        finally:
            log.append("f%d" % i)
    return log
print(counts())
