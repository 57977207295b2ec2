// nmg_classes: a user C module defining several classes that use most of
// the type slots: make_new, print, unary_op, binary_op, attr, subscr, iter,
// call and locals_dict.
//
//   Vector2          - 2D integer vector with arithmetic and x/y properties
//   IntArray         - fixed-size array of ints, indexable and iterable
//   IntArrayIterator - iterator returned by iter(IntArray(...))
//   Accumulator      - callable object adding up the values passed to it
//   Averager         - callable object returning the running average
//                      (shares its methods with Accumulator)

#include "py/runtime.h"

/******************************************************************************/
// Vector2

typedef struct _nmg_vector2_obj_t {
    mp_obj_base_t base;
    mp_int_t x;
    mp_int_t y;
} nmg_vector2_obj_t;

// Forward declaration, the type is defined further down but we need to
// create new instances (and check types) before that.
static const mp_obj_type_t nmg_vector2_type;

// Helper to create a new Vector2 instance.
static mp_obj_t nmg_vector2_new(mp_int_t x, mp_int_t y) {
    nmg_vector2_obj_t *self = mp_obj_malloc(nmg_vector2_obj_t, &nmg_vector2_type);
    self->x = x;
    self->y = y;
    return MP_OBJ_FROM_PTR(self);
}

// Vector2(x=0, y=0)
static mp_obj_t nmg_vector2_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 2, false);
    mp_int_t x = n_args > 0 ? mp_obj_get_int(args[0]) : 0;
    mp_int_t y = n_args > 1 ? mp_obj_get_int(args[1]) : 0;
    return nmg_vector2_new(x, y);
}

// str(v) gives "(x, y)", repr(v) gives "Vector2(x, y)".
static void nmg_vector2_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    nmg_vector2_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (kind == PRINT_STR) {
        mp_printf(print, "(%d, %d)", (int)self->x, (int)self->y);
    } else {
        mp_printf(print, "%q(%d, %d)", (qstr)MP_QSTR_Vector2, (int)self->x, (int)self->y);
    }
}

// bool(v), -v
static mp_obj_t nmg_vector2_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    nmg_vector2_obj_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(self->x != 0 || self->y != 0);
        case MP_UNARY_OP_NEGATIVE:
            return nmg_vector2_new(-self->x, -self->y);
        default:
            // Operation not supported.
            return MP_OBJ_NULL;
    }
}

// v + w, v - w, v += w, v * int, v == w
static mp_obj_t nmg_vector2_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    nmg_vector2_obj_t *lhs = MP_OBJ_TO_PTR(lhs_in);
    if (op == MP_BINARY_OP_MULTIPLY && mp_obj_is_int(rhs_in)) {
        mp_int_t k = mp_obj_get_int(rhs_in);
        return nmg_vector2_new(lhs->x * k, lhs->y * k);
    }
    if (!mp_obj_is_type(rhs_in, &nmg_vector2_type)) {
        // Unsupported operand type; for == this falls back to identity.
        return MP_OBJ_NULL;
    }
    nmg_vector2_obj_t *rhs = MP_OBJ_TO_PTR(rhs_in);
    switch (op) {
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD:
            return nmg_vector2_new(lhs->x + rhs->x, lhs->y + rhs->y);
        case MP_BINARY_OP_SUBTRACT:
            return nmg_vector2_new(lhs->x - rhs->x, lhs->y - rhs->y);
        case MP_BINARY_OP_EQUAL:
            return mp_obj_new_bool(lhs->x == rhs->x && lhs->y == rhs->y);
        default:
            return MP_OBJ_NULL;
    }
}

// Attribute handler: x and y are read/write, length_sq is read-only.
// Everything else continues the lookup in the locals dict (methods).
static void nmg_vector2_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    nmg_vector2_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        // Load attribute.
        switch (attr) {
            case MP_QSTR_x:
                dest[0] = mp_obj_new_int(self->x);
                break;
            case MP_QSTR_y:
                dest[0] = mp_obj_new_int(self->y);
                break;
            case MP_QSTR_length_sq:
                dest[0] = mp_obj_new_int(self->x * self->x + self->y * self->y);
                break;
            default:
                dest[1] = MP_OBJ_SENTINEL;
                break;
        }
    } else if (dest[1] != MP_OBJ_NULL) {
        // Store attribute. Leaving dest[0] untouched makes the store fail.
        switch (attr) {
            case MP_QSTR_x:
                self->x = mp_obj_get_int(dest[1]);
                dest[0] = MP_OBJ_NULL;
                break;
            case MP_QSTR_y:
                self->y = mp_obj_get_int(dest[1]);
                dest[0] = MP_OBJ_NULL;
                break;
        }
    }
    // Deleting attributes is not supported.
}

