/*
 * mp_obj_attrtuple_print_helper (py/objtuple.h): how the firmware prints an attribute tuple
 * (os.uname(), sys.implementation): (name=repr, ...) with the field names given.
 */
#include "py/dynruntime.h"

void mp_obj_attrtuple_print_helper(const mp_print_t *print, const qstr *fields, mp_obj_tuple_t *o) {
    mp_print_str(print, "(");
    for (size_t i = 0; i < o->len; i++) {
        mp_printf(print, i == 0 ? "%q=" : ", %q=", fields[i]);
        mp_obj_print_helper(print, o->items[i], PRINT_REPR);
    }
    mp_print_str(print, ")");
}
