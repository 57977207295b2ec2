// A GNU attribute between the declarator and the initialiser of a file-scope variable
// (DigitalApprentice/custom_modules fft_core1/fft_core1.c:28, ir_core1).
#include "py/runtime.h"

static const char *tag __attribute__((unused)) = "attr";
static int counter __attribute__((aligned(4))) = 3;

static mp_obj_t value(void) {
    return mp_obj_new_int(counter);
}
static MP_DEFINE_CONST_FUN_OBJ_0(value_obj, value);

static const mp_rom_map_elem_t at_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_attrdecl) },
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&value_obj) },
};
static MP_DEFINE_CONST_DICT(at_globals, at_globals_table);
const mp_obj_module_t at_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&at_globals };
MP_REGISTER_MODULE(MP_QSTR_attrdecl, at_module);
