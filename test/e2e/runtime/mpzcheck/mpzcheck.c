// mpzcheck: arbitrary-precision arithmetic through py/mpz.h, as modules such as ucrypto and
// ucbor do it. Built into the unix port (whose long ints are mpz) it runs the firmware's
// py/mpz.c; as a natmod, natmodgen compiles py/mpz.c from the MicroPython tree into it, with
// only the functions called here. test.py must print the same from both.
// The natmod is built with the firmware's long-int configuration (-D MICROPY_LONGINT_IMPL=2, mpz),
// so mp_obj_int_t has the firmware's layout: big ints are read and made through it.
#include "py/runtime.h"
#include "py/mpz.h"
#include "py/objint.h"

static mp_obj_t tup2(mp_obj_t a, mp_obj_t b) {
    mp_obj_t items[2] = { a, b };
    return mp_obj_new_tuple(2, items);
}

// mpz arithmetic (py/mpz.h): the firmware's own py/mpz.c; the natmod gets it compiled from the
// MicroPython tree. Numbers travel as decimal strings (base 10 in, base 10 and 16 out).
static mp_obj_t rt_mpz_str(const mpz_t *z, unsigned int base) {
    char buf[400];
    size_t n = mpz_as_str_inpl(z, base, base == 16 ? "0x" : "", 'a', base == 16 ? '_' : '\0', buf);
    return mp_obj_new_str(buf, n);
}

static void rt_mpz_parse(mpz_t *z, mp_obj_t s) {
    size_t len;
    const char *str = mp_obj_str_get_data(s, &len);
    bool neg = len > 0 && str[0] == '-';
    mpz_init_zero(z);
    mpz_set_from_str(z, str + neg, len - neg, neg, 10);
}

static mp_obj_t rt_mpz(mp_obj_t a_in, mp_obj_t b_in, mp_obj_t small_in) {
    mpz_t a, b, r, q;
    rt_mpz_parse(&a, a_in);
    rt_mpz_parse(&b, b_in);
    mpz_init_zero(&r);
    mpz_init_zero(&q);
    mp_int_t small = mp_obj_get_int(small_in);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    mpz_add_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_sub_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_mul_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 16));
    if (!mpz_is_zero(&b)) {
        mpz_divmod_inpl(&q, &r, &a, &b);
        mp_obj_list_append(out, rt_mpz_str(&q, 10));
        mp_obj_list_append(out, rt_mpz_str(&r, 10));
    }
    mpz_and_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_or_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_xor_inpl(&r, &a, &b);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_shl_inpl(&r, &a, small);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_shr_inpl(&r, &a, small);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_neg_inpl(&r, &a);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_abs_inpl(&r, &r);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_not_inpl(&r, &a);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_t e;
    mpz_init_from_int(&e, small % 4);
    mpz_pow_inpl(&r, &a, &e);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    // a**small % |b| (b non-zero; pow3 gives 0 for a zero base, a negative exponent or a modulus of 1)
    if (!mpz_is_zero(&b)) {
        mpz_t m, n;
        mpz_init_zero(&m);
        mpz_abs_inpl(&m, &b);
        mpz_init_from_int(&n, small);
        mpz_pow3_inpl(&r, &a, &n, &m);
        mp_obj_list_append(out, rt_mpz_str(&r, 10));
        mpz_neg_inpl(&n, &n);
        mpz_pow3_inpl(&r, &a, &n, &m);
        mp_obj_list_append(out, rt_mpz_str(&r, 10));
        mpz_deinit(&m);
        mpz_deinit(&n);
    }
    mp_obj_list_append(out, mp_obj_new_int(mpz_cmp(&a, &b)));
    mp_obj_list_append(out, mp_obj_new_int(mpz_hash(&a)));
    mp_int_t iv;
    bool fits = mpz_as_int_checked(&a, &iv);
    mp_obj_list_append(out, fits ? mp_obj_new_int(iv) : mp_const_none);
    mp_uint_t uv;
    fits = mpz_as_uint_checked(&a, &uv);
    mp_obj_list_append(out, fits ? mp_obj_new_int_from_uint(uv) : mp_const_none);
    byte bytes[12];
    bool ok = mpz_as_bytes(&a, true, mpz_is_neg(&a), sizeof(bytes), bytes);
    mp_obj_list_append(out, tup2(mp_obj_new_bool(ok), mp_obj_new_bytes(bytes, sizeof(bytes))));
    mpz_set_from_bytes(&r, false, sizeof(bytes), bytes);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mp_obj_list_append(out, mp_obj_new_int(mpz_max_num_bits(&a)));
    #if MICROPY_PY_BUILTINS_FLOAT
    mpz_set_from_float(&r, (mp_float_t)small * (mp_float_t)1e20);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mp_obj_list_append(out, mp_obj_new_float(mpz_as_float(&a)));
    mp_obj_list_append(out, mp_obj_new_float(mpz_as_float(&r)));
    #endif
    mpz_set_from_ll(&r, -123456789012345678LL, true);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_set_from_ll(&r, -1LL, false);
    mp_obj_list_append(out, rt_mpz_str(&r, 10));
    mpz_set_from_int(&r, small);
    mpz_set(&q, &r);
    mp_obj_list_append(out, rt_mpz_str(&q, 16));
    mpz_dig_t fixed_dig[4];
    mpz_t fixed;
    mpz_init_fixed_from_int(&fixed, fixed_dig, MP_ARRAY_SIZE(fixed_dig), -small);
    mp_obj_list_append(out, rt_mpz_str(&fixed, 10));
    mpz_deinit(&a);
    mpz_deinit(&b);
    mpz_deinit(&r);
    mpz_deinit(&q);
    mpz_deinit(&e);
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_3(mpzcheck_run_obj, rt_mpz);

// A big int of the firmware read through mp_obj_int_t (small ints through mpz_init_from_int),
// doubled and returned as a new int object made with mp_obj_int_new_mpz.
static mp_obj_t mpzcheck_double(mp_obj_t x) {
    mpz_t tmp;
    const mpz_t *z = &tmp;
    if (mp_obj_is_small_int(x)) {
        mpz_init_from_int(&tmp, MP_OBJ_SMALL_INT_VALUE(x));
    } else {
        z = &((mp_obj_int_t *)MP_OBJ_TO_PTR(x))->mpz;
    }
    mp_obj_int_t *o = mp_obj_int_new_mpz();
    mpz_add_inpl(&o->mpz, z, z);
    mp_obj_t out[2] = { MP_OBJ_FROM_PTR(o), rt_mpz_str(z, 16) };
    return mp_obj_new_tuple(2, out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpzcheck_double_obj, mpzcheck_double);

static const mp_rom_map_elem_t mpzcheck_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_double), MP_ROM_PTR(&mpzcheck_double_obj) },
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mpzcheck) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&mpzcheck_run_obj) },
};
static MP_DEFINE_CONST_DICT(mpzcheck_globals, mpzcheck_globals_table);

const mp_obj_module_t mpzcheck_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mpzcheck_globals,
};

MP_REGISTER_MODULE(MP_QSTR_mpzcheck, mpzcheck_user_cmodule);
