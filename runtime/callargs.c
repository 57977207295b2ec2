/*
 * mp_call_prepare_args_n_kw_var (py/runtime.h): the flat argument array of a call written with
 * *args and **kwargs, as the firmware builds it for mp_call_method_n_kw_var: self (when given and
 * not NULL), the positional arguments with each starred one unpacked (any iterable), then the
 * key/value pairs with each double-starred mapping unpacked (a dict's slots in order, another
 * mapping through keys() and __getitem__), every key interned. The firmware asks the starred
 * arguments for their length (__len__) first, as here. out_args->args is a heap array of
 * out_args->n_alloc slots, for the caller to free.
 *
 * args: fun, [self,] n_args positional, n_kw key/value pairs (key MP_OBJ_NULL for a **mapping),
 * then a small int whose bit i marks positional argument i as starred.
 */
#include "py/dynruntime.h"

typedef struct _natmodgen_rt_argv_t {
    mp_obj_t *items;
    size_t len, alloc;
} natmodgen_rt_argv_t;

static void natmodgen_rt_argv_push(natmodgen_rt_argv_t *v, mp_obj_t item) {
    if (v->len == v->alloc) {
        size_t grown = v->alloc * 2 + 4;
        v->items = m_renew(mp_obj_t, v->items, v->alloc, grown);
        v->alloc = grown;
    }
    v->items[v->len++] = item;
}

static mp_obj_t natmodgen_rt_kw_key(mp_obj_t key) {
    return mp_obj_is_qstr(key) ? key : mp_obj_str_intern_checked(key);
}

void mp_call_prepare_args_n_kw_var(bool have_self, size_t n_args_n_kw, const mp_obj_t *args, mp_call_args_t *out_args) {
    mp_obj_t fun = *args++;
    mp_obj_t self = have_self ? *args++ : MP_OBJ_NULL;
    size_t n_args = n_args_n_kw & 0xff;
    size_t n_kw = (n_args_n_kw >> 8) & 0xff;
    mp_uint_t starred = MP_OBJ_SMALL_INT_VALUE(args[n_args + 2 * n_kw]);
    const mp_obj_t *kw = args + n_args;

    // Room for what is known now: the lengths starred arguments report, the dicts' sizes.
    size_t room = 1 + n_args + 2 * n_kw;
    for (size_t i = 0; i < n_args; i++) {
        if ((starred >> i) & 1) {
            mp_obj_t len = mp_obj_len_maybe(args[i]);
            if (len != MP_OBJ_NULL) {
                room += mp_obj_get_int(len);
            }
        }
    }
    mp_obj_t dict_type = MP_OBJ_FROM_PTR(&mp_type_dict);
    for (size_t i = 0; i < n_kw; i++) {
        if (kw[2 * i] == MP_OBJ_NULL && kw[2 * i + 1] != MP_OBJ_NULL && MP_OBJ_FROM_PTR(mp_obj_get_type(kw[2 * i + 1])) == dict_type) {
            room += 2 * mp_obj_dict_len(kw[2 * i + 1]);
        }
    }
    natmodgen_rt_argv_t v = { m_new(mp_obj_t, room), 0, room };

    if (self != MP_OBJ_NULL) {
        natmodgen_rt_argv_push(&v, self);
    }
    for (size_t i = 0; i < n_args; i++) {
        if (!((starred >> i) & 1)) {
            natmodgen_rt_argv_push(&v, args[i]);
            continue;
        }
        mp_obj_iter_buf_t iter_buf;
        mp_obj_t iter = mp_getiter(args[i], &iter_buf);
        mp_obj_t item;
        while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
            natmodgen_rt_argv_push(&v, item);
        }
    }
    size_t n_pos = v.len;

    for (size_t i = 0; i < n_kw; i++) {
        mp_obj_t key = kw[2 * i];
        mp_obj_t value = kw[2 * i + 1];
        if (key != MP_OBJ_NULL) {
            natmodgen_rt_argv_push(&v, key);
            natmodgen_rt_argv_push(&v, value);
        } else if (MP_OBJ_FROM_PTR(mp_obj_get_type(value)) == dict_type) {
            mp_map_t *map = mp_obj_dict_get_map(value);
            for (size_t j = 0; j < map->alloc; j++) {
                if (mp_map_slot_is_filled(map, j)) {
                    natmodgen_rt_argv_push(&v, natmodgen_rt_kw_key(map->table[j].key));
                    natmodgen_rt_argv_push(&v, map->table[j].value);
                }
            }
        } else {
            mp_obj_t dest[3];
            mp_load_method(value, MP_QSTR_keys, dest);
            mp_obj_t keys = mp_getiter(mp_call_method_n_kw(0, 0, dest), NULL);
            mp_obj_t k;
            while ((k = mp_iternext(keys)) != MP_OBJ_STOP_ITERATION) {
                k = natmodgen_rt_kw_key(k);
                mp_load_method(value, MP_QSTR___getitem__, dest);
                dest[2] = k;
                mp_obj_t item = mp_call_method_n_kw(1, 0, dest);
                natmodgen_rt_argv_push(&v, k);
                natmodgen_rt_argv_push(&v, item);
            }
        }
    }

    out_args->fun = fun;
    out_args->args = v.items;
    out_args->n_args = n_pos;
    out_args->n_kw = (v.len - n_pos) / 2;
    out_args->n_alloc = v.alloc;
}
