/*
 * A list object in caller-owned memory (py/objlist.h), e.g. a parser's stack on the C
 * stack. The firmware's list functions (mp_obj_list_append...) work on it because its
 * type is the firmware's list type.
 */
#include "py/dynruntime.h"
#include "py/objlist.h"
#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP void mp_obj_list_init(mp_obj_list_t *o, size_t n) {
    o->base.type = &mp_type_list;
    o->alloc = n < 4 ? 4 : n;
    o->len = n;
    o->items = m_new(mp_obj_t, o->alloc);
    for (size_t i = 0; i < o->alloc; i++) {
        o->items[i] = MP_OBJ_NULL;
    }
}

/* list.remove(value) is the firmware's mp_obj_list_remove (None, or its ValueError). */
mp_obj_t mp_obj_list_remove(mp_obj_t self_in, mp_obj_t value) {
    return mp_call_function_n_kw(mp_load_attr(self_in, MP_QSTR_remove), 1, 0, &value);
}

/* list.sort(key=..., reverse=...) is the firmware's mp_obj_list_sort: args[0] is the list,
 * the keyword arguments are passed on as they are. */
mp_obj_t mp_obj_list_sort(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    size_t n_kw = kwargs == NULL ? 0 : kwargs->used;
    mp_obj_t *call = m_new(mp_obj_t, n_args - 1 + 2 * n_kw);
    for (size_t i = 1; i < n_args; i++) {
        call[i - 1] = args[i];
    }
    size_t k = n_args - 1;
    for (size_t i = 0; kwargs != NULL && i < kwargs->alloc; i++) {
        if (mp_map_slot_is_filled(kwargs, i)) {
            call[k++] = kwargs->table[i].key;
            call[k++] = kwargs->table[i].value;
        }
    }
    mp_obj_t r = mp_call_function_n_kw(mp_load_attr(args[0], MP_QSTR_sort), n_args - 1, n_kw, call);
    m_del(mp_obj_t, call, n_args - 1 + 2 * n_kw);
    return r;
}
