/*
 * Floor division and modulo of small ints (py/smallint.h) as Python defines them: the
 * quotient rounds towards minus infinity and the remainder takes the divisor's sign.
 * The divisor is never 0 (the caller checks, as in the firmware).
 */
#include "py/dynruntime.h"
#include "py/smallint.h"

mp_int_t mp_small_int_modulo(mp_int_t dividend, mp_int_t divisor) {
    mp_int_t r = dividend % divisor;
    if (r != 0 && (r < 0) != (divisor < 0)) {
        r += divisor;
    }
    return r;
}

mp_int_t mp_small_int_floor_divide(mp_int_t num, mp_int_t denom) {
    mp_int_t q = num / denom;
    if (num % denom != 0 && (num < 0) != (denom < 0)) {
        q--;
    }
    return q;
}
