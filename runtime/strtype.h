/*
 * py/obj.h's mp_obj_is_str_or_bytes compares a type's binary_op slot with the address of
 * mp_obj_str_binary_op: in a natmod that name is natmodgen's wrapper (runtime/typeslots.c), never
 * the slot of the firmware's str and bytes. The test here compares with the firmware's str
 * type's own slot, which bytes shares.
 */
#ifndef NATMODGEN_RT_STRTYPE_H
#define NATMODGEN_RT_STRTYPE_H

#undef mp_obj_is_str_or_bytes
#define mp_obj_is_str_or_bytes(o) \
    (mp_obj_is_qstr(o) || (mp_obj_is_obj(o) && MP_OBJ_TYPE_GET_SLOT_OR_NULL(((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type, binary_op) == MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op)))

/* py/obj.h's old upper-case name, so that it reaches the test above. */
#undef MP_OBJ_IS_STR_OR_BYTES
#define MP_OBJ_IS_STR_OR_BYTES(o) mp_obj_is_str_or_bytes(o)

#endif
