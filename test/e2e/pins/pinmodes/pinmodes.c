// pinmodes: the parts of the pin HAL that ports define in their mphalport.h but MicroPython's
// portable fallback (py/mphal.h, which the unix port uses) does not: pin modes, high/low,
// open-drain levels, toggle, and pin ids turned into machine.Pin objects. No unix firmware
// builds this module (it has no mp_hal_pin_output); as a natmod it runs on every port, and
// test.py checks each call reaches the Pin's own methods with the Pin's own constants.
#include "py/runtime.h"
#include "py/mphal.h"

static mp_obj_t pinmodes_get(mp_obj_t pin_in) {
    return mp_hal_get_pin_obj(pin_in);
}
static MP_DEFINE_CONST_FUN_OBJ_1(pinmodes_get_obj, pinmodes_get);

// run(pin, op): one HAL call by name.
static mp_obj_t pinmodes_run(mp_obj_t pin_in, mp_obj_t op_in) {
    mp_hal_pin_obj_t pin = mp_hal_get_pin_obj(pin_in);
    const char *op = mp_obj_str_get_str(op_in);
    if (strcmp(op, "output") == 0) {
        mp_hal_pin_output(pin);
    } else if (strcmp(op, "input") == 0) {
        mp_hal_pin_input(pin);
    } else if (strcmp(op, "open_drain") == 0) {
        mp_hal_pin_open_drain(pin);
    } else if (strcmp(op, "high") == 0) {
        mp_hal_pin_high(pin);
    } else if (strcmp(op, "low") == 0) {
        mp_hal_pin_low(pin);
    } else if (strcmp(op, "od_low") == 0) {
        mp_hal_pin_od_low(pin);
    } else if (strcmp(op, "od_high") == 0) {
        mp_hal_pin_od_high(pin);
    } else if (strcmp(op, "toggle") == 0) {
        mp_hal_pin_toggle(pin);
    } else if (strcmp(op, "read") == 0) {
        return MP_OBJ_NEW_SMALL_INT(mp_hal_pin_read(pin));
    } else {
        mp_raise_ValueError(MP_ERROR_TEXT("unknown op"));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(pinmodes_run_obj, pinmodes_run);

// config(pin, mode, pull, alt) with mode 'in'/'out'/'od' and pull 'none'/'up'/'down'.
static mp_obj_t pinmodes_config(size_t n_args, const mp_obj_t *args) {
    const char *mode = mp_obj_str_get_str(args[1]);
    const char *pull = mp_obj_str_get_str(args[2]);
    uint32_t m = strcmp(mode, "out") == 0 ? MP_HAL_PIN_MODE_OUTPUT : strcmp(mode, "od") == 0 ? MP_HAL_PIN_MODE_OPEN_DRAIN : MP_HAL_PIN_MODE_INPUT;
    uint32_t p = strcmp(pull, "up") == 0 ? MP_HAL_PIN_PULL_UP : strcmp(pull, "down") == 0 ? MP_HAL_PIN_PULL_DOWN : MP_HAL_PIN_PULL_NONE;
    mp_hal_pin_config(mp_hal_get_pin_obj(args[0]), m, p, mp_obj_get_int(args[3]));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(pinmodes_config_obj, 4, 4, pinmodes_config);

static const mp_rom_map_elem_t pinmodes_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_pinmodes) },
    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&pinmodes_get_obj) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&pinmodes_run_obj) },
    { MP_ROM_QSTR(MP_QSTR_config), MP_ROM_PTR(&pinmodes_config_obj) },
};
static MP_DEFINE_CONST_DICT(pinmodes_module_globals, pinmodes_module_globals_table);

const mp_obj_module_t pinmodes_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&pinmodes_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_pinmodes, pinmodes_user_cmodule);
