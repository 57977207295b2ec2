/* natmodgen: minimal <stdlib.h> for toolchains without a C library (Debian's xtensa-lx106).
 * Declarations only, as for <string.h> here. */
#ifndef NATMODGEN_STDLIB_H
#define NATMODGEN_STDLIB_H
#include <stddef.h>
void *malloc(size_t n);
void *calloc(size_t count, size_t n);
void *realloc(void *p, size_t n);
void free(void *p);
void abort(void) __attribute__((noreturn));
void exit(int status) __attribute__((noreturn));
int abs(int x);
long labs(long x);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
int atoi(const char *s);
void qsort(void *base, size_t count, size_t size, int (*cmp)(const void *, const void *));
#endif
