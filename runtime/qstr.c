/*
 * qstr text and values (py/qstr.h). A natmod cannot read the firmware's qstr pool,
 * but a qstr object is a str whose buffer is the pool's text (nul-terminated, never
 * moved), so the buffer protocol gives it.
 */
#include "py/dynruntime.h"
#include "py/unicode.h"
#include "qstr.h"
#include "natmodgen_rt.h"
#include "builtin.h"

const byte *qstr_data(qstr q, size_t *len) {
    return (const byte *)mp_obj_str_get_data_dyn(MP_OBJ_NEW_QSTR(q), len);
}

const char *qstr_str(qstr q) {
    return (const char *)mp_obj_str_get_data_dyn(MP_OBJ_NEW_QSTR(q), NULL);
}

size_t qstr_len(qstr q) {
    size_t len;
    mp_obj_str_get_data_dyn(MP_OBJ_NEW_QSTR(q), &len);
    return len;
}

/*
 * py/qstr.c: the firmware's own string hash, whose mask depends on the port's
 * MICROPY_QSTR_BYTES_IN_HASH: hash() of a bytes object is qstr_compute_hash of its data
 * (the firmware stores it at creation, or computes it on the spot when it keeps none).
 */
size_t qstr_compute_hash(const byte *data, size_t len) {
    return MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, mp_obj_new_bytes(data, len)));
}

/*
 * Interning (py/qstr.h, py/objstr.h). The firmware's mp_obj_new_str (an mp_fun_table
 * entry) answers with the qstr object when the text is interned already, which is
 * qstr_find_strn; and its getattr(obj, name, default) interns the name
 * (mp_obj_str_get_qstr), with the firmware's own errors for a name that is not a str or
 * is too long. Text that is not valid UTF-8 cannot become a str here: qstr_find_strn
 * finds no qstr for it, and qstr_from_strn raises UnicodeError.
 */
qstr qstr_find_strn(const char *str, size_t str_len) {
    if (!utf8_check((const byte *)str, str_len)) {
        return MP_QSTRnull;
    }
    mp_obj_t s = mp_obj_new_str(str, str_len);
    return mp_obj_is_qstr(s) ? MP_OBJ_QSTR_VALUE(s) : MP_QSTRnull;
}

/* The firmware's checks and errors for a name: getattr(None, name, None) interns it. */
static void natmodgen_intern(mp_obj_t name) {
    mp_obj_t args[3] = { mp_const_none, name, mp_const_none };
    mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_getattr), 3, 0, args);
}

qstr qstr_from_strn(const char *str, size_t len) {
    mp_obj_t s = mp_obj_new_str(str, len);
    if (!mp_obj_is_qstr(s)) {
        natmodgen_intern(s);
        s = mp_obj_new_str(str, len);
    }
    return MP_OBJ_QSTR_VALUE(s);
}

NATMODGEN_RT_LOOP qstr qstr_from_str(const char *str) {
    size_t len = 0;
    while (str[len] != '\0') {
        len++;
    }
    return qstr_from_strn(str, len);
}

qstr qstr_from_strn_static(const char *str, size_t len) {
    return qstr_from_strn(str, len);
}

/* hash() of a qstr object is the hash the firmware keeps for the qstr. */
size_t qstr_hash(qstr q) {
    return MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, MP_OBJ_NEW_QSTR(q)));
}

qstr mp_obj_str_get_qstr(mp_obj_t self_in) {
    if (mp_obj_is_qstr(self_in)) {
        return MP_OBJ_QSTR_VALUE(self_in);
    }
    if (mp_obj_is_exact_type(self_in, &mp_type_str)) {
        size_t len;
        const char *data = mp_obj_str_get_data_dyn(self_in, &len);
        return qstr_from_strn(data, len);
    }
    /* Anything else: the firmware's TypeError, from its own conversion. */
    natmodgen_intern(self_in);
    return MP_QSTRnull;
}

mp_obj_t mp_obj_new_str_via_qstr(const char *data, size_t len) {
    return MP_OBJ_NEW_QSTR(qstr_from_strn(data, len));
}

mp_obj_t mp_obj_str_intern(mp_obj_t str) {
    size_t len;
    const char *data = mp_obj_str_get_data_dyn(str, &len);
    return mp_obj_new_str_via_qstr(data, len);
}

/* The firmware's error for a key that is not a str (py/objstr.c bad_implicit_conversion), not
 * py/dynruntime.h's buffer-protocol one. */
mp_obj_t mp_obj_str_intern_checked(mp_obj_t obj) {
    if (!mp_obj_is_str_or_bytes(obj)) {
        qstr from = mp_obj_get_type(obj)->name;
        mp_raise_msg_varg((const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_TypeError)),
            MP_ERROR_TEXT("can't convert '%q' object to %q implicitly"), from, from == MP_QSTR_str ? MP_QSTR_bytes : MP_QSTR_str);
    }
    size_t len;
    const char *data = mp_obj_str_get_data_dyn(obj, &len);
    return mp_obj_new_str_via_qstr(data, len);
}
