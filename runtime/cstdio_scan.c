/*
 * sscanf and vsscanf of <stdio.h> for natmods, which link no C library. Each directive is
 * read as C specifies: white space matches any amount of it, other characters themselves,
 * and a conversion %[*][width][length]type takes the longest input that is, or begins, a
 * number, string or set of its type, converted with the runtime's strtol / strtoul / strtoll
 * / strtoull / strtod. The result is the number of assignments, or EOF when the input ends
 * before the first one.
 *
 * Types: d i u o x X p, f e g a E F G A (where the build has floats), s c [set] n and %%.
 * Lengths: hh h l ll j z t L (and q as ll).
 * Where C leaves the reading of a malformed number open, this reads as glibc does (the C
 * library of the unix port these are checked against): "0x" with no hex digit is 0, "1e"
 * without exponent digits is 1, and "nan(chars)" is "nan" followed by "(chars)".
 * %lc, %ls and %l[ read as in the C locale, one wchar_t per ASCII byte (a byte above 0x7f
 * ends them). Not read: hexadecimal floating input (0x1p3 reads 0 and stops at 'x'). float
 * and long double results are converted from strtod's double.
 */
#include "py/dynruntime.h"
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "natmodgen_rt.h"

/* Room for any 64-bit number in any base with sign and prefix; longer digit runs keep their first digits (they overflow either way). */
#define NATMODGEN_RT_SCAN_BUF (80)

/* The text a conversion has taken so far: the input position, what is left of the width, and a copy for strto*. */
typedef struct _natmodgen_rt_scan_t {
    const unsigned char *s;
    size_t width;
    size_t n;
    char buf[NATMODGEN_RT_SCAN_BUF];
} natmodgen_rt_scan_t;

static int natmodgen_rt_scan_peek(const natmodgen_rt_scan_t *t) {
    return t->width > 0 && *t->s ? *t->s : -1;
}

static void natmodgen_rt_scan_take(natmodgen_rt_scan_t *t) {
    if (t->n < NATMODGEN_RT_SCAN_BUF - 1) {
        t->buf[t->n++] = (char)*t->s;
    }
    t->s++;
    t->width--;
}

/* Takes the first character if it is one of `chars` (either case of a letter). */
static bool natmodgen_rt_scan_accept(natmodgen_rt_scan_t *t, const char *chars) {
    int c = natmodgen_rt_scan_peek(t);
    for (; c >= 0 && *chars; ++chars) {
        if (c == *chars || (c >= 'A' && c <= 'Z' && c + ('a' - 'A') == *chars)) {
            natmodgen_rt_scan_take(t);
            return true;
        }
    }
    return false;
}

/* Takes digits of `base`; how many. */
NATMODGEN_RT_LOOP static size_t natmodgen_rt_scan_digits(natmodgen_rt_scan_t *t, int base) {
    size_t count = 0;
    int c;
    while ((c = natmodgen_rt_scan_peek(t)) >= 0 && natmodgen_rt_digit_value((char)c) < base) {
        natmodgen_rt_scan_take(t);
        count++;
    }
    return count;
}

/* An integer of `base` (0: by its prefix, as %i); the base it has, or 0 when no digit was read. */
static int natmodgen_rt_scan_int(natmodgen_rt_scan_t *t, int base) {
    natmodgen_rt_scan_accept(t, "+-");
    size_t digits = 0;
    if ((base == 0 || base == 16) && natmodgen_rt_scan_peek(t) == '0') {
        natmodgen_rt_scan_take(t);
        digits = 1;
        if (natmodgen_rt_scan_accept(t, "x")) {
            base = 16;
        } else if (base == 0) {
            base = 8;
        }
    } else if (base == 0) {
        base = 10;
    }
    digits += natmodgen_rt_scan_digits(t, base);
    return digits ? base : 0;
}

#if MICROPY_PY_BUILTINS_FLOAT
/* Takes `word` (lower case) whole; false when the input differs before its end. */
static bool natmodgen_rt_scan_word(natmodgen_rt_scan_t *t, const char *word) {
    for (; *word; ++word) {
        char one[2] = { *word, 0 };
        if (!natmodgen_rt_scan_accept(t, one)) {
            return false;
        }
    }
    return true;
}

