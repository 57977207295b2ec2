/*
 * mp_obj_int_new_mpz (py/objint.h): a new int object holding an mpz of value 0, for a module
 * built with the firmware's long-int configuration (-D MICROPY_LONGINT_IMPL=2, mpz: its
 * mp_obj_int_t then has the firmware's layout). mpz_init_zero comes with the rest of py/mpz.c
 * from the MicroPython tree (src/facts/tree-sources.ts).
 */
#include "py/dynruntime.h"
#include "py/objint.h"

#if MICROPY_LONGINT_IMPL == MICROPY_LONGINT_IMPL_MPZ
mp_obj_int_t *mp_obj_int_new_mpz(void) {
    mp_obj_int_t *o = mp_obj_malloc(mp_obj_int_t, &mp_type_int);
    mpz_init_zero(&o->mpz);
    return o;
}
#endif
