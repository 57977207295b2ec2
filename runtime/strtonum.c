/*
 * The C library's number parsing (<stdlib.h>), which a natmod has no C library for:
 * strtol and friends scan as C specifies (leading space, sign, base prefixes, the longest
 * valid digit run, the end pointer; out-of-range values clamp to the type's limits, with no
 * errno to set). strtod and atof find the longest decimal, inf or nan text the same way and
 * let the firmware's float() convert it, the conversion the firmware's own literals get.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "builtin.h"
#include <limits.h>
#include <stdlib.h>

/* The magnitude of the digits after any sign and prefix; *neg, *end and *over as scanned. */
NATMODGEN_RT_LOOP static unsigned long natmodgen_rt_scan_ul(const char *nptr, char **endptr, int base, bool *neg, bool *over) {
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
    unsigned long v = 0;
    const char *digits = s;
    *over = false;
    for (int d; (d = natmodgen_rt_digit_value(*s)) < base; s++) {
        if (v > (ULONG_MAX - (unsigned long)d) / (unsigned long)base) {
            *over = true;
        }
        v = v * (unsigned long)base + (unsigned long)d;
    }
    if (endptr != NULL) {
        *endptr = (char *)(s == digits ? nptr : s);
    }
    return s == digits ? 0 : v;
}

long strtol(const char *nptr, char **endptr, int base) {
    bool neg, over;
    unsigned long v = natmodgen_rt_scan_ul(nptr, endptr, base, &neg, &over);
    if (neg) {
        return over || v > (unsigned long)LONG_MAX + 1 ? LONG_MIN : (long)(0 - v);
    }
    return over || v > (unsigned long)LONG_MAX ? LONG_MAX : (long)v;
}

unsigned long strtoul(const char *nptr, char **endptr, int base) {
    bool neg, over;
    unsigned long v = natmodgen_rt_scan_ul(nptr, endptr, base, &neg, &over);
    if (over) {
        return ULONG_MAX;
    }
    return neg ? 0 - v : v;
}

int atoi(const char *nptr) {
    return (int)strtol(nptr, NULL, 10);
}

long atol(const char *nptr) {
    return strtol(nptr, NULL, 10);
}

#if MICROPY_PY_BUILTINS_FLOAT
static bool natmodgen_rt_word(const char *s, const char *w) {
    for (; *w; s++, w++) {
        if ((*s | 32) != *w) {
            return false;
        }
    }
    return true;
}

/* A hexadecimal float (0x1.8p3): up to 16 significant hex digits, rounded once to double,
 * then scaled by the binary exponent. */
NATMODGEN_RT_LOOP static double natmodgen_rt_hex_float(const char *start, const char *p, char **endptr) {
    uint64_t m = 0;
    int exp2 = 0;
    int kept = 0;
    bool point = false;
    for (;; p++) {
        int d = natmodgen_rt_digit_value(*p);
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        if (d >= 16) {
            break;
        }
        if (kept < 16) {
            m = m * 16 + (uint64_t)d;
            kept += m != 0;
            exp2 -= point ? 4 : 0;
        } else if (!point) {
            exp2 += 4;
        }
    }
    if ((*p | 32) == 'p') {
        const char *e = p + 1;
        bool neg = *e == '-';
        if (*e == '+' || *e == '-') {
            e++;
        }
        if (*e >= '0' && *e <= '9') {
            int x = 0;
            for (; *e >= '0' && *e <= '9'; e++) {
                x = x < 100000 ? x * 10 + (*e - '0') : x;
            }
            exp2 += neg ? -x : x;
            p = e;
        }
    }
    if (endptr != NULL) {
        *endptr = (char *)p;
    }
    double v = (double)m;
    for (; exp2 > 0; exp2--) {
        v *= 2.0;
    }
    for (; exp2 < 0; exp2++) {
        v *= 0.5;
    }
    return *start == '-' ? -v : v;
}

NATMODGEN_RT_LOOP double strtod(const char *nptr, char **endptr) {
    const char *s = nptr;
    while (natmodgen_rt_is_space(*s)) {
        s++;
    }
    const char *start = s;
    if (*s == '+' || *s == '-') {
        s++;
    }
    const char *end = NULL;
    if (s[0] == '0' && (s[1] | 32) == 'x' && (natmodgen_rt_digit_value(s[2]) < 16 || (s[2] == '.' && natmodgen_rt_digit_value(s[3]) < 16))) {
        return natmodgen_rt_hex_float(start, s + 2, endptr);
    }
    if (natmodgen_rt_word(s, "infinity")) {
        end = s + 8;
    } else if (natmodgen_rt_word(s, "inf") || natmodgen_rt_word(s, "nan")) {
        end = s + 3;
    } else {
        const char *p = s;
        size_t digits = 0;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits++;
        }
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9') {
                p++;
                digits++;
            }
        }
        if (digits != 0) {
            end = p;
            const char *e = p;
            if (*e == 'e' || *e == 'E') {
                e++;
                if (*e == '+' || *e == '-') {
                    e++;
                }
                if (*e >= '0' && *e <= '9') {
                    while (*e >= '0' && *e <= '9') {
                        e++;
                    }
                    end = e;
                }
            }
        }
    }
    if (end == NULL) {
        if (endptr != NULL) {
            *endptr = (char *)nptr;
        }
        return 0.0;
    }
    if (endptr != NULL) {
        *endptr = (char *)end;
    }
    mp_obj_t text = mp_obj_new_str(start, end - start);
    return (double)mp_obj_get_float(mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_float), 1, 0, &text));
}

double atof(const char *nptr) {
    return strtod(nptr, NULL);
}
#endif
