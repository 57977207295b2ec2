// printf used as a value, not called by name: kikuchan/micropython-printf-ffi-test passes
// FFI_FN(printf) to libffi's ffi_call. The unix firmware declares printf through <stdio.h> and
// bare-metal ports define it in shared/libc/printf.c, so its address is a function's in both.
#include <stdarg.h>
#include "py/obj.h"
#include "py/runtime.h"

typedef int (*pa_print_fn)(const char *fmt, ...);

static int pa_twice(pa_print_fn out, int v) {
    return out("v=%d\n", v) + out("v+1=%d\n", v + 1);
}

static mp_obj_t pa_show(mp_obj_t a_in) {
    pa_print_fn out = printf;
    int n = out("via pointer %d\n", (int)mp_obj_get_int(a_in));
    return mp_obj_new_int(n + pa_twice(printf, 7));
}
static MP_DEFINE_CONST_FUN_OBJ_1(pa_show_obj, pa_show);

static const mp_rom_map_elem_t pa_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_printf_addr) },
    { MP_ROM_QSTR(MP_QSTR_show), MP_ROM_PTR(&pa_show_obj) },
};
static MP_DEFINE_CONST_DICT(pa_module_globals, pa_module_globals_table);

const mp_obj_module_t pa_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&pa_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_printf_addr, pa_module);
