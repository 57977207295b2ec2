/*
 * str and bytes objects from a vstr (py/obj.h). The firmware takes over the vstr's
 * buffer; a natmod can only copy it (mp_obj_new_str/mp_obj_new_bytes are the
 * mp_fun_table entries), then frees it, so the vstr is consumed either way.
 * mp_obj_new_str checks utf-8 as the firmware's mp_obj_new_str_from_vstr does.
 */
#include "py/dynruntime.h"
#include "py/objstr.h"
#include "natmodgen_rt.h"
#include "builtin.h"

mp_obj_t mp_obj_new_str_from_vstr(vstr_t *vstr) {
    mp_obj_t o = mp_obj_new_str(vstr->buf, vstr->len);
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
    vstr->alloc = 0;
    return o;
}

/*
 * The firmware skips the utf-8 check for text already known valid; checking it again
 * changes nothing. Without the check py/obj.h makes this name a macro of the one above.
 */
#if MICROPY_PY_BUILTINS_STR_UNICODE && MICROPY_PY_BUILTINS_STR_UNICODE_CHECK
mp_obj_t mp_obj_new_str_from_utf8_vstr(vstr_t *vstr) {
    return mp_obj_new_str_from_vstr(vstr);
}
#endif

mp_obj_t mp_obj_new_bytes_from_vstr(vstr_t *vstr) {
    mp_obj_t o = mp_obj_new_bytes((const byte *)vstr->buf, vstr->len);
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
    vstr->alloc = 0;
    return o;
}

mp_obj_t mp_obj_new_bytearray(size_t n, const void *items) {
    mp_obj_t o = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_bytearray), 1, 0, (mp_obj_t[]) { MP_OBJ_NEW_SMALL_INT(n) });
    if (n > 0 && items != NULL) {
        mp_buffer_info_t bufinfo;
        mp_get_buffer_raise(o, &bufinfo, MP_BUFFER_WRITE);
        mp_fun_table.memmove_(bufinfo.buf, items, n);
    }
    return o;
}

/* py/objstr.c: equal text; qstrs compare by number, other str/bytes objects by their data. */
bool mp_obj_str_equal(mp_obj_t s1, mp_obj_t s2) {
    if (mp_obj_is_qstr(s1) && mp_obj_is_qstr(s2)) {
        return s1 == s2;
    }
    size_t l1, l2;
    const char *d1 = mp_obj_str_get_data_dyn(s1, &l1);
    const char *d2 = mp_obj_str_get_data_dyn(s2, &l2);
    return l1 == l2 && memcmp(d1, d2, l1) == 0;
}

NATMODGEN_RT_LOOP mp_obj_t mp_obj_new_str_from_cstr(const char *str) {
    size_t len = 0;
    while (str[len] != '\0') {
        len++;
    }
    return mp_obj_new_str(str, len);
}

/*
 * py/objstr.c: a new str or bytes object of the firmware's layout, never a qstr, with the
 * firmware's hash; with data NULL the caller fills o->data itself, as in the firmware.
 */
mp_obj_t mp_obj_new_str_copy(const mp_obj_type_t *type, const byte *data, size_t len) {
    mp_obj_str_t *o = mp_obj_malloc(mp_obj_str_t, type);
    o->len = len;
    if (data) {
        o->hash = qstr_compute_hash(data, len);
        byte *p = m_new(byte, len + 1);
        mp_fun_table.memmove_(p, data, len);
        p[len] = '\0';
        o->data = p;
    }
    return MP_OBJ_FROM_PTR(o);
}

/* py/objstr.c: the first (direction > 0) or last (direction < 0) place needle occurs. */
NATMODGEN_RT_LOOP const byte *find_subbytes(const byte *haystack, size_t hlen, const byte *needle, size_t nlen, int direction) {
    if (hlen < nlen) {
        return NULL;
    }
    size_t last = hlen - nlen;
    for (size_t k = 0; k <= last; k++) {
        size_t at = direction > 0 ? k : last - k;
        size_t j = 0;
        while (j < nlen && haystack[at + j] == needle[j]) {
            j++;
        }
        if (j == nlen) {
            return haystack + at;
        }
    }
    return NULL;
}

/* str.split and str.format are these functions: args[0] is the str, the rest as given. */
mp_obj_t mp_obj_str_split(size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(mp_load_attr(args[0], MP_QSTR_split), n_args - 1, 0, args + 1);
}

mp_obj_t mp_obj_str_format(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
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
    mp_obj_t r = mp_call_function_n_kw(mp_load_attr(args[0], MP_QSTR_format), n_args - 1, n_kw, call);
    m_del(mp_obj_t, call, n_args - 1 + 2 * n_kw);
    return r;
}

/* JSON text of a str, as the firmware's json.dumps writes it: its str print in JSON mode. */
void mp_str_print_json(const mp_print_t *print, const byte *str_data, size_t str_len) {
    mp_obj_t s = mp_obj_new_str((const char *)str_data, str_len);
    MP_OBJ_TYPE_GET_SLOT(&mp_type_str, print)((mp_print_t *)print, s, PRINT_JSON);
}

#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
/* GET_STR_DATA_LEN's function in the object representations C and D. */
const byte *mp_obj_str_get_data_no_check(mp_obj_t self_in, size_t *len) {
    return (const byte *)mp_obj_str_get_data_dyn(self_in, len);
}
#endif

void mp_obj_str_set_data(mp_obj_str_t *str, const byte *data, size_t len) {
    str->data = data;
    str->len = len;
    str->hash = qstr_compute_hash(data, len);
}