/* A decimal number, inf, infinity or nan; false when none starts here. */
static bool natmodgen_rt_scan_float(natmodgen_rt_scan_t *t) {
    natmodgen_rt_scan_accept(t, "+-");
    int c = natmodgen_rt_scan_peek(t);
    if (c == 'i' || c == 'I') {
        if (!natmodgen_rt_scan_word(t, "inf")) {
            return false;
        }
        c = natmodgen_rt_scan_peek(t);
        return (c != 'i' && c != 'I') || natmodgen_rt_scan_word(t, "inity");
    }
    if (c == 'n' || c == 'N') {
        return natmodgen_rt_scan_word(t, "nan");
    }
    size_t digits = natmodgen_rt_scan_digits(t, 10);
    if (natmodgen_rt_scan_accept(t, ".")) {
        digits += natmodgen_rt_scan_digits(t, 10);
    }
    if (!digits) {
        return false;
    }
    if (natmodgen_rt_scan_accept(t, "e")) {
        natmodgen_rt_scan_accept(t, "+-");
        natmodgen_rt_scan_digits(t, 10);
    }
    return true;
}
#endif

/* Whether c is in the scanset whose text starts after its '[' (a leading '^' inverts it, a first ']' is a member). */
static bool natmodgen_rt_scan_in_set(const unsigned char *set, unsigned char c) {
    bool invert = *set == '^';
    if (invert) {
        set++;
    }
    bool found = false;
    const unsigned char *p = set;
    if (*p == ']') {
        found = c == ']';
        p++;
    }
    for (; *p && *p != ']'; ++p) {
        if (p[1] == '-' && p[2] && p[2] != ']') {
            found = found || (c >= p[0] && c <= p[2]);
            p += 2;
        } else {
            found = found || c == *p;
        }
    }
    return found != invert;
}

/* The ']' that closes a scanset whose text starts at `set` (or the format's end). */
static const unsigned char *natmodgen_rt_scan_set_end(const unsigned char *set) {
    if (*set == '^') {
        set++;
    }
    if (*set == ']') {
        set++;
    }
    while (*set && *set != ']') {
        set++;
    }
    return set;
}

/* Stores character i of a %c, %s or %[ result (wchar_t for the l length). */
static void natmodgen_rt_scan_put(void *out, bool wide, size_t i, unsigned char c) {
    if (out && wide) {
        ((wchar_t *)out)[i] = c;
    } else if (out) {
        ((char *)out)[i] = (char)c;
    }
}

/* Stores an integer through the next pointer argument, as the length modifier says. */
static void natmodgen_rt_scan_store_int(va_list *ap, char length, unsigned long long v) {
    switch (length) {
        case 'H':
            *va_arg(*ap, signed char *) = (signed char)v;
            break;
        case 'h':
            *va_arg(*ap, short *) = (short)v;
            break;
        case 'l':
            *va_arg(*ap, long *) = (long)v;
            break;
        case 'q':
            *va_arg(*ap, long long *) = (long long)v;
            break;
        case 'j':
            *va_arg(*ap, intmax_t *) = (intmax_t)v;
            break;
        case 'z':
            *va_arg(*ap, size_t *) = (size_t)v;
            break;
        case 't':
            *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v;
            break;
        default:
            *va_arg(*ap, int *) = (int)v;
            break;
    }
}