// v.dot(w) -> int
static mp_obj_t nmg_vector2_dot(mp_obj_t self_in, mp_obj_t other_in) {
    nmg_vector2_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (!mp_obj_is_type(other_in, &nmg_vector2_type)) {
        mp_raise_TypeError(MP_ERROR_TEXT("dot() needs a Vector2"));
    }
    nmg_vector2_obj_t *other = MP_OBJ_TO_PTR(other_in);
    return mp_obj_new_int(self->x * other->x + self->y * other->y);
}
static MP_DEFINE_CONST_FUN_OBJ_2(nmg_vector2_dot_obj, nmg_vector2_dot);

static const mp_rom_map_elem_t nmg_vector2_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_dot), MP_ROM_PTR(&nmg_vector2_dot_obj) },
    { MP_ROM_QSTR(MP_QSTR_DIMENSIONS), MP_ROM_INT(2) },
};
static MP_DEFINE_CONST_DICT(nmg_vector2_locals_dict, nmg_vector2_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_vector2_type,
    MP_QSTR_Vector2,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_vector2_make_new,
    print, nmg_vector2_print,
    unary_op, nmg_vector2_unary_op,
    binary_op, nmg_vector2_binary_op,
    attr, nmg_vector2_attr,
    locals_dict, &nmg_vector2_locals_dict
    );

/******************************************************************************/
// IntArray and its iterator

#define NMG_INTARRAY_MAX_LENGTH (64)

typedef struct _nmg_intarray_obj_t {
    mp_obj_base_t base;
    size_t len;
    mp_int_t fill_value;
    mp_int_t *items;
} nmg_intarray_obj_t;

typedef struct _nmg_intarray_iter_obj_t {
    mp_obj_base_t base;
    mp_obj_t array; // the IntArray being iterated over
    size_t index;
} nmg_intarray_iter_obj_t;

// The iterator type is defined after IntArray, but getiter needs it.
static const mp_obj_type_t nmg_intarray_iter_type;

// IntArray(length, fill_value=0)
static mp_obj_t nmg_intarray_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    enum { ARG_length, ARG_fill_value };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_length, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_fill_value, MP_ARG_INT, {.u_int = 0} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    mp_int_t len = args[ARG_length].u_int;
    if (len < 0 || len > NMG_INTARRAY_MAX_LENGTH) {
        mp_raise_ValueError(MP_ERROR_TEXT("length out of range"));
    }
    nmg_intarray_obj_t *self = mp_obj_malloc(nmg_intarray_obj_t, type);
    self->len = len;
    self->fill_value = args[ARG_fill_value].u_int;
    self->items = m_new(mp_int_t, len);
    for (size_t i = 0; i < self->len; i++) {
        self->items[i] = self->fill_value;
    }
    return MP_OBJ_FROM_PTR(self);
}

// Prints as IntArray([a, b, c]).
static void nmg_intarray_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "IntArray([");
    for (size_t i = 0; i < self->len; i++) {
        mp_printf(print, i == 0 ? "%d" : ", %d", (int)self->items[i]);
    }
    mp_printf(print, "])");
}

// len(a); bool(a) falls back to len(a) != 0.
static mp_obj_t nmg_intarray_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_LEN) {
        return MP_OBJ_NEW_SMALL_INT(self->len);
    }
    return MP_OBJ_NULL;
}

