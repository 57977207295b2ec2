// A module that reads int objects through their mpz, as dmazzella/ucbor
// (modcbor.c:59 mp_mpz_for_int) and dmazzella/ucrypto (moducrypto.c:147) do: mp_obj_int_t has
// the `mpz` member only in firmware with mpz long ints, the only firmware this source builds for.
#include "py/runtime.h"
#include "py/objint.h"

#define INT_MPZ(o) (&((mp_obj_int_t *)MP_OBJ_TO_PTR(o))->mpz)

// -1, 0 or 1 for a big int (its mpz's sign and length); None for a small one.
static mp_obj_t mz_sign(mp_obj_t x) {
    if (mp_obj_is_small_int(x)) {
        return mp_const_none;
    }
    mp_obj_int_t *o = MP_OBJ_TO_PTR(x);
    if (o->mpz.len == 0) {
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    return MP_OBJ_NEW_SMALL_INT(INT_MPZ(x)->neg ? -1 : 1);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mz_sign_obj, mz_sign);

static const mp_rom_map_elem_t mz_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_mpzint) },
    { MP_ROM_QSTR(MP_QSTR_sign), MP_ROM_PTR(&mz_sign_obj) },
};
static MP_DEFINE_CONST_DICT(mz_module_globals, mz_module_globals_table);

const mp_obj_module_t mz_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mz_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_mpzint, mz_module);
