/*
 * Integers beyond the machine word (py/obj.h, py/parsenum.h). A natmod's
 * configuration has no long ints of its own, so big values are built and checked
 * with the firmware's int operations; where the firmware has no long ints, the same
 * operations raise the firmware's OverflowError.
 */
#include "py/dynruntime.h"
#include "py/parsenum.h"
#include "obj.h"
#include "py/objint.h"
#include "natmodgen_rt.h"
#include "builtin.h"

MP_NORETURN void mp_raise_TypeError_int_conversion(mp_const_obj_t arg) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to int"), mp_obj_get_type_str(arg));
}

static MP_NORETURN void natmodgen_rt_int_overflow(void) {
    mp_raise_msg((const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_OverflowError)),
        MP_ERROR_TEXT("overflow converting long int to machine word"));
}

mp_int_t mp_obj_int_get_truncated(mp_const_obj_t self_in) {
    return (mp_int_t)mp_fun_table.native_from_obj((mp_obj_t)self_in, MP_NATIVE_TYPE_UINT);
}

mp_int_t mp_obj_int_get_checked(mp_const_obj_t self_in) {
    // For an int the firmware's checked conversion is its mp_obj_get_int.
    return mp_obj_get_int(self_in);
}

mp_uint_t mp_obj_int_get_uint_checked(mp_const_obj_t self_in) {
    if (mp_obj_is_small_int(self_in)) {
        if (MP_OBJ_SMALL_INT_VALUE(self_in) >= 0) {
            return MP_OBJ_SMALL_INT_VALUE(self_in);
        }
        natmodgen_rt_int_overflow();
    }
    mp_uint_t v = (mp_uint_t)mp_obj_int_get_truncated(self_in);
    if (mp_binary_op(MP_BINARY_OP_EQUAL, mp_obj_new_int_from_uint(v), (mp_obj_t)self_in) != mp_const_true) {
        natmodgen_rt_int_overflow();
    }
    return v;
}

bool mp_obj_get_int_maybe(mp_const_obj_t arg, mp_int_t *value) {
    if (arg == mp_const_false) {
        *value = 0;
    } else if (arg == mp_const_true) {
        *value = 1;
    } else if (mp_obj_is_small_int(arg)) {
        *value = MP_OBJ_SMALL_INT_VALUE(arg);
    } else if (mp_obj_is_exact_type(arg, &mp_type_int)) {
        *value = mp_obj_int_get_checked(arg);
    } else {
        arg = mp_unary_op(MP_UNARY_OP_INT_MAYBE, (mp_obj_t)arg);
        if (arg == MP_OBJ_NULL) {
            return false;
        }
        *value = mp_obj_int_get_checked(arg);
    }
    return true;
}

mp_uint_t mp_obj_get_uint(mp_const_obj_t arg) {
    if (!mp_obj_is_exact_type(arg, &mp_type_int)) {
        mp_obj_t as_int = mp_unary_op(MP_UNARY_OP_INT_MAYBE, (mp_obj_t)arg);
        if (as_int == MP_OBJ_NULL) {
            mp_raise_TypeError_int_conversion(arg);
        }
        arg = as_int;
    }
    return mp_obj_int_get_uint_checked(arg);
}

/* (hi << 32) | lo with the firmware's int operations. */
static mp_obj_t natmodgen_rt_int_from_halves(mp_obj_t hi, uint32_t lo) {
    mp_obj_t v = mp_binary_op(MP_BINARY_OP_LSHIFT, hi, MP_OBJ_NEW_SMALL_INT(32));
    return mp_binary_op(MP_BINARY_OP_OR, v, mp_obj_new_int_from_uint(lo));
}

mp_obj_t mp_obj_new_int_from_ll(long long val) {
    if ((long long)(mp_int_t)val == val) {
        return mp_obj_new_int((mp_int_t)val);
    }
    /* Arithmetic shift of a negative value is implementation-defined in C; floor it by hand. */
    long long hi = val < 0 ? -(long long)(((unsigned long long)-(val + 1)) >> 32) - 1 : val >> 32;
    return natmodgen_rt_int_from_halves(mp_obj_new_int((mp_int_t)hi), (uint32_t)val);
}

mp_obj_t mp_obj_new_int_from_ull(unsigned long long val) {
    if ((unsigned long long)(mp_uint_t)val == val) {
        return mp_obj_new_int_from_uint((mp_uint_t)val);
    }
    return natmodgen_rt_int_from_halves(mp_obj_new_int_from_uint((mp_uint_t)(val >> 32)), (uint32_t)val);
}

mp_obj_t mp_parse_num_integer(const char *restrict str, size_t len, int base, mp_lexer_t *lex) {
    (void)lex;
    mp_obj_t args[2] = { mp_obj_new_bytes((const byte *)str, len), MP_OBJ_NEW_SMALL_INT(base) };
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_int), 2, 0, args);
}

/* py/objint.c: digits for num_bits in base (2..16), commas, prefix, sign and NUL. */
NATMODGEN_RT_LOOP size_t mp_int_format_size(size_t num_bits, int base, const char *prefix, char comma) {
    size_t bits_per_digit = 0;
    for (int b = base; b > 1; b >>= 1) {
        bits_per_digit++;
    }
    size_t num_digits = num_bits / bits_per_digit + 1;
    size_t num_commas = comma ? (base == 10 ? num_digits / 3 : num_digits / 4) : 0;
    size_t prefix_len = 0;
    while (prefix != NULL && prefix[prefix_len] != '\0') {
        prefix_len++;
    }
    return num_digits + num_commas + prefix_len + 2;
}

int mp_obj_int_sign(mp_obj_t self_in) {
    mp_obj_t zero = MP_OBJ_NEW_SMALL_INT(0);
    if (mp_binary_op(MP_BINARY_OP_LESS, self_in, zero) == mp_const_true) {
        return -1;
    }
    return mp_binary_op(MP_BINARY_OP_MORE, self_in, zero) == mp_const_true ? 1 : 0;
}

#if MICROPY_PY_BUILTINS_FLOAT
mp_float_t mp_obj_int_as_float_impl(mp_obj_t self_in) {
    return mp_obj_get_float(self_in);
}
#endif

/* pow(base, exponent, modulus), the firmware's three-argument pow. */
mp_obj_t mp_obj_int_pow3(mp_obj_t base, mp_obj_t exponent, mp_obj_t modulus) {
    mp_obj_t args[3] = { base, exponent, modulus };
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_pow), 3, 0, args);
}

/* int.from_bytes(buf, 'big' or 'little'), unsigned as the firmware's implementation reads it. */
mp_obj_t mp_obj_int_from_bytes_impl(bool big_endian, size_t len, const byte *buf) {
    mp_obj_t args[2] = { mp_obj_new_bytes(buf, len), MP_OBJ_NEW_QSTR(big_endian ? MP_QSTR_big : MP_QSTR_little) };
    return mp_call_function_n_kw(mp_load_attr(natmodgen_rt_builtin(MP_QSTR_int), MP_QSTR_from_bytes), 2, 0, args);
}