// a[i] and a[i] = v, with negative indices. del a[i] is not supported.
static mp_obj_t nmg_intarray_subscr(mp_obj_t self_in, mp_obj_t index_in, mp_obj_t value) {
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (value == MP_OBJ_NULL) {
        // Delete item: not supported.
        return MP_OBJ_NULL;
    }
    if (!mp_obj_is_int(index_in)) {
        mp_raise_TypeError(MP_ERROR_TEXT("IntArray indices must be integers"));
    }
    mp_int_t index = mp_obj_get_int(index_in);
    if (index < 0) {
        index += self->len;
    }
    if (index < 0 || index >= (mp_int_t)self->len) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("IntArray index out of range"));
    }
    if (value == MP_OBJ_SENTINEL) {
        // Load item.
        return mp_obj_new_int(self->items[index]);
    }
    // Store item.
    self->items[index] = mp_obj_get_int(value);
    return mp_const_none;
}

// iter(a) returns a new IntArrayIterator.
static mp_obj_t nmg_intarray_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    nmg_intarray_iter_obj_t *iter = mp_obj_malloc(nmg_intarray_iter_obj_t, &nmg_intarray_iter_type);
    iter->array = self_in;
    iter->index = 0;
    return MP_OBJ_FROM_PTR(iter);
}

// Attribute handler: length is read-only, fill_value is read/write.
static void nmg_intarray_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        if (attr == MP_QSTR_length) {
            dest[0] = mp_obj_new_int(self->len);
        } else if (attr == MP_QSTR_fill_value) {
            dest[0] = mp_obj_new_int(self->fill_value);
        } else {
            // Not a property, look for a method instead.
            dest[1] = MP_OBJ_SENTINEL;
        }
    } else if (dest[1] != MP_OBJ_NULL && attr == MP_QSTR_fill_value) {
        if (!mp_obj_is_int(dest[1])) {
            mp_raise_TypeError(MP_ERROR_TEXT("fill_value must be an int"));
        }
        self->fill_value = mp_obj_get_int(dest[1]);
        dest[0] = MP_OBJ_NULL;
    }
}

// a.total() -> sum of all items
static mp_obj_t nmg_intarray_total(mp_obj_t self_in) {
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t total = 0;
    for (size_t i = 0; i < self->len; i++) {
        total += self->items[i];
    }
    return mp_obj_new_int(total);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_intarray_total_obj, nmg_intarray_total);

// a.reset() sets every item to fill_value.
static mp_obj_t nmg_intarray_reset(mp_obj_t self_in) {
    nmg_intarray_obj_t *self = MP_OBJ_TO_PTR(self_in);
    for (size_t i = 0; i < self->len; i++) {
        self->items[i] = self->fill_value;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_intarray_reset_obj, nmg_intarray_reset);

static const mp_rom_map_elem_t nmg_intarray_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_total), MP_ROM_PTR(&nmg_intarray_total_obj) },
    { MP_ROM_QSTR(MP_QSTR_reset), MP_ROM_PTR(&nmg_intarray_reset_obj) },
    { MP_ROM_QSTR(MP_QSTR_MAX_LENGTH), MP_ROM_INT(NMG_INTARRAY_MAX_LENGTH) },
};
static MP_DEFINE_CONST_DICT(nmg_intarray_locals_dict, nmg_intarray_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_intarray_type,
    MP_QSTR_IntArray,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, nmg_intarray_make_new,
    print, nmg_intarray_print,
    unary_op, nmg_intarray_unary_op,
    subscr, nmg_intarray_subscr,
    iter, nmg_intarray_getiter,
    attr, nmg_intarray_attr,
    locals_dict, &nmg_intarray_locals_dict
    );

// next(it) returns the next item or stops the iteration.
static mp_obj_t nmg_intarray_iter_iternext(mp_obj_t self_in) {
    nmg_intarray_iter_obj_t *self = MP_OBJ_TO_PTR(self_in);
    nmg_intarray_obj_t *array = MP_OBJ_TO_PTR(self->array);
    if (self->index >= array->len) {
        return MP_OBJ_STOP_ITERATION;
    }
    return mp_obj_new_int(array->items[self->index++]);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_intarray_iter_type,
    MP_QSTR_IntArrayIterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, nmg_intarray_iter_iternext
    );

/******************************************************************************/
// Accumulator and Averager
//
// Both types use the same instance structure, constructor, printer and
// locals dict; only their call slot differs.

#define NMG_ACC_LIMIT (1000)

