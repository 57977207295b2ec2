/*
 * Packing single values (py/binary.h) with struct's size, alignment and byte-order
 * rules. The value goes through the firmware's own array conversion
 * (mp_fun_table.binary_get_val_array/set_val_array) on a native-order scratch copy of
 * the same size and signedness, which is then byte-swapped for the other order.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

/* A native array typecode with the byte size of a struct field and its signedness. */
static char natmodgen_rt_binary_code(char val_type, size_t size) {
    if (val_type == 'f' || val_type == 'd' || val_type == 'e' || val_type == 'O' || val_type == 'P' || val_type == 'S') {
        return val_type;
    }
    bool is_signed = val_type >= 'a' && val_type <= 'z';
    switch (size) {
        case 1:
            return is_signed ? 'b' : 'B';
        case 2:
            return is_signed ? 'h' : 'H';
        case 4:
            return is_signed ? 'i' : 'I';
        default:
            return is_signed ? 'q' : 'Q';
    }
}

static bool natmodgen_rt_binary_swap(char struct_type) {
    bool big = struct_type == '>' || struct_type == '!';
    bool little = struct_type == '<';
    return MP_ENDIANNESS_LITTLE ? big : little;
}

NATMODGEN_RT_LOOP static void natmodgen_rt_binary_copy(byte *dst, const byte *src, size_t size, bool swap) {
    for (size_t i = 0; i < size; i++) {
        dst[i] = src[swap ? size - 1 - i : i];
    }
}

/* Where the field starts (aligned relative to p_base for '@') and its size; advances *ptr. */
static byte *natmodgen_rt_binary_field(char struct_type, char val_type, byte *p_base, byte **ptr, size_t *size) {
    size_t align;
    *size = mp_binary_get_size(struct_type, val_type, &align);
    byte *p = *ptr;
    if (struct_type == '@') {
        p = p_base + (((uintptr_t)(p - p_base) + align - 1) & ~(uintptr_t)(align - 1));
    }
    *ptr = p + *size;
    return p;
}

mp_obj_t mp_binary_get_val(char struct_type, char val_type, byte *p_base, byte **ptr) {
    size_t size;
    byte *p = natmodgen_rt_binary_field(struct_type, val_type, p_base, ptr, &size);
    union {
        byte b[8];
        double d;
        long long q;
        void *ptr;
    } tmp;
    natmodgen_rt_binary_copy(tmp.b, p, size, natmodgen_rt_binary_swap(struct_type));
    mp_obj_t v = mp_binary_get_val_array(natmodgen_rt_binary_code(val_type, size), tmp.b, 0);
    if (val_type == '?') {
        return mp_obj_new_bool(mp_obj_is_true(v));
    }
    return v;
}

void mp_binary_set_val(char struct_type, char val_type, mp_obj_t val_in, byte *p_base, byte **ptr) {
    size_t size;
    byte *p = natmodgen_rt_binary_field(struct_type, val_type, p_base, ptr, &size);
    union {
        byte b[8];
        double d;
        long long q;
        void *ptr;
    } tmp;
    if (val_type == '?') {
        val_in = MP_OBJ_NEW_SMALL_INT(mp_obj_is_true(val_in));
    }
    mp_binary_set_val_array(natmodgen_rt_binary_code(val_type, size), tmp.b, 0, val_in);
    natmodgen_rt_binary_copy(p, tmp.b, size, natmodgen_rt_binary_swap(struct_type));
}
