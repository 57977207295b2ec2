/*
 * C library functions for natmods. mpy_ld links no C library, yet GCC emits calls
 * to these for struct copies, array initialisers and recognised loops, and sources
 * call them by name. The memory functions forward to the firmware's own through
 * mp_fun_table; the others are small loops.
 *
 * noipa keeps GCC from folding memmove into memcpy (identical bodies) and then
 * expanding it as a forward copy, which would corrupt overlapping moves.
 * no-tree-loop-distribute-patterns keeps GCC from turning these loops back into
 * calls of themselves.
 */
#include "py/dynruntime.h"

#include "natmodgen_rt.h"

#define NATMODGEN_RT_LIBC __attribute__((noipa)) NATMODGEN_RT_LOOP

NATMODGEN_RT_LIBC void *memmove(void *dst, const void *src, size_t n);
NATMODGEN_RT_LIBC void *memmove(void *dst, const void *src, size_t n) {
    return mp_fun_table.memmove_(dst, src, n);
}

NATMODGEN_RT_LIBC void *memcpy(void *dst, const void *src, size_t n);
NATMODGEN_RT_LIBC void *memcpy(void *dst, const void *src, size_t n) {
    // A jump to memmove above (which every copy needs beside memcpy, as GCC emits both), not a
    // second forwarder of its own: that is a look-up of mp_fun_table, on ARM 24 bytes more.
    return memmove(dst, src, n);
}

NATMODGEN_RT_LIBC void *memset(void *s, int c, size_t n);
NATMODGEN_RT_LIBC void *memset(void *s, int c, size_t n) {
    return mp_fun_table.memset_(s, c, n);
}

NATMODGEN_RT_LIBC int memcmp(const void *a, const void *b, size_t n);
NATMODGEN_RT_LIBC int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *p = a;
    const unsigned char *q = b;
    for (; n > 0; --n, ++p, ++q) {
        if (*p != *q) {
            return *p - *q;
        }
    }
    return 0;
}

NATMODGEN_RT_LIBC void *memchr(const void *s, int c, size_t n);
NATMODGEN_RT_LIBC void *memchr(const void *s, int c, size_t n) {
    const unsigned char *p = s;
    for (; n > 0; --n, ++p) {
        if (*p == (unsigned char)c) {
            return (void *)p;
        }
    }
    return NULL;
}

NATMODGEN_RT_LIBC size_t strlen(const char *s);
NATMODGEN_RT_LIBC size_t strlen(const char *s) {
    const char *p = s;
    while (*p) {
        ++p;
    }
    return p - s;
}

NATMODGEN_RT_LIBC int strcmp(const char *a, const char *b);
NATMODGEN_RT_LIBC int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

NATMODGEN_RT_LIBC int strncmp(const char *a, const char *b, size_t n);
NATMODGEN_RT_LIBC int strncmp(const char *a, const char *b, size_t n) {
    for (; n > 0; --n, ++a, ++b) {
        if (*a != *b || *a == '\0') {
            return (unsigned char)*a - (unsigned char)*b;
        }
    }
    return 0;
}

NATMODGEN_RT_LIBC char *strchr(const char *s, int c);
NATMODGEN_RT_LIBC char *strchr(const char *s, int c) {
    for (;; ++s) {
        if (*s == (char)c) {
            return (char *)s;
        }
        if (*s == '\0') {
            return NULL;
        }
    }
}
