// The helper unit of a two-file module; micropython.mk lists it BEFORE the unit that registers
// the module (v923z/micropython-usermod snippets/largemodule: SRC_USERMOD += helper.c, largemodule.c).
#include "helpers.h"

mp_obj_t order_add(mp_obj_t a_obj, mp_obj_t b_obj) {
    return mp_obj_new_int(mp_obj_get_int(a_obj) + mp_obj_get_int(b_obj));
}
