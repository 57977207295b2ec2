// pincheck: the pin HAL of py/mphal.h as display and LED drivers use it. A pin is taken from
// Python with mp_hal_get_pin_obj, kept in the module's own heap object (mp_hal_pin_obj_t) and
// driven with mp_hal_pin_write / mp_hal_pin_read. Built into the unix port it runs the
// firmware's portable fallback (virtual pins, extmod/virtpin.c); as a natmod, natmodgen's
// runtime/pin.c. test.py must print the same from both.
#include "py/runtime.h"
#include "py/mphal.h"

typedef struct _pincheck_dev_t {
    mp_obj_base_t base;
    mp_hal_pin_obj_t cs;
    mp_hal_pin_obj_t dc;
    mp_int_t writes;
} pincheck_dev_t;

// Dev(cs, dc): a driver object holding two pins, as the display drivers' constructors do.
static mp_obj_t pincheck_dev_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    pincheck_dev_t *self = mp_obj_malloc(pincheck_dev_t, type);
    self->cs = mp_hal_get_pin_obj(args[0]);
    self->dc = mp_hal_get_pin_obj(args[1]);
    self->writes = 0;
    mp_hal_pin_write(self->cs, 1);
    return MP_OBJ_FROM_PTR(self);
}

// dev.command(byte): CS low, DC low, one bit per data write, CS high; returns the count of writes.
static mp_obj_t pincheck_dev_command(mp_obj_t self_in, mp_obj_t byte_in) {
    pincheck_dev_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t byte = mp_obj_get_int(byte_in);
    mp_hal_pin_write(self->cs, 0);
    mp_hal_pin_write(self->dc, 0);
    for (int bit = 1; bit >= 0; bit--) {
        mp_hal_pin_write(self->dc, (byte >> bit) & 1);
        self->writes++;
    }
    mp_hal_pin_write(self->cs, 1);
    return MP_OBJ_NEW_SMALL_INT(self->writes);
}
static MP_DEFINE_CONST_FUN_OBJ_2(pincheck_dev_command_obj, pincheck_dev_command);

// dev.levels(): what both pins read.
static mp_obj_t pincheck_dev_levels(mp_obj_t self_in) {
    pincheck_dev_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t items[2] = { MP_OBJ_NEW_SMALL_INT(mp_hal_pin_read(self->cs)), MP_OBJ_NEW_SMALL_INT(mp_hal_pin_read(self->dc)) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(pincheck_dev_levels_obj, pincheck_dev_levels);

static const mp_rom_map_elem_t pincheck_dev_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_command), MP_ROM_PTR(&pincheck_dev_command_obj) },
    { MP_ROM_QSTR(MP_QSTR_levels), MP_ROM_PTR(&pincheck_dev_levels_obj) },
};
static MP_DEFINE_CONST_DICT(pincheck_dev_locals_dict, pincheck_dev_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    pincheck_dev_type,
    MP_QSTR_Dev,
    MP_TYPE_FLAG_NONE,
    make_new, pincheck_dev_make_new,
    locals_dict, &pincheck_dev_locals_dict
    );

// write(pin, v) and read(pin): one call of the HAL on a pin given each time.
static mp_obj_t pincheck_write(mp_obj_t pin_in, mp_obj_t v_in) {
    mp_hal_pin_obj_t pin = mp_hal_get_pin_obj(pin_in);
    mp_hal_pin_write(pin, mp_obj_get_int(v_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(pincheck_write_obj, pincheck_write);

static mp_obj_t pincheck_read(mp_obj_t pin_in) {
    return MP_OBJ_NEW_SMALL_INT(mp_hal_pin_read(mp_hal_get_pin_obj(pin_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(pincheck_read_obj, pincheck_read);

static const mp_rom_map_elem_t pincheck_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_pincheck) },
    { MP_ROM_QSTR(MP_QSTR_Dev), MP_ROM_PTR(&pincheck_dev_type) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&pincheck_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&pincheck_read_obj) },
};
static MP_DEFINE_CONST_DICT(pincheck_module_globals, pincheck_module_globals_table);

const mp_obj_module_t pincheck_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&pincheck_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_pincheck, pincheck_user_cmodule);
