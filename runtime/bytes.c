/*
 * bytes.hex()/bytes.fromhex() as the firmware has them (py/objstr.h), for modules
 * such as binascii that call them directly. The result type is str or bytes, made
 * through the vstr helpers (the firmware's mp_obj_new_str_type_from_vstr is not exported).
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

static mp_obj_t natmodgen_rt_str_of_type(const mp_obj_type_t *type, vstr_t *vstr) {
    if (type == &mp_type_str) {
        return mp_obj_new_str_from_vstr(vstr);
    }
    return mp_obj_new_bytes_from_vstr(vstr);
}

static char natmodgen_rt_hex_digit(byte d) {
    return d < 10 ? (char)('0' + d) : (char)('a' + d - 10);
}

NATMODGEN_RT_LOOP mp_obj_t mp_obj_bytes_hex(size_t n_args, const mp_obj_t *args, const mp_obj_type_t *type) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[0], &bufinfo, MP_BUFFER_READ);
    vstr_t vstr;
    if (bufinfo.len == 0) {
        vstr_init(&vstr, 1);
        return natmodgen_rt_str_of_type(type, &vstr);
    }
    const char *sep = n_args > 1 ? mp_obj_str_get_str(args[1]) : NULL;
    vstr_init(&vstr, bufinfo.len * 3);
    const byte *in = bufinfo.buf;
    for (size_t i = 0; i < bufinfo.len; i++) {
        if (sep != NULL && i > 0) {
            vstr_add_byte(&vstr, (byte)*sep);
        }
        vstr_add_byte(&vstr, (byte)natmodgen_rt_hex_digit(in[i] >> 4));
        vstr_add_byte(&vstr, (byte)natmodgen_rt_hex_digit(in[i] & 0xf));
    }
    return natmodgen_rt_str_of_type(type, &vstr);
}

NATMODGEN_RT_LOOP mp_obj_t mp_obj_bytes_fromhex(mp_obj_t type_in, mp_obj_t data) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data, &bufinfo, MP_BUFFER_READ);
    vstr_t vstr;
    vstr_init(&vstr, bufinfo.len / 2 + 1);
    const byte *in = bufinfo.buf;
    const byte *end = in + bufinfo.len;
    while (in < end) {
        unichar hi = *in++;
        if (unichar_isspace(hi)) {
            continue;
        }
        if (in == end || !unichar_isxdigit(hi) || !unichar_isxdigit(*in)) {
            mp_raise_ValueError(MP_ERROR_TEXT("non-hex digit"));
        }
        unichar lo = *in++;
        vstr_add_byte(&vstr, (byte)((unichar_xdigit_value(hi) << 4) | unichar_xdigit_value(lo)));
    }
    return natmodgen_rt_str_of_type(MP_OBJ_TO_PTR(type_in), &vstr);
}
