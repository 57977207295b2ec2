// nmg_functions: a user C module showing every way of defining a
// function object (fixed arity 0..3, variable arity, bounded variable
// arity and keyword arguments), plus a handful of module-level constants.

// Include the MicroPython API.
#include "py/runtime.h"

// Version number exposed as nmg_functions.VERSION.
#define NMG_FUNCTIONS_VERSION (2)

// Upper bound on the number of items int_range() will produce.
#define NMG_FUNCTIONS_MAX_RANGE (100)

// answer() -> int
// Takes no arguments at all.
static mp_obj_t nmg_functions_answer(void) {
    return mp_obj_new_int(42);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_functions_answer_obj, nmg_functions_answer);

// square(x) -> int
// Only accepts integers; anything else raises TypeError.
static mp_obj_t nmg_functions_square(mp_obj_t x_in) {
    if (!mp_obj_is_int(x_in)) {
        mp_raise_TypeError(MP_ERROR_TEXT("square() expects an int"));
    }
    mp_int_t x = mp_obj_get_int(x_in);
    return mp_obj_new_int(x * x);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_functions_square_obj, nmg_functions_square);

// describe(obj) -> str
// Returns a short interned string naming the kind of object passed in.
static mp_obj_t nmg_functions_describe(mp_obj_t obj) {
    qstr kind;
    if (obj == mp_const_none) {
        kind = MP_QSTR_none;
    } else if (mp_obj_is_bool(obj)) {
        kind = MP_QSTR_bool;
    } else if (mp_obj_is_int(obj)) {
        kind = MP_QSTR_int;
    } else if (mp_obj_is_str(obj)) {
        kind = MP_QSTR_str;
    } else if (mp_obj_is_type(obj, &mp_type_tuple)) {
        kind = MP_QSTR_tuple;
    } else if (mp_obj_is_type(obj, &mp_type_list)) {
        kind = MP_QSTR_list;
    } else {
        kind = MP_QSTR_other;
    }
    return MP_OBJ_NEW_QSTR(kind);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_functions_describe_obj, nmg_functions_describe);

