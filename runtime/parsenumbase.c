/*
 * py/parsenumbase.c: the length of a 0x/0o/0b prefix that fits *base (0 takes any), with
 * *base set from it; without one, base 0 becomes 10, except after a leading '0' that is
 * not a prefix, where it becomes 1 (the firmware's marker for "0 then more digits").
 */
#include "py/dynruntime.h"
#include "py/parsenumbase.h"

size_t mp_parse_num_base(const char *str, size_t len, int *base) {
    if (len >= 2 && str[0] == '0') {
        char c = (char)(str[1] | 32);
        int want = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (want != 0 && (*base == 0 || *base == want)) {
            *base = want;
            return 2;
        }
        if (*base == 0) {
            *base = 1;
        }
        return 0;
    }
    if (*base == 0) {
        *base = 10;
    }
    return 0;
}
