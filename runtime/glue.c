/*
 * Runtime entry points that are mp_fun_table entries under other names (py/runtime.h):
 * native value conversion, the class builder, and deleting names and globals.
 */
#include "py/dynruntime.h"

mp_uint_t mp_native_from_obj(mp_obj_t obj, mp_uint_t type) {
    return mp_fun_table.native_from_obj(obj, type);
}

mp_obj_t mp_native_to_obj(mp_uint_t val, mp_uint_t type) {
    return mp_fun_table.native_to_obj(val, type);
}

mp_obj_t mp_load_build_class(void) {
    return mp_fun_table.load_build_class();
}

void mp_delete_name(qstr qst) {
    mp_fun_table.delete_name(qst);
}

void mp_delete_global(qstr qst) {
    mp_fun_table.delete_global(qst);
}

/* py/nativeglue.c: the native type a viper annotation names, -1 for any other name
 * (a natmod's qstrs are run-time values: compared one by one). */
int mp_native_type_from_qstr(qstr qst) {
    if (qst == MP_QSTR_object) {
        return MP_NATIVE_TYPE_OBJ;
    } else if (qst == MP_QSTR_bool) {
        return MP_NATIVE_TYPE_BOOL;
    } else if (qst == MP_QSTR_int) {
        return MP_NATIVE_TYPE_INT;
    } else if (qst == MP_QSTR_uint) {
        return MP_NATIVE_TYPE_UINT;
    } else if (qst == MP_QSTR_ptr) {
        return MP_NATIVE_TYPE_PTR;
    } else if (qst == MP_QSTR_ptr8) {
        return MP_NATIVE_TYPE_PTR8;
    } else if (qst == MP_QSTR_ptr16) {
        return MP_NATIVE_TYPE_PTR16;
    } else if (qst == MP_QSTR_ptr32) {
        return MP_NATIVE_TYPE_PTR32;
    }
    return -1;
}

/* A method called with its self: meth(self, *args, **kw) through mp_call_method_n_kw. */
mp_obj_t mp_call_method_self_n_kw(mp_obj_t meth, mp_obj_t self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *call = m_new(mp_obj_t, n + 2);
    call[0] = meth;
    call[1] = self;
    for (size_t i = 0; i < n; i++) {
        call[i + 2] = args[i];
    }
    mp_obj_t r = mp_call_method_n_kw(n_args, n_kw, call);
    m_del(mp_obj_t, call, n + 2);
    return r;
}
