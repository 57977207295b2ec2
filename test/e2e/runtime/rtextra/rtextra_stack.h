// The stack check written in a header of the module: rtextra.c itself never names it, so the
// natmod must find the call here (without it, py/stackctrl.h's MP_STACK_CHECK() is empty).
#include "py/stackctrl.h"

#define RTX_CHECK_STACK() MP_STACK_CHECK()