// floor_divmod(a, b) -> (quotient, remainder)
// Like Python's divmod() for ints, i.e. rounding towards minus infinity.
static mp_obj_t nmg_functions_floor_divmod(mp_obj_t a_in, mp_obj_t b_in) {
    mp_int_t a = mp_obj_get_int(a_in);
    mp_int_t b = mp_obj_get_int(b_in);
    if (b == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("divisor must not be zero"));
    }
    mp_int_t q = a / b;
    mp_int_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
    mp_obj_t items[2] = { mp_obj_new_int(q), mp_obj_new_int(r) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(nmg_functions_floor_divmod_obj, nmg_functions_floor_divmod);

// clamp(value, low, high) -> int
static mp_obj_t nmg_functions_clamp(mp_obj_t value_in, mp_obj_t low_in, mp_obj_t high_in) {
    mp_int_t value = mp_obj_get_int(value_in);
    mp_int_t low = mp_obj_get_int(low_in);
    mp_int_t high = mp_obj_get_int(high_in);
    if (low > high) {
        mp_raise_ValueError(MP_ERROR_TEXT("low must be <= high"));
    }
    if (value < low) {
        value = low;
    } else if (value > high) {
        value = high;
    }
    return mp_obj_new_int(value);
}
static MP_DEFINE_CONST_FUN_OBJ_3(nmg_functions_clamp_obj, nmg_functions_clamp);

// sum_ints(*values) -> int
// Any number of positional arguments (including none).
static mp_obj_t nmg_functions_sum_ints(size_t n_args, const mp_obj_t *args) {
    mp_int_t total = 0;
    for (size_t i = 0; i < n_args; i++) {
        if (!mp_obj_is_int(args[i])) {
            mp_raise_TypeError(MP_ERROR_TEXT("sum_ints() arguments must be ints"));
        }
        total += mp_obj_get_int(args[i]);
    }
    return mp_obj_new_int(total);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR(nmg_functions_sum_ints_obj, 0, nmg_functions_sum_ints);

// int_range(stop) / int_range(start, stop) / int_range(start, stop, step) -> list
// Between one and three positional arguments, like the builtin range().
static mp_obj_t nmg_functions_int_range(size_t n_args, const mp_obj_t *args) {
    mp_int_t start = 0;
    mp_int_t stop;
    mp_int_t step = 1;
    if (n_args == 1) {
        stop = mp_obj_get_int(args[0]);
    } else {
        start = mp_obj_get_int(args[0]);
        stop = mp_obj_get_int(args[1]);
        if (n_args == 3) {
            step = mp_obj_get_int(args[2]);
        }
    }
    if (step == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("step must not be zero"));
    }
    mp_obj_t list = mp_obj_new_list(0, NULL);
    size_t count = 0;
    for (mp_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (++count > NMG_FUNCTIONS_MAX_RANGE) {
            mp_raise_ValueError(MP_ERROR_TEXT("range too long"));
        }
        mp_obj_list_append(list, mp_obj_new_int(i));
    }
    return list;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(nmg_functions_int_range_obj, 1, 3, nmg_functions_int_range);

// open_channel(channel_id, baud_rate=9600, parity_mode=None, *,
//              invert_bits=False, session_token, retry_count=-1) -> tuple
// Parses positional and keyword arguments with mp_arg_parse_all() and
// returns the resulting settings as a tuple.
static mp_obj_t nmg_functions_open_channel(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_channel_id, ARG_baud_rate, ARG_parity_mode, ARG_invert_bits, ARG_session_token, ARG_retry_count };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_channel_id,    MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_baud_rate,     MP_ARG_INT, {.u_int = 9600} },
        { MP_QSTR_parity_mode,   MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_invert_bits,   MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
        { MP_QSTR_session_token, MP_ARG_REQUIRED | MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_retry_count,   MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
    };

    // Parse args.
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    // Validate them.
    if (args[ARG_channel_id].u_int < 0 || args[ARG_channel_id].u_int > 15) {
        mp_raise_ValueError(MP_ERROR_TEXT("channel_id must be 0-15"));
    }
    if (args[ARG_baud_rate].u_int <= 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("baud_rate must be positive"));
    }
    mp_obj_t parity = args[ARG_parity_mode].u_obj;
    if (parity != mp_const_none && !mp_obj_is_str(parity)) {
        mp_raise_TypeError(MP_ERROR_TEXT("parity_mode must be None or a str"));
    }

    mp_obj_t items[6] = {
        mp_obj_new_int(args[ARG_channel_id].u_int),
        mp_obj_new_int(args[ARG_baud_rate].u_int),
        parity,
        mp_obj_new_bool(args[ARG_invert_bits].u_bool),
        args[ARG_session_token].u_obj,
        mp_obj_new_int(args[ARG_retry_count].u_int),
    };
    return mp_obj_new_tuple(6, items);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(nmg_functions_open_channel_obj, 0, nmg_functions_open_channel);

// count_args(first, *args, **kwargs) -> (number of positional, number of keyword)
// At least one positional argument is required.
static mp_obj_t nmg_functions_count_args(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_obj_t items[2] = {
        mp_obj_new_int(n_args),
        mp_obj_new_int(kw_args->used),
    };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(nmg_functions_count_args_obj, 1, nmg_functions_count_args);

// The module's globals: functions first, then constants.
static const mp_rom_map_elem_t nmg_functions_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_functions) },

    // Functions.
    { MP_ROM_QSTR(MP_QSTR_answer), MP_ROM_PTR(&nmg_functions_answer_obj) },
    { MP_ROM_QSTR(MP_QSTR_square), MP_ROM_PTR(&nmg_functions_square_obj) },
    { MP_ROM_QSTR(MP_QSTR_describe), MP_ROM_PTR(&nmg_functions_describe_obj) },
    { MP_ROM_QSTR(MP_QSTR_floor_divmod), MP_ROM_PTR(&nmg_functions_floor_divmod_obj) },
    { MP_ROM_QSTR(MP_QSTR_clamp), MP_ROM_PTR(&nmg_functions_clamp_obj) },
    { MP_ROM_QSTR(MP_QSTR_sum_ints), MP_ROM_PTR(&nmg_functions_sum_ints_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_range), MP_ROM_PTR(&nmg_functions_int_range_obj) },
    { MP_ROM_QSTR(MP_QSTR_open_channel), MP_ROM_PTR(&nmg_functions_open_channel_obj) },
    { MP_ROM_QSTR(MP_QSTR_count_args), MP_ROM_PTR(&nmg_functions_count_args_obj) },

    // Constants.
    { MP_ROM_QSTR(MP_QSTR_VERSION), MP_ROM_INT(NMG_FUNCTIONS_VERSION) },
    { MP_ROM_QSTR(MP_QSTR_MAX_RANGE), MP_ROM_INT(NMG_FUNCTIONS_MAX_RANGE) },
    { MP_ROM_QSTR(MP_QSTR_FLAGS_DEFAULT), MP_ROM_INT((1 << 4) | 3) },
    { MP_ROM_QSTR(MP_QSTR_MASK_16), MP_ROM_INT(0xffff) },
    { MP_ROM_QSTR(MP_QSTR_ERROR_OFFSET), MP_ROM_INT(-42) },
    { MP_ROM_QSTR(MP_QSTR_DEFAULT_MODE), MP_ROM_QSTR(MP_QSTR_turbo) },
    { MP_ROM_QSTR(MP_QSTR_NOTHING), MP_ROM_NONE },
    { MP_ROM_QSTR(MP_QSTR_ENABLED), MP_ROM_TRUE },
    { MP_ROM_QSTR(MP_QSTR_DISABLED), MP_ROM_FALSE },
};
static MP_DEFINE_CONST_DICT(nmg_functions_module_globals, nmg_functions_module_globals_table);

// Define the module object.
const mp_obj_module_t nmg_functions_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_functions_module_globals,
};

// Register the module to make it available in Python as "nmg_functions".
MP_REGISTER_MODULE(MP_QSTR_nmg_functions, nmg_functions_user_cmodule);
