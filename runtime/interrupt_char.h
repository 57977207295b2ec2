/*
 * The port's keyboard-interrupt character (shared/runtime/interrupt_char.h, and each port's
 * mphalport.h), which py/mphal.h brings in for firmware code: a natmod has no mphalport.h, so
 * natmodgen declares what its runtime provides of it (interrupt_char.c).
 */
#ifndef NATMODGEN_RT_INTERRUPT_CHAR_H
#define NATMODGEN_RT_INTERRUPT_CHAR_H

void mp_hal_set_interrupt_char(int c);

#endif
