/*
 * Garbage-collector and interpreter services (py/gc.h, py/obj.h, py/builtin.h) that the
 * firmware exposes to Python as a builtin module function doing exactly this call:
 * gc.collect() is gc_collect(), micropython.heap_lock() / heap_unlock() / heap_locked() are
 * gc_lock() / gc_unlock() / the lock depth, micropython.alloc_emergency_exception_buf(size) is
 * mp_alloc_emergency_exception_buf, builtins.__import__ is mp_builtin___import__,
 * micropython.stack_use() is mp_cstack_usage. None of these calls allocates, so they work with
 * the heap locked. On a port without the Python function the call raises AttributeError, except
 * gc_is_locked, which then asks the heap for one byte.
 */
#include "py/dynruntime.h"
#include "py/gc.h"

static mp_obj_t natmodgen_rt_module_fun(qstr module, qstr fun) {
    return mp_load_attr(mp_import_name(module, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), fun);
}

void gc_collect(void) {
    mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_gc, MP_QSTR_collect), 0, 0, NULL);
}

void gc_lock(void) {
    mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_micropython, MP_QSTR_heap_lock), 0, 0, NULL);
}

void gc_unlock(void) {
    mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_micropython, MP_QSTR_heap_unlock), 0, 0, NULL);
}

/* micropython.heap_locked() where the port has it; else a locked heap is one that refuses a byte. */
bool gc_is_locked(void) {
    mp_obj_t dest[2];
    mp_load_method_maybe(mp_import_name(MP_QSTR_micropython, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_heap_locked, dest);
    if (dest[0] != MP_OBJ_NULL) {
        return mp_obj_get_int(mp_call_function_n_kw(dest[0], 0, 0, NULL)) != 0;
    }
    void *probe = m_malloc_maybe(1);
    if (probe == NULL) {
        return true;
    }
    m_free(probe);
    return false;
}

mp_obj_t mp_alloc_emergency_exception_buf(mp_obj_t size_in) {
    return mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_micropython, MP_QSTR_alloc_emergency_exception_buf), 1, 0, &size_in);
}

/* The builtins module's own __import__ (not an override stored into builtins). */
mp_obj_t mp_builtin___import___default(size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_builtins, MP_QSTR___import__), n_args, 0, args);
}

/* The port's import handler, which py/builtin.h names mp_builtin___import___default when the port has none. */
mp_obj_t mp_builtin___import__(size_t n_args, const mp_obj_t *args) {
    return mp_builtin___import___default(n_args, args);
}

/*
 * C stack in use, by micropython.stack_use() (MICROPY_PY_MICROPYTHON_STACK_USE): measured inside
 * that call, so it counts the few frames of the call itself on top of the caller's.
 */
mp_uint_t mp_cstack_usage(void) {
    return mp_obj_get_int(mp_call_function_n_kw(natmodgen_rt_module_fun(MP_QSTR_micropython, MP_QSTR_stack_use), 0, 0, NULL));
}

mp_uint_t mp_stack_usage(void) {
    return mp_cstack_usage();
}
