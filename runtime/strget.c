/*
 * py/objstr.c's mp_obj_str_get_str and mp_obj_str_get_data: the text of a str or bytes object,
 * TypeError for anything else. py/dynruntime.h's macros of these names read any buffer (a
 * bytearray passed for a name came back as its bytes, not NUL-terminated) and raise "object with
 * buffer protocol required" where the firmware raises "can't convert 'int' object to str
 * implicitly" (micro_ecc's Curve(5) showed it).
 *
 * The TypeError is the firmware's own: `o in ""` with o not a str makes py/objstr.c call its
 * bad_implicit_conversion(o), so the text is the firmware's at the port's error-reporting level.
 */
#include "py/dynruntime.h"
#include "strtype.h"
#include "objstr.h"

const char *mp_obj_str_get_data(mp_obj_t self_in, size_t *len) {
    if (!mp_obj_is_str_or_bytes(self_in)) {
        // Raises: str's binary operation does for every operand that is not a str.
        mp_binary_op(MP_BINARY_OP_CONTAINS, MP_OBJ_NEW_QSTR(MP_QSTR_str), self_in);
    }
    return (const char *)mp_obj_str_get_data_dyn(self_in, len);
}

const char *mp_obj_str_get_str(mp_obj_t self_in) {
    return mp_obj_str_get_data(self_in, NULL);
}

/*
 * py/objstr.c's mp_obj_new_str_of_type: a bytearray for the bytearray type (py/dynruntime.h's
 * macro makes bytes of everything but str), made by bytearray(bytes). bytes is the type other
 * than str with str's binary operation: told apart without looking up the name bytearray.
 */
mp_obj_t mp_obj_new_str_of_type(const mp_obj_type_t *type, const byte *data, size_t len) {
    if (type == &mp_type_str) {
        return mp_obj_new_str((const char *)data, len);
    }
    mp_obj_t bytes = mp_obj_new_bytes(data, len);
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(type, binary_op) != MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op)
        && type == &mp_type_bytearray) {
        return mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 1, 0, &bytes);
    }
    return bytes;
}
