/*
 * The pin HAL over machine.Pin objects (runtime/pin.h). Reading and writing go through the
 * pin protocol (extmod/virtpin.h) when the object's type has the protocol of machine.Pin,
 * machine.PinBase or machine.Signal, exactly as the firmware's virtual pins do (a Python
 * subclass of PinBase inherits its protocol, whose ioctl calls the subclass's value()); any
 * other object gets its value() method called, so a pin type without the protocol (or a
 * plain Python object with value()) works too. Modes go through the Pin's init() with the
 * constants of the object's own class (Pin.OUT...), never numbers of one port.
 */
#include "py/dynruntime.h"
#include "pin.h"

/* The pin protocols of machine.Pin, machine.PinBase and machine.Signal (NULL where the port
 * has no such class), read once: pointers into the firmware, never to the heap. Not static:
 * mpy_ld cannot relocate static bss. */
const void *natmodgen_rt_pin_protocols[3];
int natmodgen_rt_pin_protocols_read;

static void natmodgen_rt_pin_read_protocols(void) {
    natmodgen_rt_pin_protocols_read = 1;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t machine = mp_import_name(MP_QSTR_machine, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        const qstr names[3] = { MP_QSTR_Pin, MP_QSTR_PinBase, MP_QSTR_Signal };
        for (size_t i = 0; i < 3; i++) {
            mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
            mp_load_method_maybe(machine, names[i], dest);
            if (dest[0] != MP_OBJ_NULL && mp_obj_is_type(dest[0], &mp_type_type)) {
                const mp_obj_type_t *t = MP_OBJ_TO_PTR(dest[0]);
                natmodgen_rt_pin_protocols[i] = MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, protocol);
            }
        }
        nlr_pop();
    }
    /* No machine module: no object is a firmware pin, every one gets its value() called. */
}

/* The object's pin protocol, or NULL when its type has none that is a pin's. */
static const mp_pin_p_t *natmodgen_rt_pin_protocol(mp_obj_t pin) {
    const mp_obj_type_t *type = mp_obj_get_type(pin);
    const void *p = MP_OBJ_TYPE_GET_SLOT_OR_NULL(type, protocol);
    if (p == NULL) {
        return NULL;
    }
    if (!natmodgen_rt_pin_protocols_read) {
        natmodgen_rt_pin_read_protocols();
    }
    for (size_t i = 0; i < 3; i++) {
        if (natmodgen_rt_pin_protocols[i] == p) {
            return p;
        }
    }
    return NULL;
}

mp_hal_pin_obj_t mp_hal_get_pin_obj(mp_obj_t pin_in) {
    /* A pin id (a number, or a name on ports with named pins) becomes the port's Pin, as the
     * ports' pin lookup does; any other object is the pin itself. */
    if (mp_obj_is_int(pin_in) || mp_obj_is_str(pin_in)) {
        mp_obj_t machine = mp_import_name(MP_QSTR_machine, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        return mp_call_function_n_kw(mp_load_attr(machine, MP_QSTR_Pin), 1, 0, &pin_in);
    }
    return pin_in;
}

int mp_hal_pin_read(mp_hal_pin_obj_t pin) {
    const mp_pin_p_t *p = natmodgen_rt_pin_protocol(pin);
    if (p != NULL) {
        return (int)p->ioctl(pin, MP_PIN_READ, 0, NULL);
    }
    mp_obj_t dest[2];
    mp_load_method(pin, MP_QSTR_value, dest);
    return mp_obj_get_int(mp_call_method_n_kw(0, 0, dest));
}

void mp_hal_pin_write(mp_hal_pin_obj_t pin, int v) {
    const mp_pin_p_t *p = natmodgen_rt_pin_protocol(pin);
    if (p != NULL) {
        p->ioctl(pin, MP_PIN_WRITE, (uintptr_t)v, NULL);
        return;
    }
    mp_obj_t dest[3];
    mp_load_method(pin, MP_QSTR_value, dest);
    dest[2] = mp_obj_new_bool(v);
    mp_call_method_n_kw(1, 0, dest);
}

void mp_hal_pin_high(mp_hal_pin_obj_t pin) {
    mp_hal_pin_write(pin, 1);
}

void mp_hal_pin_low(mp_hal_pin_obj_t pin) {
    mp_hal_pin_write(pin, 0);
}

/* On an open-drain pin (Pin.OPEN_DRAIN), value(0) pulls the line low and value(1) lets it
 * go: what the ports' od_low/od_high do to their open-drain pins. */
void mp_hal_pin_od_low(mp_hal_pin_obj_t pin) {
    mp_hal_pin_write(pin, 0);
}

void mp_hal_pin_od_high(mp_hal_pin_obj_t pin) {
    mp_hal_pin_write(pin, 1);
}

void mp_hal_pin_toggle(mp_hal_pin_obj_t pin) {
    mp_hal_pin_write(pin, !mp_hal_pin_read(pin));
}

/* pin.init(mode), or pin.init(mode, pull) when with_pull (pull 0: None), the constants read
 * from the pin's class. */
static void natmodgen_rt_pin_init(mp_hal_pin_obj_t pin, qstr mode, bool with_pull, qstr pull) {
    mp_obj_t dest[4];
    mp_load_method(pin, MP_QSTR_init, dest);
    dest[2] = mp_load_attr(pin, mode);
    if (with_pull) {
        dest[3] = pull == 0 ? mp_const_none : mp_load_attr(pin, pull);
    }
    mp_call_method_n_kw(with_pull ? 2 : 1, 0, dest);
}

void mp_hal_pin_input(mp_hal_pin_obj_t pin) {
    natmodgen_rt_pin_init(pin, MP_QSTR_IN, false, 0);
}

void mp_hal_pin_output(mp_hal_pin_obj_t pin) {
    natmodgen_rt_pin_init(pin, MP_QSTR_OUT, false, 0);
}

void mp_hal_pin_open_drain(mp_hal_pin_obj_t pin) {
    natmodgen_rt_pin_init(pin, MP_QSTR_OPEN_DRAIN, false, 0);
}

void mp_hal_pin_config(mp_hal_pin_obj_t pin, uint32_t mode, uint32_t pull, uint32_t alt) {
    if (alt != 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("pin alternate functions are port hardware; configure the pin from Python"));
    }
    qstr m = mode == MP_HAL_PIN_MODE_OUTPUT ? MP_QSTR_OUT : mode == MP_HAL_PIN_MODE_OPEN_DRAIN ? MP_QSTR_OPEN_DRAIN : MP_QSTR_IN;
    qstr p = pull == MP_HAL_PIN_PULL_UP ? MP_QSTR_PULL_UP : pull == MP_HAL_PIN_PULL_DOWN ? MP_QSTR_PULL_DOWN : 0;
    natmodgen_rt_pin_init(pin, m, true, p);
}
