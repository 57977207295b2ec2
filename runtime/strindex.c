/*
 * str_index_to_ptr (py/objstr.h): where item `index` of str or bytes data starts. Bytes, and
 * every str on a firmware without unicode strings, index bytes (mp_get_index, its bounds and
 * errors); a unicode str counts UTF-8 characters as py/objstrunicode.c does: negative from the
 * end, a slice bound clamped to the ends, otherwise IndexError. Whether the firmware's strings
 * are unicode is what it says of a two-byte character's length (asked once, runtime/unicode.c).
 */
#include "py/dynruntime.h"
#include "unicode.h"

const byte *str_index_to_ptr(const mp_obj_type_t *type, const byte *self_data, size_t self_len, mp_obj_t index, bool is_slice) {
    if (type != &mp_type_str || !natmodgen_rt_str_is_unicode()) {
        return self_data + mp_get_index(type, self_len, index, is_slice);
    }
    mp_int_t i;
    if (!mp_obj_get_int_maybe(index, &i)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("string indices must be integers, not %s"), mp_obj_get_type_str(index));
    }
    const byte *top = self_data + self_len;
    const byte *s;
    if (i < 0) {
        // Back from the end: each character start (a byte that is not a continuation) counts one.
        for (s = top - 1; i != 0; s--) {
            if (s < self_data) {
                if (is_slice) {
                    return self_data;
                }
                mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("string index out of range"));
            }
            if (!UTF8_IS_CONT(*s)) {
                i++;
            }
        }
        return s + 1;
    }
    for (s = self_data;; i--) {
        if (s >= top) {
            if (is_slice) {
                return top;
            }
            mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("string index out of range"));
        }
        if (i == 0) {
            return s;
        }
        s++;
        while (UTF8_IS_CONT(*s)) {
            s++;
        }
    }
}
