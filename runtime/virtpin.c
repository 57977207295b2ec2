/*
 * Virtual pins (extmod/virtpin.h): a pin is any object whose type has the pin protocol
 * (mp_pin_p_t) in its protocol slot; reading and writing call its ioctl with MP_PIN_READ /
 * MP_PIN_WRITE. Nothing of the firmware's is needed beyond the object's own type, so a natmod
 * reads and writes the firmware's pins, and its own, as the firmware does.
 */
#include "py/dynruntime.h"
#include "extmod/virtpin.h"

int mp_virtual_pin_read(mp_obj_t pin) {
    const mp_obj_base_t *s = MP_OBJ_TO_PTR(pin);
    const mp_pin_p_t *pin_p = MP_OBJ_TYPE_GET_SLOT(s->type, protocol);
    return (int)pin_p->ioctl(pin, MP_PIN_READ, 0, NULL);
}

void mp_virtual_pin_write(mp_obj_t pin, int value) {
    const mp_obj_base_t *s = MP_OBJ_TO_PTR(pin);
    const mp_pin_p_t *pin_p = MP_OBJ_TYPE_GET_SLOT(s->type, protocol);
    pin_p->ioctl(pin, MP_PIN_WRITE, (uintptr_t)value, NULL);
}
