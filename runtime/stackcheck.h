/*
 * py/stackctrl.h declares mp_stack_check only when the port checks the stack
 * (MICROPY_STACK_CHECK); a natmod is compiled without it, so the prototype is given here.
 */
#ifndef NATMODGEN_RT_STACKCHECK_H
#define NATMODGEN_RT_STACKCHECK_H

void mp_stack_check(void);

#endif
