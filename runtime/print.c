/*
 * Printing (py/mpprint.h, py/obj.h) over the firmware's printer: mp_printf and
 * mp_vprintf are mp_fun_table entries, so every format the firmware supports
 * (%q, %s, %.*s, %d, %u, %x, %c, %p...) behaves as in the firmware.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP int mp_print_str(const mp_print_t *print, const char *str) {
    size_t len = 0;
    while (str[len] != '\0') {
        len++;
    }
    if (len) {
        print->print_strn(print->data, str, len);
    }
    return len;
}

void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    #ifndef NDEBUG
    if (o_in == MP_OBJ_NULL) {
        mp_print_str(print, "(nil)");
        return;
    }
    #endif
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, print)) {
        MP_OBJ_TYPE_GET_SLOT(type, print)((mp_print_t *)print, o_in, kind);
    } else {
        mp_printf(print, "<%q>", (qstr)type->name);
    }
}

void mp_obj_print(mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_print_helper(&mp_plat_print, o_in, kind);
}