int vsscanf(const char *str, const char *format, va_list ap_in) {
    va_list ap;
    va_copy(ap, ap_in);
    const unsigned char *s = (const unsigned char *)str;
    const unsigned char *f = (const unsigned char *)format;
    int assigned = 0;
    bool input_failure = false;
    while (*f) {
        if (natmodgen_rt_is_space(*f)) {
            while (natmodgen_rt_is_space(*f)) {
                f++;
            }
            while (natmodgen_rt_is_space(*s)) {
                s++;
            }
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            if (*f == '%') {
                f++;
                while (natmodgen_rt_is_space(*s)) {
                    s++;
                }
            }
            if (!*s) {
                input_failure = true;
                break;
            }
            if (*s != *f) {
                break;
            }
            s++;
            f++;
            continue;
        }
        f++;
        bool suppress = *f == '*';
        if (suppress) {
            f++;
        }
        size_t width = 0;
        while (*f >= '0' && *f <= '9') {
            width = width * 10 + (size_t)(*f++ - '0');
        }
        /* length: 'H' hh, 'h', 'l', 'q' ll (and q), 'j', 'z', 't', 'L' */
        char length = 0;
        if (*f == 'h') {
            length = f[1] == 'h' ? 'H' : 'h';
            f += f[1] == 'h' ? 2 : 1;
        } else if (*f == 'l') {
            length = f[1] == 'l' ? 'q' : 'l';
            f += f[1] == 'l' ? 2 : 1;
        } else if (*f == 'q' || *f == 'j' || *f == 'z' || *f == 't' || *f == 'L') {
            length = (char)*f++;
        }
        unsigned char conv = *f++;
        if (conv == 'n') {
            if (!suppress) {
                natmodgen_rt_scan_store_int(&ap, length, (unsigned long long)(s - (const unsigned char *)str));
            }
            continue;
        }
        if (conv == 0) {
            break;
        }
        if (conv != 'c' && conv != '[') {
            while (natmodgen_rt_is_space(*s)) {
                s++;
            }
        }
        if (!*s) {
            input_failure = true;
            break;
        }
        natmodgen_rt_scan_t t = { s, width ? width : SIZE_MAX, 0, { 0 } };
        if (conv == 'c' || conv == 's' || conv == '[') {
            /* %lc, %ls, %l[ store wchar_t: one per character, which in the C locale is one ASCII byte */
            bool wide = length == 'l';
            const unsigned char *set = f;
            if (conv == '[') {
                f = natmodgen_rt_scan_set_end(f);
                if (!*f) {
                    break;
                }
                f++;
            }
            void *out = suppress ? NULL : va_arg(ap, void *);
            size_t want = conv == 'c' ? (width ? width : 1) : t.width;
            size_t got = 0;
            while (got < want && *s && !(wide && *s >= 0x80)) {
                if (conv == 's' ? natmodgen_rt_is_space(*s) : conv == '[' && !natmodgen_rt_scan_in_set(set, *s)) {
                    break;
                }
                natmodgen_rt_scan_put(out, wide, got++, *s++);
            }
            if (conv == 'c') {
                assigned += !suppress && got > 0;
                if (got < want) {
                    input_failure = !*s;
                    break;
                }
                continue;
            }
            if (!got) {
                break;
            }
            if (out) {
                natmodgen_rt_scan_put(out, wide, got, 0);
                assigned++;
            }
            continue;
        }
        #if MICROPY_PY_BUILTINS_FLOAT
        if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'a' || conv == 'F' || conv == 'E' || conv == 'G' || conv == 'A') {
            bool ok = natmodgen_rt_scan_float(&t);
            s = t.s;
            if (!ok) {
                break;
            }
            if (!suppress) {
                double v = strtod(t.buf, NULL);
                if (length == 'l') {
                    *va_arg(ap, double *) = v;
                } else if (length == 'L') {
                    *va_arg(ap, long double *) = v;
                } else {
                    *va_arg(ap, float *) = (float)v;
                }
                assigned++;
            }
            continue;
        }
        #endif
        int base;
        switch (conv) {
            case 'd':
            case 'u':
                base = 10;
                break;
            case 'i':
                base = 0;
                break;
            case 'o':
                base = 8;
                break;
            case 'x':
            case 'X':
            case 'p':
                base = 16;
                break;
            default:
                base = -1;
                break;
        }
        if (base < 0) {
            break;
        }
        base = natmodgen_rt_scan_int(&t, base);
        s = t.s;
        if (!base) {
            break;
        }
        if (!suppress) {
            unsigned long long v;
            if (length == 'q' || length == 'j') {
                v = conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(t.buf, NULL, base) : strtoull(t.buf, NULL, base);
            } else {
                v = conv == 'd' || conv == 'i' ? (unsigned long long)(long long)strtol(t.buf, NULL, base) : strtoul(t.buf, NULL, base);
            }
            if (conv == 'p') {
                *va_arg(ap, void **) = (void *)(uintptr_t)v;
            } else {
                natmodgen_rt_scan_store_int(&ap, length, v);
            }
            assigned++;
        }
    }
    va_end(ap);
    return input_failure && assigned == 0 ? EOF : assigned;
}

int sscanf(const char *str, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int n = vsscanf(str, format, ap);
    va_end(ap);
    return n;
}
