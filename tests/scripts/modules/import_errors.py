# modules: what a failed import raises: ModuleNotFoundError for unknown names and non-packages, ImportError for missing names, AttributeError on modules.
import sys
for stmt in ["import no_such_module", "import sys.nothing", "from sys import nothing", "import nothing.below",
             "from . import x", "from .. import y"]:
    try:
        exec_result = None
        if stmt == "import no_such_module":
            import no_such_module
        elif stmt == "import sys.nothing":
            import sys.nothing
        elif stmt == "from sys import nothing":
            from sys import nothing
        elif stmt == "import nothing.below":
            import nothing.below
        elif stmt == "from . import x":
            from . import x
        else:
            from .. import y
    except ImportError as e:
        print(stmt, "->", type(e).__name__ + ":", e)
print(issubclass(ModuleNotFoundError, ImportError), ModuleNotFoundError.__mro__[1].__name__)
try:
    sys.no_attribute
except AttributeError as e:
    print("AttributeError:", e)
try:
    import missing_at_top
finally:
    print("finally runs before the traceback")
