/*
 * printf, puts and putchar under the C library's own names, for calls the module's text does
 * not spell: GCC turns printf("text\n") into puts("text") and printf("x") into putchar('x'),
 * and a macro of a header natmodgen does not read calls printf itself (berkeley-db's
 * mpool_error, which extmod/berkeley-db/berkeley_db_config_port.h defines as printf). They
 * write to mp_plat_print as cstdio.c's natmodgen_* do; the names are undefined here first, in
 * case cstdio.h renamed them in the same unit.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

#undef printf
int printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = mp_vprintf(&mp_plat_print, fmt, ap);
    va_end(ap);
    return n;
}

#undef putchar
int putchar(int c) {
    char ch = (char)c;
    mp_plat_print.print_strn(mp_plat_print.data, &ch, 1);
    return (unsigned char)c;
}

#undef puts
NATMODGEN_RT_LOOP int puts(const char *s) {
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    mp_plat_print.print_strn(mp_plat_print.data, s, n);
    mp_plat_print.print_strn(mp_plat_print.data, "\n", 1);
    return 1;
}
