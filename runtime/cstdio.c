/*
 * printf and friends (cstdio.h) over the firmware's mp_vprintf, as shared/libc/printf.c
 * defines them for bare-metal ports.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "cstdio.h"

int natmodgen_vprintf(const char *fmt, va_list ap) {
    return mp_vprintf(&mp_plat_print, fmt, ap);
}

int natmodgen_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = natmodgen_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int natmodgen_putchar(int c) {
    char ch = (char)c;
    mp_plat_print.print_strn(mp_plat_print.data, &ch, 1);
    return (unsigned char)c;
}

NATMODGEN_RT_LOOP int natmodgen_puts(const char *s) {
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    mp_plat_print.print_strn(mp_plat_print.data, s, n);
    mp_plat_print.print_strn(mp_plat_print.data, "\n", 1);
    return 1;
}

/* The buffer vsnprintf writes into: where the next byte goes and how many bytes are left. */
typedef struct _natmodgen_rt_strn_t {
    char *cur;
    size_t remaining;
} natmodgen_rt_strn_t;

static void natmodgen_rt_strn_print(void *data, const char *str, size_t len) {
    natmodgen_rt_strn_t *b = data;
    for (; len > 0 && b->remaining > 0; --len, --b->remaining) {
        *b->cur++ = *str++;
    }
}

/* As C99: writes at most size - 1 bytes and a terminating NUL; returns the bytes written, without it. */
int natmodgen_vsnprintf(char *str, size_t size, const char *fmt, va_list ap) {
    natmodgen_rt_strn_t b = { str, size ? size - 1 : 0 };
    mp_print_t print = { &b, natmodgen_rt_strn_print };
    int n = mp_vprintf(&print, fmt, ap);
    if (size) {
        *b.cur = '\0';
    }
    return n;
}

int natmodgen_snprintf(char *str, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = natmodgen_vsnprintf(str, size, fmt, ap);
    va_end(ap);
    return n;
}

int natmodgen_vsprintf(char *str, const char *fmt, va_list ap) {
    return natmodgen_vsnprintf(str, 0x7fffffff, fmt, ap);
}

int natmodgen_sprintf(char *str, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = natmodgen_vsprintf(str, fmt, ap);
    va_end(ap);
    return n;
}
