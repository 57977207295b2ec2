/*
 * The pin HAL (py/mphal.h and each port's mphalport.h) for a natmod. A port's pin is its own
 * type (a GPIO number on esp32, a pin_obj_t pointer on stm32); a natmod runs on every port,
 * so its pin is the machine.Pin object itself, as in MicroPython's portable fallback
 * (py/mphal.h without a port pin type: mp_hal_pin_obj_t is mp_obj_t). Defining
 * mp_hal_pin_obj_t here, ahead of the module's code, is py/mphal.h's own hook: its
 * fallback block is then left out. A pin kept in a heap object is scanned by the GC like
 * any other object it holds.
 */
#ifndef NATMODGEN_RT_PIN_H
#define NATMODGEN_RT_PIN_H

#include "extmod/virtpin.h"

#define mp_hal_pin_obj_t mp_obj_t

/* The modes and pulls of mp_hal_pin_config: natmodgen's own numbers, turned into the Pin's
 * own constants (Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN) when used. */
#define MP_HAL_PIN_MODE_INPUT (0)
#define MP_HAL_PIN_MODE_OUTPUT (1)
#define MP_HAL_PIN_MODE_OPEN_DRAIN (2)
#define MP_HAL_PIN_PULL_NONE (0)
#define MP_HAL_PIN_PULL_UP (1)
#define MP_HAL_PIN_PULL_DOWN (2)

mp_hal_pin_obj_t mp_hal_get_pin_obj(mp_obj_t pin_in);
int mp_hal_pin_read(mp_hal_pin_obj_t pin);
void mp_hal_pin_write(mp_hal_pin_obj_t pin, int v);
void mp_hal_pin_high(mp_hal_pin_obj_t pin);
void mp_hal_pin_low(mp_hal_pin_obj_t pin);
void mp_hal_pin_od_low(mp_hal_pin_obj_t pin);
void mp_hal_pin_od_high(mp_hal_pin_obj_t pin);
void mp_hal_pin_toggle(mp_hal_pin_obj_t pin);
void mp_hal_pin_input(mp_hal_pin_obj_t pin);
void mp_hal_pin_output(mp_hal_pin_obj_t pin);
void mp_hal_pin_open_drain(mp_hal_pin_obj_t pin);
void mp_hal_pin_config(mp_hal_pin_obj_t pin, uint32_t mode, uint32_t pull, uint32_t alt);

#endif
