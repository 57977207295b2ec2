/*
 * Sequence helpers (py/obj.h, py/sequence.c) over item arrays. Comparisons make tuples or
 * bytes of the items and ask the firmware's own comparison, which is these very functions;
 * search, count, repeat and slice are small loops with the firmware's results and errors.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

mp_obj_t mp_seq_count_obj(const mp_obj_t *items, size_t len, mp_obj_t value) {
    size_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (mp_obj_equal(items[i], value)) {
            count++;
        }
    }
    return MP_OBJ_NEW_SMALL_INT(count);
}

/* args: the sequence, the value, then optional start and stop (negative counts from the end). */
mp_obj_t mp_seq_index_obj(const mp_obj_t *items, size_t len, size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type = mp_obj_get_type(args[0]);
    size_t start = n_args >= 3 ? mp_get_index(type, len, args[2], true) : 0;
    size_t stop = n_args >= 4 ? mp_get_index(type, len, args[3], true) : len;
    for (size_t i = start; i < stop; i++) {
        if (mp_obj_equal(items[i], args[1])) {
            return MP_OBJ_NEW_SMALL_INT(i);
        }
    }
    mp_raise_ValueError(MP_ERROR_TEXT("object not in sequence"));
}

NATMODGEN_RT_LOOP void mp_seq_multiply(const void *items, size_t item_sz, size_t len, size_t times, void *dest) {
    size_t n = item_sz * len;
    byte *out = dest;
    for (size_t t = 0; t < times; t++) {
        for (size_t i = 0; i < n; i++) {
            out[i] = ((const byte *)items)[i];
        }
        out += n;
    }
}

mp_obj_t mp_seq_extract_slice(const mp_obj_t *seq, mp_bound_slice_t *indexes) {
    mp_obj_t res = mp_obj_new_list(0, NULL);
    mp_int_t step = indexes->step;
    for (mp_int_t i = indexes->start; step < 0 ? i >= indexes->stop : i < indexes->stop; i += step) {
        mp_obj_list_append(res, seq[i]);
    }
    return res;
}

bool mp_seq_cmp_objs(mp_uint_t op, const mp_obj_t *items1, size_t len1, const mp_obj_t *items2, size_t len2) {
    mp_obj_t a = mp_obj_new_tuple(len1, items1);
    mp_obj_t b = mp_obj_new_tuple(len2, items2);
    return mp_binary_op(op, a, b) == mp_const_true;
}

bool mp_seq_cmp_bytes(mp_uint_t op, const byte *data1, size_t len1, const byte *data2, size_t len2) {
    return mp_binary_op(op, mp_obj_new_bytes(data1, len1), mp_obj_new_bytes(data2, len2)) == mp_const_true;
}
