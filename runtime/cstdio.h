/*
 * The C library's printf family, as bare-metal firmware has it (shared/libc/printf.c):
 * output goes to mp_plat_print (the REPL's stdout) and formatting is MicroPython's
 * mp_vprintf, so the formats are the firmware's (%d %u %x %c %s %.*s %p %f %q...).
 * The unix port declares them through <stdio.h> in mpconfigport.h, which sources rely on.
 *
 * The names are renamed to natmodgen_* so that GCC, which knows printf and sprintf as
 * builtins, does not turn calls into puts, putchar or strcpy, which a natmod would then
 * lack; a <stdio.h> included later declares the renamed functions with the same types.
 * printf is renamed where it is called only (a function-like macro): it is also the name of
 * the format archetype in the module's own `__attribute__((format(printf, 2, 3)))`.
 */
#ifndef NATMODGEN_RT_CSTDIO_H
#define NATMODGEN_RT_CSTDIO_H

#define printf(...) natmodgen_printf(__VA_ARGS__)
int natmodgen_printf(const char *fmt, ...) __attribute__((format(__printf__, 1, 2)));
#define vprintf natmodgen_vprintf
int natmodgen_vprintf(const char *fmt, va_list ap);
#define puts natmodgen_puts
int natmodgen_puts(const char *s);
#define putchar natmodgen_putchar
int natmodgen_putchar(int c);
#define vsnprintf natmodgen_vsnprintf
int natmodgen_vsnprintf(char *str, size_t size, const char *fmt, va_list ap);
#define snprintf natmodgen_snprintf
int natmodgen_snprintf(char *str, size_t size, const char *fmt, ...) __attribute__((format(__printf__, 3, 4)));
#define vsprintf natmodgen_vsprintf
int natmodgen_vsprintf(char *str, const char *fmt, va_list ap);
#define sprintf natmodgen_sprintf
int natmodgen_sprintf(char *str, const char *fmt, ...) __attribute__((format(__printf__, 2, 3)));

#endif
