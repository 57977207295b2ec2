/*
 * Firmware functions that are the slots of built-in types (py/objtuple.c, objlist.c,
 * objstr.c, objint.c, objdict.c define the types with them). A natmod reaches each one
 * through the type object, and each name here IS that slot's value: the firmware's own
 * function pointer, read from the firmware's type. So a call goes to the firmware, and a
 * comparison with the firmware's function holds too: py/objtuple.h's
 * mp_obj_is_tuple_compatible compares a type's iter slot with mp_obj_tuple_getiter, and a
 * type made in a natmod (a namedtuple) with that slot is a tuple to the firmware and to the
 * natmod alike. A function of its own under the name would have another address.
 *
 * The headers that declare the names come first, so that a unit's later #include of them
 * (guarded) does not meet the macros.
 */
#ifndef NATMODGEN_RT_TYPESLOTS_H
#define NATMODGEN_RT_TYPESLOTS_H

#include "py/objtuple.h"
#include "py/objlist.h"
#include "py/objstr.h"
#include "py/objint.h"
#include "py/objtype.h"

#define mp_obj_tuple_print (MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, print))
#define mp_obj_tuple_unary_op (MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, unary_op))
#define mp_obj_tuple_binary_op (MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, binary_op))
#define mp_obj_tuple_subscr (MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, subscr))
/* tuple's iter slot is its getiter (MP_TYPE_FLAG_ITER_IS_GETITER). */
#define mp_obj_tuple_getiter ((mp_getiter_fun_t)MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, iter))
#define mp_obj_list_make_new (MP_OBJ_TYPE_GET_SLOT(&mp_type_list, make_new))
#define mp_obj_str_make_new (MP_OBJ_TYPE_GET_SLOT(&mp_type_str, make_new))
#define mp_obj_str_binary_op (MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op))
/* str's buffer slot is mp_obj_str_get_buffer; the slot's type returns mp_int_t as it does. */
#define mp_obj_str_get_buffer (MP_OBJ_TYPE_GET_SLOT(&mp_type_str, buffer))
#define mp_obj_int_print (MP_OBJ_TYPE_GET_SLOT(&mp_type_int, print))
#define mp_obj_int_unary_op (MP_OBJ_TYPE_GET_SLOT(&mp_type_int, unary_op))
#define mp_obj_int_binary_op (MP_OBJ_TYPE_GET_SLOT(&mp_type_int, binary_op))
#define mp_obj_dict_make_new (MP_OBJ_TYPE_GET_SLOT((const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_builtin(MP_QSTR_dict)), make_new))

#endif
