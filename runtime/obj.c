/*
 * Object helpers of py/obj.h and py/runtime.h, built from mp_fun_table entries and
 * the builtins. Messages are the firmware's (MICROPY_ERROR_REPORTING above terse).
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "obj.h"

size_t mp_get_index(const mp_obj_type_t *type, size_t len, mp_obj_t index, bool is_slice) {
    mp_int_t i;
    if (mp_obj_is_small_int(index)) {
        i = MP_OBJ_SMALL_INT_VALUE(index);
    } else if (!mp_obj_get_int_maybe(index, &i)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q indices must be integers, not %s"),
            type->name, mp_obj_get_type_str(index));
    }
    if (i < 0) {
        i += len;
    }
    if (is_slice) {
        if (i < 0) {
            i = 0;
        } else if ((mp_uint_t)i > len) {
            i = len;
        }
    } else if (i < 0 || (mp_uint_t)i >= len) {
        mp_raise_msg_varg(&mp_type_IndexError, MP_ERROR_TEXT("%q index out of range"), type->name);
    }
    return (size_t)i;
}

/* Clamps a slice bound as py/objslice.c does. */
static mp_int_t natmodgen_rt_slice_bound(mp_obj_t v, mp_int_t length, mp_int_t lo, mp_int_t hi) {
    mp_int_t i;
    if (!mp_obj_get_int_maybe(v, &i)) {
        mp_raise_TypeError_int_conversion(v);
    }
    if (i < 0) {
        i += length;
    }
    return i < lo ? lo : i > hi ? hi : i;
}

void mp_obj_slice_indices(mp_obj_t self_in, mp_int_t length, mp_bound_slice_t *result) {
    mp_obj_slice_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t step = 1;
    if (self->step != mp_const_none) {
        if (!mp_obj_get_int_maybe(self->step, &step)) {
            mp_raise_TypeError_int_conversion(self->step);
        }
        if (step == 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("slice step can't be zero"));
        }
    }
    if (step > 0) {
        result->start = self->start == mp_const_none ? 0 : natmodgen_rt_slice_bound(self->start, length, 0, length);
        result->stop = self->stop == mp_const_none ? length : natmodgen_rt_slice_bound(self->stop, length, 0, length);
    } else {
        result->start = self->start == mp_const_none ? length - 1 : natmodgen_rt_slice_bound(self->start, length, -1, length - 1);
        result->stop = self->stop == mp_const_none ? -1 : natmodgen_rt_slice_bound(self->stop, length, -1, length - 1);
    }
    result->step = step;
}

mp_obj_t mp_obj_new_slice(mp_obj_t start, mp_obj_t stop, mp_obj_t step) {
    return mp_fun_table.new_slice(start, stop, step);
}

mp_obj_t mp_obj_len_maybe(mp_obj_t o_in) {
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    mp_obj_t len = MP_OBJ_NULL;
    if (MP_OBJ_TYPE_HAS_SLOT(type, unary_op)) {
        len = MP_OBJ_TYPE_GET_SLOT(type, unary_op)(MP_UNARY_OP_LEN, o_in);
    }
    /*
     * bytes has no length operation: the firmware reads its stored length, here through the
     * buffer. bytes is the type other than str with str's binary operation (the test of
     * mp_obj_is_str_or_bytes), found without looking up a name.
     */
    if (len == MP_OBJ_NULL && type != &mp_type_str
        && MP_OBJ_TYPE_GET_SLOT_OR_NULL(type, binary_op) == MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op)) {
        size_t n;
        mp_obj_str_get_data_dyn(o_in, &n);
        len = MP_OBJ_NEW_SMALL_INT(n);
    }
    return len;
}

/*
 * The firmware's own mp_obj_len, reached as builtins.len, not whatever len means where the module
 * was called from. Only a script that replaces builtins.len itself (ports with
 * MICROPY_CAN_OVERRIDE_BUILTINS, unix among them) is seen here and not by firmware C code; asking
 * the type directly (mp_obj_len_maybe, then builtins.len for the error) would not be, but costs
 * extmod/random's mp_obj_len user 152 bytes more on x64 (105 on armv7m) than this.
 */
mp_obj_t mp_obj_len(mp_obj_t o_in) {
    mp_obj_t builtins = mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(builtins, MP_QSTR_len), 1, 0, &o_in);
}

mp_obj_t mp_obj_id(mp_obj_t o_in) {
    mp_int_t id = (mp_int_t)o_in;
    if (!mp_obj_is_obj(o_in)) {
        return mp_obj_new_int(id);
    } else if (id >= 0) {
        return MP_OBJ_NEW_SMALL_INT(id);
    }
    return mp_obj_new_int_from_uint((mp_uint_t)id);
}

bool mp_obj_is_callable(mp_obj_t o_in) {
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_obj_get_type(o_in), call) == NULL) {
        return false;
    }
    /* Instances of Python classes have a call slot whether or not they define __call__. */
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_callable), 1, 0, &o_in) == mp_const_true;
}

bool mp_obj_equal(mp_obj_t o1, mp_obj_t o2) {
    return mp_binary_op(MP_BINARY_OP_EQUAL, o1, o2) == mp_const_true;
}

const char *mp_obj_get_type_str(mp_const_obj_t o_in) {
    return qstr_str(mp_obj_get_type(o_in)->name);
}

