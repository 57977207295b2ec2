// The shape of the SPI display drivers of the corpus (russhughes gc9a01/ili9342c, peterzuger
// st7789, e135193 ili9341): a machine.SPI bus driven through its type's protocol slot
// (mp_machine_spi_p_t of extmod/modmachine.h, declared under MICROPY_PY_MACHINE_SPI), control
// pins through the pin HAL, and a header of its own that defines MP_SEEK_SET.
#include "py/runtime.h"
#include "py/mphal.h"
#include "extmod/modmachine.h"
#include "mpfile.h"

typedef struct _drv_obj_t {
    mp_obj_base_t base;
    mp_obj_base_t *spi_obj;
    mp_hal_pin_obj_t dc;
} drv_obj_t;

static void drv_write(drv_obj_t *self, const uint8_t *buf, size_t len) {
    mp_hal_pin_write(self->dc, 1);
    if (self->spi_obj != NULL) {
        mp_machine_spi_p_t *spi_p = (mp_machine_spi_p_t *)MP_OBJ_TYPE_GET_SLOT(self->spi_obj->type, protocol);
        spi_p->transfer(self->spi_obj, len, buf, NULL);
    }
    mp_hal_pin_write(self->dc, 0);
}

static mp_obj_t drv_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    drv_obj_t *self = mp_obj_malloc(drv_obj_t, type);
    self->spi_obj = args[0] == mp_const_none ? NULL : MP_OBJ_TO_PTR(args[0]);
    self->dc = mp_hal_get_pin_obj(args[1]);
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t drv_show(mp_obj_t self_in) {
    static const uint8_t cmd[2] = { 0x2c, 0x00 };
    drv_write(MP_OBJ_TO_PTR(self_in), cmd, sizeof(cmd));
    return MP_OBJ_NEW_SMALL_INT(MP_SEEK_SET + MP_SEEK_CUR + MP_SEEK_END);
}
static MP_DEFINE_CONST_FUN_OBJ_1(drv_show_obj, drv_show);

static const mp_rom_map_elem_t drv_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_show), MP_ROM_PTR(&drv_show_obj) },
};
static MP_DEFINE_CONST_DICT(drv_locals, drv_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    drv_type, MP_QSTR_Drv, MP_TYPE_FLAG_NONE,
    make_new, drv_make_new,
    locals_dict, &drv_locals
    );

static const mp_rom_map_elem_t drv_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_spidrv) },
    { MP_ROM_QSTR(MP_QSTR_Drv), MP_ROM_PTR(&drv_type) },
};
static MP_DEFINE_CONST_DICT(drv_module_globals, drv_module_globals_table);

const mp_obj_module_t spidrv_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&drv_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_spidrv, spidrv_user_cmodule);
