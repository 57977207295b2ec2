/*
 * Runtime entry points py/dynruntime.h names no macro for although mp_fun_table holds them
 * (py/nativeglue.h: the native emitter's calls): a call with star and double-star arguments, starred
 * unpacking, and closures. Each goes straight to the firmware's function.
 */
#include "py/dynruntime.h"

/* args: fun, [self,] n_args positional, n_kw key/value pairs, then the *args and **kwargs objects. */
mp_obj_t mp_call_method_n_kw_var(bool have_self, size_t n_args_n_kw, const mp_obj_t *args) {
    return mp_fun_table.call_method_n_kw_var(have_self, n_args_n_kw, args);
}

/* num: count before the star in the low byte, count after it in the next; items filled in reverse. */
void mp_unpack_ex(mp_obj_t seq, size_t num, mp_obj_t *items) {
    mp_fun_table.unpack_ex(seq, num, items);
}

mp_obj_t mp_obj_new_closure(mp_obj_t fun, size_t n_closed, const mp_obj_t *closed) {
    return mp_fun_table.new_closure(fun, n_closed, closed);
}
