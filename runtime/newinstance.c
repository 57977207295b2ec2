/*
 * mp_obj_new_instance (py/objtype.h): a bare instance of a class written in Python, before any
 * __init__, as `object.__new__(cls)` makes it (the firmware's own call of this function,
 * so the native-base slot holds the firmware's "not yet initialised" marker). native_base is
 * set to the class's native base type, found as py/objtype.c finds it: through the parents
 * (all of them, with multiple inheritance) up to object.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/objtype.h"

static void natmodgen_rt_find_native_base(const mp_obj_type_t *type, const mp_obj_type_t **native_base) {
    mp_obj_t object_type = natmodgen_rt_builtin(MP_QSTR_object);
    while (MP_OBJ_FROM_PTR(type) != object_type) {
        if (!(type->flags & MP_TYPE_FLAG_INSTANCE_TYPE)) {
            *native_base = type;
            return;
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(type, parent)) {
            return;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(type, parent);
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            const mp_obj_tuple_t *parents = parent;
            for (size_t i = 0; i < parents->len; i++) {
                natmodgen_rt_find_native_base(MP_OBJ_TO_PTR(parents->items[i]), native_base);
            }
            return;
        }
        type = parent;
    }
}

mp_obj_instance_t *mp_obj_new_instance(const mp_obj_type_t *class, const mp_obj_type_t **native_base) {
    natmodgen_rt_find_native_base(class, native_base);
    mp_obj_t cls = MP_OBJ_FROM_PTR(class);
    return MP_OBJ_TO_PTR(mp_call_function_n_kw(mp_load_attr(natmodgen_rt_builtin(MP_QSTR_object), MP_QSTR___new__), 1, 0, &cls));
}
