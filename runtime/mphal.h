/*
 * py/mphal.h needs the port's mphalport.h, which a natmod build does not have;
 * natmodgen replaces the include and declares the mp_hal_* functions its runtime
 * provides (hal.c).
 */
#ifndef NATMODGEN_RT_MPHAL_H
#define NATMODGEN_RT_MPHAL_H

mp_uint_t mp_hal_ticks_ms(void);
mp_uint_t mp_hal_ticks_us(void);
mp_uint_t mp_hal_ticks_cpu(void);
void mp_hal_delay_ms(mp_uint_t ms);
void mp_hal_delay_us(mp_uint_t us);

#endif