mp_obj_t mp_obj_new_set(size_t n_args, mp_obj_t *items) {
    return mp_fun_table.new_set(n_args, items);
}

void mp_obj_set_store(mp_obj_t self_in, mp_obj_t item) {
    mp_fun_table.set_store(self_in, item);
}

/*
 * py/obj.c's message ("object 'int' isn't a tuple or list"; py/dynruntime.h's says "expected
 * tuple/list"), formatted by the firmware's str % operator.
 */
void mp_obj_get_array(mp_obj_t o, size_t *len, mp_obj_t **items) {
    const mp_obj_type_t *type = mp_obj_get_type(o);
    if (type == &mp_type_tuple) {
        mp_obj_tuple_t *t = MP_OBJ_TO_PTR(o);
        *len = t->len;
        *items = &t->items[0];
    } else if (type == &mp_type_list) {
        mp_obj_list_t *l = MP_OBJ_TO_PTR(o);
        *len = l->len;
        *items = l->items;
    } else {
        mp_obj_t fmt = mp_obj_new_str("object '%s' isn't a tuple or list", sizeof("object '%s' isn't a tuple or list") - 1);
        mp_obj_t msg = mp_binary_op(MP_BINARY_OP_MODULO, fmt, MP_OBJ_NEW_QSTR(type->name));
        nlr_raise(mp_obj_new_exception_arg1(&mp_type_TypeError, msg));
    }
}

void mp_obj_get_array_fixed_n(mp_obj_t o, size_t len, mp_obj_t **items) {
    const mp_obj_type_t *type = mp_obj_get_type(o);
    if (type != &mp_type_tuple && type != &mp_type_list) {
        /* py/obj.c's mp_obj_get_array message (dynruntime.h's says "expected tuple/list"). */
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("object '%s' isn't a tuple or list"), mp_obj_get_type_str(o));
    }
    size_t seq_len;
    mp_obj_get_array_dyn(o, &seq_len, items);
    if (seq_len != len) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("requested length %d but object has length %d"), (int)len, (int)seq_len);
    }
}

mp_obj_t mp_call_method_n_kw(size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return mp_fun_table.call_method_n_kw(n_args, n_kw, args);
}

mp_obj_t mp_call_function_0(mp_obj_t fun) {
    return mp_call_function_n_kw(fun, 0, 0, NULL);
}

mp_obj_t mp_call_function_1(mp_obj_t fun, mp_obj_t arg) {
    return mp_call_function_n_kw(fun, 1, 0, &arg);
}

mp_obj_t mp_call_function_2(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2) {
    mp_obj_t args[2] = { arg1, arg2 };
    return mp_call_function_n_kw(fun, 2, 0, args);
}

bool mp_obj_is_subclass_fast(mp_const_obj_t object, mp_const_obj_t classinfo) {
    for (;;) {
        if (object == classinfo) {
            return true;
        }
        /* Anything but a type object is no subclass (the firmware checks it too). */
        if (!mp_obj_is_type(object, &mp_type_type)) {
            return false;
        }
        const mp_obj_type_t *self = MP_OBJ_TO_PTR(object);
        const void *parent = MP_OBJ_TYPE_GET_SLOT_OR_NULL(self, parent);
        if (parent == NULL) {
            return false;
        }
        if (((const mp_obj_base_t *)parent)->type == &mp_type_type) {
            object = MP_OBJ_FROM_PTR(parent);
            continue;
        }
        const mp_obj_tuple_t *bases = parent;
        for (size_t i = 0; i < bases->len; ++i) {
            if (mp_obj_is_subclass_fast(bases->items[i], classinfo)) {
                return true;
            }
        }
        return false;
    }
}

mp_obj_t mp_obj_cast_to_native_base(mp_obj_t self_in, mp_const_obj_t native_type) {
    const mp_obj_type_t *self_type = mp_obj_get_type(self_in);
    if (MP_OBJ_FROM_PTR(self_type) == native_type) {
        return self_in;
    }
    if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(self_type), native_type)) {
        return MP_OBJ_NULL;
    }
    return ((mp_obj_instance_t *)MP_OBJ_TO_PTR(self_in))->subobj[0];
}

mp_int_t mp_obj_get_int(mp_const_obj_t arg) {
    // Small ints, the common case, stay a shift: the argument parser below costs a call
    // chain per conversion, which loops over ints would pay on every item.
    if (mp_obj_is_small_int(arg)) {
        return MP_OBJ_SMALL_INT_VALUE(arg);
    }
    // Everything else is converted by the firmware's own mp_obj_get_int, reached through its
    // argument parser (one required positional int): bools, long ints that do not fit
    // (OverflowError) and objects that are no int (TypeError) behave as in the firmware.
    // A required argument's default is never read, and the parser reads the spec and the
    // argument before it writes the result: argument, default and result share the spec's
    // default slot, one stack object and one address fewer to compute.
    mp_arg_t spec;
    spec.qst = 0;
    spec.flags = MP_ARG_REQUIRED | MP_ARG_INT;
    spec.defval.u_obj = (mp_obj_t)arg;
    mp_arg_parse_all_kw_array(1, 0, &spec.defval.u_obj, 1, &spec, &spec.defval);
    return spec.defval.u_int;
}

mp_obj_t mp_identity(mp_obj_t self) {
    return self;
}

MP_DEFINE_CONST_FUN_OBJ_1(mp_identity_obj, mp_identity);

mp_obj_t mp_identity_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    return self;
}
