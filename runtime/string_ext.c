/*
 * The rest of <string.h> and <strings.h> that module sources call by name (libc_str.c has
 * the copying and searching basics): bounded concatenation and length, span and break
 * searches, case-insensitive comparison in the "C" locale, duplication on the GC heap (the
 * result may be released with free(), as the C library's), and tokenising. Each behaves as
 * C specifies.
 */
#include "py/dynruntime.h"
#include <string.h>
#include <strings.h>

#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP char *strncat(char *dst, const char *src, size_t n) {
    char *d = dst;
    while (*d != '\0') {
        ++d;
    }
    for (; n > 0 && *src != '\0'; --n) {
        *d++ = *src++;
    }
    *d = '\0';
    return dst;
}

NATMODGEN_RT_LOOP size_t strnlen(const char *s, size_t maxlen) {
    size_t n = 0;
    while (n < maxlen && s[n] != '\0') {
        ++n;
    }
    return n;
}

/* Whether c is one of the bytes of set (never the terminating NUL). */
NATMODGEN_RT_LOOP static bool natmodgen_rt_in_set(char c, const char *set) {
    for (; *set != '\0'; ++set) {
        if (*set == c) {
            return true;
        }
    }
    return false;
}

NATMODGEN_RT_LOOP size_t strspn(const char *s, const char *accept) {
    size_t n = 0;
    while (s[n] != '\0' && natmodgen_rt_in_set(s[n], accept)) {
        ++n;
    }
    return n;
}

NATMODGEN_RT_LOOP size_t strcspn(const char *s, const char *reject) {
    size_t n = 0;
    while (s[n] != '\0' && !natmodgen_rt_in_set(s[n], reject)) {
        ++n;
    }
    return n;
}

NATMODGEN_RT_LOOP char *strpbrk(const char *s, const char *accept) {
    for (; *s != '\0'; ++s) {
        if (natmodgen_rt_in_set(*s, accept)) {
            return (char *)s;
        }
    }
    return NULL;
}

/* ASCII lower case: the "C" locale, the only one a natmod has. */
static int natmodgen_rt_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

NATMODGEN_RT_LOOP int strncasecmp(const char *a, const char *b, size_t n) {
    for (; n > 0; --n, ++a, ++b) {
        int d = natmodgen_rt_lower((unsigned char)*a) - natmodgen_rt_lower((unsigned char)*b);
        if (d != 0 || *a == '\0') {
            return d;
        }
    }
    return 0;
}

int strcasecmp(const char *a, const char *b) {
    return strncasecmp(a, b, (size_t)-1);
}

/* Allocated with m_malloc_maybe: NULL when the heap is full, as malloc; free() releases it. */
NATMODGEN_RT_LOOP char *strndup(const char *s, size_t n) {
    size_t len = 0;
    while (len < n && s[len] != '\0') {
        ++len;
    }
    char *d = m_malloc_maybe(len + 1);
    if (d != NULL) {
        for (size_t i = 0; i < len; ++i) {
            d[i] = s[i];
        }
        d[len] = '\0';
    }
    return d;
}

char *strdup(const char *s) {
    return strndup(s, (size_t)-1);
}

char *strtok_r(char *s, const char *delim, char **saveptr) {
    if (s == NULL) {
        s = *saveptr;
    }
    s += strspn(s, delim);
    if (*s == '\0') {
        *saveptr = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end != '\0') {
        *end++ = '\0';
    }
    *saveptr = end;
    return s;
}

/* strtok's position between calls. Not static: mpy_ld cannot relocate static bss. */
char *natmodgen_rt_strtok_next;

char *strtok(char *s, const char *delim) {
    return strtok_r(s, delim, &natmodgen_rt_strtok_next);
}
