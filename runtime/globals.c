/*
 * The current globals and locals (py/runtime.h), which the firmware keeps in its thread state:
 * the builtins globals() and locals() return them (py/modbuiltins.c), and mp_fun_table's
 * swap_globals sets them (py/nativeglue.c), so a natmod reads and sets the very dictionaries
 * the firmware's functions do. A natmod's functions, like the firmware's builtins, run with
 * their caller's globals. globals.h gives them the firmware's names.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "globals.h"

mp_obj_dict_t *natmodgen_rt_globals_get(void) {
    return MP_OBJ_TO_PTR(mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_globals), 0, 0, NULL));
}

void natmodgen_rt_globals_set(mp_obj_dict_t *d) {
    mp_fun_table.swap_globals(d);
}

mp_obj_dict_t *natmodgen_rt_locals_get(void) {
    return MP_OBJ_TO_PTR(mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_locals), 0, 0, NULL));
}
