#include "py/runtime.h"

static mp_obj_t f(void) {
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);
