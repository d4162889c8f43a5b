/* vm/interp.c — building and tearing down the interpreter state (vm/interp.h). */
#include "vm/interp.h"

#include "memory/obmalloc.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/fileio.h"
#include "stdlib/modules.h"
#include "vm/eval.h"

#include <string.h>

PrInterp pr_interp;

#define PR_TYPE_DEF(name, spec) extern const PrType spec;
#include "objects/types.def"
#undef PR_TYPE_DEF

/* The built-in types in types.def order. */
static PrType *const builtin_types[] = {
#define PR_TYPE_DEF(name, spec) PR_TYPE(name),
#include "objects/types.def"
#undef PR_TYPE_DEF
};
#define NTYPES (sizeof builtin_types / sizeof builtin_types[0])
_Static_assert(NTYPES == sizeof(PrTypes) / sizeof(PrType), "types.def expanded once per type");

int pr_interp_init(void)
{
    if (pr_interp.initialized) {
        return 0;
    }
    memset(&pr_interp, 0, sizeof pr_interp);
#define PR_TYPE_DEF(name, spec)                                                                    \
    pr_interp.types.name##_type = spec;                                                            \
    pr_interp.types.name##_type.ob = (PrObject)PR_STATIC_HEADER(PR_TYPE(type));
#include "objects/types.def"
#undef PR_TYPE_DEF
    pr_singletons_init();
    pr_gc_init(&pr_interp.gc);
    pr_interp.type.next_version = 1;
    pr_interp.vm.recursion_limit = 1000;
    pr_interp.initialized = 1;
    pr_dict_init_state();
    pr_list_init_state();
    if (pr_tuple_init_state() < 0 || pr_str_init_state() < 0) {
        goto fail;
    }
    /* after the first allocations: the allocator has started, so its preset is known */
    pr_long_init_state();
    pr_float_init_state();
    for (size_t i = 0; i < NTYPES; i++) {
        if (pr_type_ready(builtin_types[i]) < 0) {
            goto fail;
        }
    }
    if (pr_exceptions_init() < 0) {
        goto fail;
    }
    pr_interp.memory_error = pr_exception_new(PR_EXC(MemoryError), pr_interp.tuple.empty);
    if (!pr_interp.memory_error) {
        goto fail;
    }
    return 0;
fail:
    pr_interp_finalize();
    return -1;
}

void pr_interp_finalize(void)
{
    if (!pr_interp.initialized) {
        return;
    }
    pr_modules_fini();
    pr_vm_fini();
    pr_file_fini();
    PR_CLEAR(pr_interp.exc);
    PR_CLEAR(pr_interp.exc_handled);
    PR_CLEAR(pr_interp.memory_error);
    memset(pr_interp.type.cache, 0, sizeof pr_interp.type.cache);
    pr_exceptions_fini();
    for (size_t i = NTYPES; i-- > 0;) {
        pr_type_fini_static(builtin_types[i]);
    }
    pr_tuple_fini_state();
    pr_str_fini_state();
    pr_freelists_clear_all(PR_FREELISTS_ALL); /* last: the steps above free dicts and tuples */
    pr_mem_free(pr_interp.repr.items);
    memset(&pr_interp, 0, sizeof pr_interp);
}
