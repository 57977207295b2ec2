/*
 * Argument count checks (py/argcheck.c) with the firmware's TypeError texts. A function
 * signature packs the minimum (bits 17 and up), the maximum (bits 1-16) and whether
 * keywords are taken (bit 0), as MP_OBJ_FUN_MAKE_SIG does.
 */
#include "py/dynruntime.h"

void mp_arg_check_num_sig(size_t n_args, size_t n_kw, uint32_t sig) {
    size_t n_min = sig >> 17;
    size_t n_max = (sig >> 1) & 0xffff;
    if (n_kw != 0 && !(sig & 1)) {
        mp_raise_TypeError(MP_ERROR_TEXT("function doesn't take keyword arguments"));
    }
    if (n_min == n_max && n_args != n_min) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("function takes %d positional arguments but %d were given"), n_min, n_args);
    }
    if (n_args < n_min) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("function missing %d required positional arguments"), n_min - n_args);
    }
    if (n_args > n_max) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("function expected at most %d arguments, got %d"), n_max, n_args);
    }
}

MP_NORETURN void mp_arg_error_terse_mismatch(void) {
    mp_raise_TypeError(MP_ERROR_TEXT("argument num/types mismatch"));
}

#if MICROPY_CPYTHON_COMPAT
MP_NORETURN void mp_arg_error_unimpl_kw(void) {
    mp_raise_msg(&mp_type_NotImplementedError, MP_ERROR_TEXT("keyword argument(s) not implemented - use normal args instead"));
}
#endif
