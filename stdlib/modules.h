/* stdlib/modules.h — the built-in module registry (stdlib/modules.def) and the import machinery
 * behind IMPORT_NAME: sys.modules first, then the registry. Importing .py files is not done
 * yet: any other name is ModuleNotFoundError "No module named 'x'". */
#ifndef PR_STDLIB_MODULES_H
#define PR_STDLIB_MODULES_H

#include "vm/interp.h"

/* The init functions of stdlib/modules.def. */
#define PR_MODULE_DEF(name, init) int init(PrObject *module);
#include "stdlib/modules.def"
#undef PR_MODULE_DEF

/* sys.modules, made on first use. Returns: borrowed, or NULL with MemoryError. */
PrObject *pr_modules_dict_borrow(void);

/* The module called name (a str, dotted for a submodule: "os.path"), from sys.modules or made
 * from the registry (`builtins` wraps the VM's builtins namespace). Returns: a new reference. Errors: ModuleNotFoundError "No module named
 * 'x'" (or "No module named 'sys.x'; 'sys' is not a package"), whatever the init raises. */
PrObject *pr_import_module(PrObject *name);

/* The same for a C string. */
PrObject *pr_import_module_cstr(const char *name);

/* `import name` / `from name import ...` as the IMPORT_NAME instruction does it: level > 0 is
 * ImportError "attempted relative import with no known parent package"; with no fromlist the
 * top-level package is returned (`import os.path` binds os). Returns: a new reference. */
PrObject *pr_import_name(PrObject *name, PrObject *fromlist, PrObject *level);

/* Makes the module `__main__` around globals (a dict) and stores it in sys.modules.
 * Returns: 0 or -1 (MemoryError). */
int pr_modules_set_main(PrObject *globals);

/* Interpreter shutdown: empties every module's namespace, then sys.modules. */
void pr_modules_fini(void);

#endif
