/* py/misc.h: a long long multiply that reports overflow instead of wrapping, for a
 * configuration without the GCC intrinsic (otherwise the header's macro is the intrinsic). */
#include "py/dynruntime.h"

#if !MICROPY_USE_GCC_MUL_OVERFLOW_INTRINSIC
bool mp_mul_ll_overflow(long long int x, long long int y, long long int *res) {
    return __builtin_mul_overflow(x, y, res);
}
#endif
