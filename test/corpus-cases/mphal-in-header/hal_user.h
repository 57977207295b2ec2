// A module header that includes py/mphal.h (for its own mp_hal_* calls): the unix firmware build
// finds the port's mphalport.h through it; a natmod build has no port.
#ifndef HAL_USER_H
#define HAL_USER_H
#include "py/runtime.h"
#include "py/mphal.h"

static inline mp_uint_t hu_elapsed_ms(mp_uint_t since) {
    return mp_hal_ticks_ms() - since;
}
#endif
