/*
 * More of <stdlib.h> for sources that call it by name: sorting and binary search over
 * caller-sized elements with the caller's comparison, integer division with remainder,
 * and number parsing into long long (strtonum.c has the long forms). As C specifies; qsort is
 * a heap sort, in place, without recursion or allocation (C does not say where equal
 * elements end up, and neither does this).
 */
#include "py/dynruntime.h"
#include <limits.h>
#include <stdlib.h>

#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP static void natmodgen_rt_swap_bytes(char *a, char *b, size_t size) {
    for (size_t i = 0; i < size; ++i) {
        char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

/* Moves element `root` of the heap base[0..n) down until both its children are no larger. */
static void natmodgen_rt_sift_down(char *base, size_t root, size_t n, size_t size, int (*compar)(const void *, const void *)) {
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n) {
            return;
        }
        if (child + 1 < n && compar(base + child * size, base + (child + 1) * size) < 0) {
            ++child;
        }
        if (compar(base + root * size, base + child * size) >= 0) {
            return;
        }
        natmodgen_rt_swap_bytes(base + root * size, base + child * size, size);
        root = child;
    }
}

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *)) {
    char *b = base;
    if (nmemb < 2 || size == 0) {
        return;
    }
    for (size_t i = nmemb / 2; i-- > 0;) {
        natmodgen_rt_sift_down(b, i, nmemb, size, compar);
    }
    for (size_t end = nmemb - 1; end > 0; --end) {
        natmodgen_rt_swap_bytes(b, b + end * size, size);
        natmodgen_rt_sift_down(b, 0, end, size, compar);
    }
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *)) {
    const char *lo = base;
    while (nmemb > 0) {
        const char *mid = lo + (nmemb / 2) * size;
        int c = compar(key, mid);
        if (c == 0) {
            return (void *)mid;
        }
        if (c > 0) {
            lo = mid + size;
            nmemb -= nmemb / 2 + 1;
        } else {
            nmemb /= 2;
        }
    }
    return NULL;
}

div_t div(int numer, int denom) {
    div_t r = { numer / denom, numer % denom };
    return r;
}

ldiv_t ldiv(long numer, long denom) {
    ldiv_t r = { numer / denom, numer % denom };
    return r;
}

lldiv_t lldiv(long long numer, long long denom) {
    lldiv_t r = { numer / denom, numer % denom };
    return r;
}

/* As strtonum.c's scan, in unsigned long long: the magnitude, with *neg, *endptr and *over as scanned. */
NATMODGEN_RT_LOOP static unsigned long long natmodgen_rt_scan_ull(const char *nptr, char **endptr, int base, bool *neg, bool *over) {
    const char *s = nptr;
    while (natmodgen_rt_is_space(*s)) {
        s++;
    }
    *neg = false;
    if (*s == '+' || *s == '-') {
        *neg = *s == '-';
        s++;
    }
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && natmodgen_rt_digit_value(s[2]) < 16) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s[0] == '0' ? 8 : 10;
    }
    unsigned long long v = 0;
    const char *digits = s;
    *over = false;
    for (int d; (d = natmodgen_rt_digit_value(*s)) < base; s++) {
        /* Overflow by multiplication, not division: no 64-bit division helper on 32-bit machines. */
        if (__builtin_mul_overflow(v, (unsigned long long)base, &v) || __builtin_add_overflow(v, (unsigned long long)d, &v)) {
            *over = true;
        }
    }
    if (endptr != NULL) {
        *endptr = (char *)(s == digits ? nptr : s);
    }
    return s == digits ? 0 : v;
}

long long strtoll(const char *nptr, char **endptr, int base) {
    bool neg, over;
    unsigned long long v = natmodgen_rt_scan_ull(nptr, endptr, base, &neg, &over);
    if (neg) {
        return over || v > (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : (long long)(0 - v);
    }
    return over || v > (unsigned long long)LLONG_MAX ? LLONG_MAX : (long long)v;
}

unsigned long long strtoull(const char *nptr, char **endptr, int base) {
    bool neg, over;
    unsigned long long v = natmodgen_rt_scan_ull(nptr, endptr, base, &neg, &over);
    if (over) {
        return ULLONG_MAX;
    }
    return neg ? 0 - v : v;
}

long long atoll(const char *nptr) {
    return strtoll(nptr, NULL, 10);
}
