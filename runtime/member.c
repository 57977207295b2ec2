/*
 * mp_convert_member_lookup (py/runtime.h): turns a member found in a type's locals into what
 * loading it from self gives, as py/runtime.c does: a function binds self, a built-in on a
 * class written in Python stays unbound, a staticmethod gives its function, a classmethod
 * binds the class, anything else is the value. The firmware's staticmethod and classmethod
 * types are its builtins of those names.
 *
 * A built-in method loaded from its type (self MP_OBJ_NULL) is wrapped, on firmwares built
 * with MICROPY_BUILTIN_METHOD_CHECK_SELF_ARG, in a function object that checks the type of
 * its first argument. That wrapper type is the firmware's own: loading str.count from the
 * firmware shows which case applies (a built-in function back, or the wrapper), and the
 * wrapper made here has the firmware's layout (py/runtime.c: base, type, fun).
 */
#include "py/dynruntime.h"
#include "builtin.h"

typedef struct _natmodgen_rt_checked_fun_t {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
    mp_obj_t fun;
} natmodgen_rt_checked_fun_t;

static mp_obj_t natmodgen_rt_unbound_builtin(const mp_obj_type_t *type, mp_obj_t member) {
    const mp_obj_type_t *probe = mp_obj_get_type(mp_load_attr(MP_OBJ_FROM_PTR(&mp_type_str), MP_QSTR_count));
    if (probe->flags & MP_TYPE_FLAG_BUILTIN_FUN) {
        // This firmware does not check self: the built-in itself is the attribute.
        return member;
    }
    natmodgen_rt_checked_fun_t *o = mp_obj_malloc(natmodgen_rt_checked_fun_t, probe);
    o->type = type;
    o->fun = member;
    return MP_OBJ_FROM_PTR(o);
}

void mp_convert_member_lookup(mp_obj_t self, const mp_obj_type_t *type, mp_obj_t member, mp_obj_t *dest) {
    dest[0] = member;
    if (!mp_obj_is_obj(member)) {
        return;
    }
    const mp_obj_type_t *m_type = ((mp_obj_base_t *)MP_OBJ_TO_PTR(member))->type;
    if (m_type->flags & MP_TYPE_FLAG_BINDS_SELF) {
        if (!(m_type->flags & MP_TYPE_FLAG_BUILTIN_FUN)) {
            dest[1] = self;
        } else if (type->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
            // A built-in function stored in a Python class acts as a staticmethod.
        } else if (self == MP_OBJ_NULL && MP_OBJ_FROM_PTR(type) != natmodgen_rt_builtin(MP_QSTR_object)) {
            dest[0] = natmodgen_rt_unbound_builtin(type, member);
        } else {
            dest[1] = self;
        }
        return;
    }
    mp_obj_t wrapper_type = MP_OBJ_FROM_PTR(m_type);
    if (wrapper_type == natmodgen_rt_builtin(MP_QSTR_staticmethod)) {
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
    } else if (wrapper_type == natmodgen_rt_builtin(MP_QSTR_classmethod)) {
        if (self != MP_OBJ_NULL) {
            type = mp_obj_get_type(self);
            if (type == &mp_type_type) {
                type = MP_OBJ_TO_PTR(self);
            }
        }
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
        dest[1] = MP_OBJ_FROM_PTR(type);
    }
}
