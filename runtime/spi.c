/*
 * mp_hal_get_spi_obj as the ports define it (ports/stm32/spi.c, ports/rp2/machine_spi.c): the
 * object itself when it is a machine.SPI or a machine.SoftSPI, else TypeError. The types are
 * the firmware's own, looked up in its machine module; a driver then reaches the bus through
 * the type's protocol slot (mp_machine_spi_p_t), which is data of the object.
 */
#include "py/dynruntime.h"
#include "spi.h"

mp_obj_base_t *mp_hal_get_spi_obj(mp_obj_t spi_in) {
    mp_obj_t machine = mp_import_name(MP_QSTR_machine, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    const mp_obj_type_t *type = mp_obj_get_type(spi_in);
    const qstr names[2] = { MP_QSTR_SPI, MP_QSTR_SoftSPI };
    for (size_t i = 0; i < 2; i++) {
        mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
        mp_load_method_maybe(machine, names[i], dest);
        if (dest[0] != MP_OBJ_NULL && MP_OBJ_TO_PTR(dest[0]) == type) {
            return MP_OBJ_TO_PTR(spi_in);
        }
    }
    mp_raise_TypeError(MP_ERROR_TEXT("expecting an SPI object"));
}
