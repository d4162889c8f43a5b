# modules: os and os.path on the real system: getpid, getcwd, listdir, remove, environ, sysconf, and the path string functions.
import os
print(type(os.getpid()).__name__, os.getpid() > 0, os.getcwd() == os.getcwd(), os.name, os.sep)
name = "os_basics.tmp"
f = open(name, "w")
f.write("12345")
f.close()
print(name in os.listdir(), name in os.listdir("."), os.path.exists(name), os.path.isfile(name), os.path.isdir(name))
print(os.path.getsize(name), os.path.isdir("."), os.path.exists("no_such_entry"))
os.unlink(name)
print(name in os.listdir(), os.path.exists(name))
for call in [lambda: os.remove(name), lambda: os.path.getsize(name), lambda: os.listdir("no_such_dir"), lambda: os.remove(3.5)]:
    try:
        call()
    except (OSError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print("PATH" in os.environ, isinstance(os.environ.get("PATH"), str))
print(os.sysconf("SC_PAGE_SIZE") % 4096, "SC_PAGE_SIZE" in os.sysconf_names)
try:
    os.sysconf("SC_NOT_A_NAME")
except ValueError as e:
    print("ValueError:", e)
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/abs", "c"), os.path.join("", "x"), os.path.join("a", ""))
print(os.path.basename("/x/y/z.txt"), repr(os.path.basename("/x/y/")), os.path.dirname("/x/y/z.txt"), os.path.dirname("z.txt") == "", os.path.dirname("/z"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".profile"), os.path.splitext("dir.d/file"))
