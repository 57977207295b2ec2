/*
 * mp_vfs_open (extmod/vfs.h) is the builtin open() of ports with a VFS; a natmod calls that
 * builtin, with the positional and keyword arguments it was given.
 */
#include "py/dynruntime.h"
#include "builtin.h"

mp_obj_t mp_vfs_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_obj_t open_fn = natmodgen_rt_builtin(MP_QSTR_open);
    size_t n_kw = kw_args == NULL ? 0 : kw_args->used;
    if (n_kw == 0) {
        return mp_call_function_n_kw(open_fn, n_args, 0, pos_args);
    }
    mp_obj_t *args = m_new(mp_obj_t, n_args + 2 * n_kw);
    for (size_t i = 0; i < n_args; i++) {
        args[i] = pos_args[i];
    }
    size_t k = n_args;
    for (size_t i = 0; i < kw_args->alloc; i++) {
        if (mp_map_slot_is_filled(kw_args, i)) {
            args[k++] = kw_args->table[i].key;
            args[k++] = kw_args->table[i].value;
        }
    }
    mp_obj_t file = mp_call_function_n_kw(open_fn, n_args, n_kw, args);
    m_del(mp_obj_t, args, n_args + 2 * n_kw);
    return file;
}
