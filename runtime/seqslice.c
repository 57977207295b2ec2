/*
 * mp_seq_get_fast_slice_indexes (py/obj.h): bounds a slice for a sequence of len items the
 * way py/sequence.c does: stop made exclusive for a negative step, an empty range collapsed
 * onto start, and true only for step 1 (a plain copy of items[start:stop]).
 */
#include "py/dynruntime.h"

bool mp_seq_get_fast_slice_indexes(mp_uint_t len, mp_obj_t slice, mp_bound_slice_t *indexes) {
    mp_obj_slice_indices(slice, len, indexes);
    mp_int_t step = indexes->step;
    if (step < 0) {
        // Counting down, stop is the last item taken: one past it is where the walk ends.
        indexes->stop += 1;
        if (indexes->start < indexes->stop) {
            indexes->stop = indexes->start + 1;
        }
    } else if (indexes->start > indexes->stop) {
        indexes->stop = indexes->start;
    }
    return step == 1;
}
