/* natmodgen: minimal <string.h> for toolchains without a C library (Debian's xtensa-lx106).
 * Declarations only: a natmod that calls these gets them from natmodgen's runtime or gcc builtins. */
#ifndef NATMODGEN_STRING_H
#define NATMODGEN_STRING_H
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strstr(const char *s, const char *needle);
#endif
