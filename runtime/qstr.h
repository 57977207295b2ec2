/*
 * py/dynruntime.h removes MP_OBJ_QSTR_VALUE together with MP_OBJ_NEW_QSTR. A natmod
 * is built for one object representation: the MICROPY_OBJ_REPR of its configuration,
 * which the obj.h macros dynruntime.h keeps (small ints, mp_obj_is_qstr) already
 * assume. A qstr object of that representation decodes as py/obj.h describes it:
 * the qstr shifted left past the tag bits (by 3 in A and B, 4 in C), or in D by one
 * in the low 32 bits of the 64-bit object. No code beyond the shift.
 */
#ifndef NATMODGEN_RT_QSTR_H
#define NATMODGEN_RT_QSTR_H

#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define MP_OBJ_QSTR_VALUE(o) ((qstr)(((uint32_t)(o)) >> 1))
#endif
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define MP_OBJ_QSTR_VALUE(o) ((qstr)(((mp_uint_t)(o)) >> 4))
#endif
#if MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_C && MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_D
#define MP_OBJ_QSTR_VALUE(o) ((qstr)(((mp_uint_t)(o)) >> 3))
#endif

/* qstr 0, an enum of the firmware's generated qstr header, which natmods lack. */
#ifndef MP_QSTRnull
#define MP_QSTRnull ((qstr)0)
#endif

#endif
