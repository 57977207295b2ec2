/*
 * More of <string.h> (after libc.c, whose NATMODGEN_RT_LIBC these use): copying and searching, as small loops. Sources call
 * them by name; GCC also turns some sprintf and strcat forms into strcpy.
 */
#include "py/dynruntime.h"

#include "natmodgen_rt.h"

NATMODGEN_RT_LIBC char *strcpy(char *dst, const char *src);
NATMODGEN_RT_LIBC char *strcpy(char *dst, const char *src) {
    char *d = dst;
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

/* As C: copies at most n bytes and pads with NULs up to n. */
NATMODGEN_RT_LIBC char *strncpy(char *dst, const char *src, size_t n);
NATMODGEN_RT_LIBC char *strncpy(char *dst, const char *src, size_t n) {
    size_t i = 0;
    for (; i < n && src[i] != '\0'; ++i) {
        dst[i] = src[i];
    }
    for (; i < n; ++i) {
        dst[i] = '\0';
    }
    return dst;
}

NATMODGEN_RT_LIBC char *strcat(char *dst, const char *src);
NATMODGEN_RT_LIBC char *strcat(char *dst, const char *src) {
    char *d = dst;
    while (*d != '\0') {
        ++d;
    }
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

NATMODGEN_RT_LIBC char *strrchr(const char *s, int c);
NATMODGEN_RT_LIBC char *strrchr(const char *s, int c) {
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

NATMODGEN_RT_LIBC char *strstr(const char *hay, const char *needle);
NATMODGEN_RT_LIBC char *strstr(const char *hay, const char *needle) {
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
