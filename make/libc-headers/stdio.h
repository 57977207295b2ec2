/* natmodgen: minimal <stdio.h> for toolchains without a C library (Debian's xtensa-lx106).
 * Declarations only: MicroPython's sources include it, and a natmod that calls these gets
 * them from natmodgen's runtime (or fails at link with the function named). */
#ifndef NATMODGEN_STDIO_H
#define NATMODGEN_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct natmodgen_FILE FILE;
#define EOF (-1)
int printf(const char *fmt, ...);
int sprintf(char *dst, const char *fmt, ...);
int snprintf(char *dst, size_t n, const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
int vsnprintf(char *dst, size_t n, const char *fmt, va_list ap);
int puts(const char *s);
int sscanf(const char *str, const char *fmt, ...);
int vsscanf(const char *str, const char *fmt, va_list ap);
int putchar(int c);
#endif
