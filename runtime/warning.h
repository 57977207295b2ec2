/*
 * mp_warning for natmods. py/runtime.h makes it an empty macro in every natmod, whose
 * configuration has MICROPY_WARNINGS 0: the natmod cannot read the firmware's. The ports that
 * turn warnings on (unix, windows, esp32, esp8266, qemu, webassembly) print them, and nothing
 * Python can see tells a firmware's choice, so the natmod prints too (warning.c).
 */
#ifndef NATMODGEN_RT_WARNING_H
#define NATMODGEN_RT_WARNING_H

#include "py/runtime.h"

#undef mp_warning
void mp_warning(const char *category, const char *msg, ...);

#endif
