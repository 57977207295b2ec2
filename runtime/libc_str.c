/*
 * More of <string.h>: copying and searching, as small loops, for sources that call them
 * by name. Unlike libc.c's, the compiler does not emit calls to these by itself (cstdio.h
 * renames sprintf, which GCC would turn into strcpy), so they may be static.
 */
#include "py/dynruntime.h"

#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP char *strcpy(char *dst, const char *src) {
    char *d = dst;
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

/* As C: copies at most n bytes and pads with NULs up to n. */
NATMODGEN_RT_LOOP char *strncpy(char *dst, const char *src, size_t n) {
    size_t i = 0;
    for (; i < n && src[i] != '\0'; ++i) {
        dst[i] = src[i];
    }
    for (; i < n; ++i) {
        dst[i] = '\0';
    }
    return dst;
}

NATMODGEN_RT_LOOP char *strcat(char *dst, const char *src) {
    char *d = dst;
    while (*d != '\0') {
        ++d;
    }
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

NATMODGEN_RT_LOOP char *strrchr(const char *s, int c) {
    const char *last = NULL;
    for (;; ++s) {
        if (*s == (char)c) {
            last = s;
        }
        if (*s == '\0') {
            return (char *)last;
        }
    }
}

NATMODGEN_RT_LOOP char *strstr(const char *hay, const char *needle) {
    for (;; ++hay) {
        const char *h = hay;
        const char *n = needle;
        while (*n != '\0' && *h == *n) {
            ++h;
            ++n;
        }
        if (*n == '\0') {
            return (char *)hay;
        }
        if (*hay == '\0') {
            return NULL;
        }
    }
}
