/*
 * Allocation functions of py/misc.h and py/gc.h that dynruntime.h lacks, over the
 * firmware's gc_realloc (mp_fun_table.realloc_).
 */
#include "py/dynruntime.h"

void *m_malloc0(size_t num_bytes) {
    void *p = m_malloc(num_bytes);
    mp_fun_table.memset_(p, 0, num_bytes);
    return p;
}

void *m_malloc_maybe(size_t num_bytes) {
    return mp_fun_table.realloc_(NULL, num_bytes, false);
}

/* gc_realloc to size 0 is gc_free, which does not call a finaliser. */
void gc_free(void *ptr) {
    mp_fun_table.realloc_(ptr, 0, false);
}
