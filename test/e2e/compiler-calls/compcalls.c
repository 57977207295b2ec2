// Calls the compiler introduces itself: a zeroing loop GCC turns into memset, a length
// loop it turns into strlen, a copying loop it turns into memcpy, a large struct copy
// (memcpy). No libc function is named in the source.
#include "py/runtime.h"

typedef struct _compcalls_block_t {
    mp_int_t v[24];
} compcalls_block_t;

static mp_int_t compcalls_sum(const compcalls_block_t *b) {
    mp_int_t s = 0;
    for (int i = 0; i < 24; i++) {
        s += b->v[i] * (i + 1);
    }
    return s;
}

// zero(n): a loop that becomes memset, then the sum of the zeroed block.
static mp_obj_t compcalls_zero(mp_obj_t n_in) {
    compcalls_block_t b;
    mp_int_t n = mp_obj_get_int(n_in);
    for (int i = 0; i < 24; i++) {
        b.v[i] = i + 100;
    }
    volatile mp_int_t count = n > 24 ? 24 : n;
    unsigned char *p = (unsigned char *)b.v;
    for (mp_int_t i = 0; i < count * (mp_int_t)sizeof(mp_int_t); i++) {
        p[i] = 0;
    }
    return mp_obj_new_int(compcalls_sum(&b));
}
static MP_DEFINE_CONST_FUN_OBJ_1(compcalls_zero_obj, compcalls_zero);

// length(s): a loop that becomes strlen.
static mp_obj_t compcalls_length(mp_obj_t s_in) {
    const char *s = mp_obj_str_get_str(s_in);
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return mp_obj_new_int(n);
}
static MP_DEFINE_CONST_FUN_OBJ_1(compcalls_length_obj, compcalls_length);

// copy(k): a struct copy and a byte-copy loop (memcpy), then a checksum of the copy.
static mp_obj_t compcalls_copy(mp_obj_t k_in) {
    compcalls_block_t a;
    volatile mp_int_t k = mp_obj_get_int(k_in);
    for (int i = 0; i < 24; i++) {
        a.v[i] = k * i;
    }
    compcalls_block_t b = a;
    compcalls_block_t c;
    const unsigned char *src = (const unsigned char *)&b;
    unsigned char *dst = (unsigned char *)&c;
    for (size_t i = 0; i < sizeof(c); i++) {
        dst[i] = src[i];
    }
    return mp_obj_new_int(compcalls_sum(&c));
}
static MP_DEFINE_CONST_FUN_OBJ_1(compcalls_copy_obj, compcalls_copy);

static const mp_rom_map_elem_t compcalls_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_compcalls) },
    { MP_ROM_QSTR(MP_QSTR_zero), MP_ROM_PTR(&compcalls_zero_obj) },
    { MP_ROM_QSTR(MP_QSTR_length), MP_ROM_PTR(&compcalls_length_obj) },
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&compcalls_copy_obj) },
};
static MP_DEFINE_CONST_DICT(compcalls_globals, compcalls_globals_table);

const mp_obj_module_t compcalls_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&compcalls_globals,
};
MP_REGISTER_MODULE(MP_QSTR_compcalls, compcalls_user_cmodule);
