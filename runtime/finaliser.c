/*
 * Allocation "with a finaliser" in a natmod. The GC marks a block for a finaliser only when
 * the firmware's own gc_alloc is asked to, and mp_fun_table reaches gc_alloc only without
 * that flag: a natmod's objects are never finalised by the GC, so __del__ runs only when
 * called. natmodgen says so at each call site (NMG3003). A natmod is built with
 * MICROPY_ENABLE_FINALISER off, where py/obj.h already maps mp_obj_malloc_with_finaliser to
 * mp_obj_malloc; these are the functions for code that calls them by name.
 */
#include "py/dynruntime.h"

void *m_malloc_with_finaliser(size_t num_bytes);
void *mp_obj_malloc_with_finaliser_helper(size_t num_bytes, const mp_obj_type_t *type);

void *m_malloc_with_finaliser(size_t num_bytes) {
    return m_malloc(num_bytes);
}

void *mp_obj_malloc_with_finaliser_helper(size_t num_bytes, const mp_obj_type_t *type) {
    return mp_obj_malloc_helper(num_bytes, type);
}
