/*
 * C-level try/except (py/nlr.h) in a natmod.
 *
 * The firmware's nlr_push must run in the frame that later receives the jump, so
 * it is a call through mp_fun_table made straight from the caller (a macro, not a
 * wrapper function whose frame would be gone when the jump arrives). On ports whose
 * NLR is native for the CPU (x86, x64, ARM Thumb, Xtensa, RISC-V: the default for
 * every natmod architecture) mp_fun_table.nlr_push is that nlr_push and the
 * natmod's nlr_buf_t has the firmware's layout. Ports built with
 * MICROPY_NLR_SETJMP (e.g. windowed Xtensa, esp32) export nlr_push_tail instead
 * and expect the caller to call setjmp on a jmp_buf a natmod cannot lay out; there
 * mp_fun_table.setjmp_ is non-NULL and nlr_push raises RuntimeError rather than
 * corrupting the stack. Ports with MICROPY_ENABLE_PYSTACK store one more word
 * in nlr_buf_t than a natmod reserves and are not supported either.
 */
#ifndef NATMODGEN_RT_NLR_H
#define NATMODGEN_RT_NLR_H

#undef nlr_push
#undef nlr_pop
#define nlr_push(buf) (mp_fun_table.setjmp_ != NULL ? natmodgen_rt_nlr_setjmp_port() : mp_fun_table.nlr_push(buf))
#define nlr_pop() (mp_fun_table.nlr_pop())
unsigned int natmodgen_rt_nlr_setjmp_port(void);

#endif