typedef struct _nmg_acc_obj_t {
    mp_obj_base_t base;
    mp_int_t total;
    mp_int_t count;
} nmg_acc_obj_t;

// Accumulator(start=0) / Averager(start=0)
static mp_obj_t nmg_acc_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    nmg_acc_obj_t *self = mp_obj_malloc(nmg_acc_obj_t, type);
    self->total = n_args > 0 ? mp_obj_get_int(args[0]) : 0;
    self->count = 0;
    return MP_OBJ_FROM_PTR(self);
}

// Prints the type's own name, e.g. Averager(total=6, count=3).
static void nmg_acc_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    nmg_acc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "%q(total=%d, count=%d)", (qstr)self->base.type->name, (int)self->total, (int)self->count);
}

// Adds the values in args to the running total, enforcing the limit.
static void nmg_acc_add(nmg_acc_obj_t *self, size_t n_args, const mp_obj_t *args) {
    for (size_t i = 0; i < n_args; i++) {
        mp_int_t total = self->total + mp_obj_get_int(args[i]);
        if (total > NMG_ACC_LIMIT || total < -NMG_ACC_LIMIT) {
            mp_raise_ValueError(MP_ERROR_TEXT("accumulator limit exceeded"));
        }
        self->total = total;
        self->count += 1;
    }
}

// acc(*values) -> new total
static mp_obj_t nmg_accumulator_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, MP_OBJ_FUN_ARGS_MAX, false);
    nmg_acc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    nmg_acc_add(self, n_args, args);
    return mp_obj_new_int(self->total);
}

// avg(value=None) -> integer average of everything added so far
static mp_obj_t nmg_averager_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    nmg_acc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (n_args == 1 && args[0] != mp_const_none) {
        nmg_acc_add(self, 1, args);
    }
    if (self->count == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("no values yet"));
    }
    return mp_obj_new_int(self->total / self->count);
}

// obj.reset()
static mp_obj_t nmg_acc_reset(mp_obj_t self_in) {
    nmg_acc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->total = 0;
    self->count = 0;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_acc_reset_obj, nmg_acc_reset);

// obj.stats() -> (total, count)
static mp_obj_t nmg_acc_stats(mp_obj_t self_in) {
    nmg_acc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t items[2] = { mp_obj_new_int(self->total), mp_obj_new_int(self->count) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_acc_stats_obj, nmg_acc_stats);

// This locals dict is shared by both Accumulator and Averager.
static const mp_rom_map_elem_t nmg_acc_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_reset), MP_ROM_PTR(&nmg_acc_reset_obj) },
    { MP_ROM_QSTR(MP_QSTR_stats), MP_ROM_PTR(&nmg_acc_stats_obj) },
    { MP_ROM_QSTR(MP_QSTR_LIMIT), MP_ROM_INT(NMG_ACC_LIMIT) },
};
static MP_DEFINE_CONST_DICT(nmg_acc_locals_dict, nmg_acc_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_accumulator_type,
    MP_QSTR_Accumulator,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_acc_make_new,
    print, nmg_acc_print,
    call, nmg_accumulator_call,
    locals_dict, &nmg_acc_locals_dict
    );

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_averager_type,
    MP_QSTR_Averager,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_acc_make_new,
    print, nmg_acc_print,
    call, nmg_averager_call,
    locals_dict, &nmg_acc_locals_dict
    );

/******************************************************************************/
// Module definition

static const mp_rom_map_elem_t nmg_classes_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_classes) },
    { MP_ROM_QSTR(MP_QSTR_Vector2), MP_ROM_PTR(&nmg_vector2_type) },
    { MP_ROM_QSTR(MP_QSTR_IntArray), MP_ROM_PTR(&nmg_intarray_type) },
    { MP_ROM_QSTR(MP_QSTR_Accumulator), MP_ROM_PTR(&nmg_accumulator_type) },
    { MP_ROM_QSTR(MP_QSTR_Averager), MP_ROM_PTR(&nmg_averager_type) },
};
static MP_DEFINE_CONST_DICT(nmg_classes_module_globals, nmg_classes_module_globals_table);

const mp_obj_module_t nmg_classes_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_classes_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_classes, nmg_classes_user_cmodule);
