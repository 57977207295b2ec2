/*
 * Hash sets (py/obj.h mp_set_*) with py/map.c's table layout: open addressing, probing one
 * slot on, MP_OBJ_SENTINEL for a deleted slot and the same sizes when the table grows, so a
 * set the firmware made (a set object's table) reads and changes the same way here. Hashes
 * come from the firmware's own hash operation.
 */
#include "py/dynruntime.h"

/* py/map.c's table sizes: a grown table has the first one above the old size. */
static size_t natmodgen_rt_set_grow_to(size_t at_least) {
    static const uint16_t sizes[] = {
        0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
        3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
    };
    for (size_t i = 0; i < MP_ARRAY_SIZE(sizes); i++) {
        if (sizes[i] >= at_least) {
            return sizes[i];
        }
    }
    return (at_least + at_least / 2) | 1;
}

static mp_obj_t *natmodgen_rt_set_table(size_t n) {
    mp_obj_t *t = (mp_obj_t *)m_malloc(n * sizeof(mp_obj_t));
    mp_fun_table.memset_(t, 0, n * sizeof(mp_obj_t));
    return t;
}

void mp_set_init(mp_set_t *set, size_t n) {
    set->alloc = n;
    set->used = 0;
    set->table = natmodgen_rt_set_table(n);
}

/* Empties slot pos: NULL when the next slot is free (no probe chain runs through it), else the sentinel. */
static void natmodgen_rt_set_vacate(mp_set_t *set, size_t pos) {
    set->used--;
    set->table[pos] = set->table[(pos + 1) % set->alloc] == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL;
}

static void natmodgen_rt_set_grow(mp_set_t *set) {
    size_t n = set->alloc;
    mp_obj_t *old = set->table;
    set->alloc = natmodgen_rt_set_grow_to(n + 1);
    set->used = 0;
    set->table = natmodgen_rt_set_table(set->alloc);
    for (size_t i = 0; i < n; i++) {
        if (old[i] != MP_OBJ_NULL && old[i] != MP_OBJ_SENTINEL) {
            mp_set_lookup(set, old[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        }
    }
    m_free(old);
}

/* lookup_kind is a bit set: ADD_IF_NOT_FOUND and REMOVE_IF_FOUND may come together. */
mp_obj_t mp_set_lookup(mp_set_t *set, mp_obj_t index, mp_map_lookup_kind_t lookup_kind) {
    bool add = (lookup_kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) != 0;
    if (set->alloc == 0) {
        if (!add) {
            return MP_OBJ_NULL;
        }
        natmodgen_rt_set_grow(set);
    }
    mp_uint_t hash = MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, index));
    for (;;) {
        size_t first = hash % set->alloc;
        size_t pos = first;
        mp_obj_t *free_slot = NULL;
        do {
            mp_obj_t here = set->table[pos];
            if (here == MP_OBJ_NULL) {
                if (!add) {
                    return MP_OBJ_NULL;
                }
                if (free_slot == NULL) {
                    free_slot = &set->table[pos];
                }
                break;
            }
            if (here == MP_OBJ_SENTINEL) {
                if (free_slot == NULL) {
                    free_slot = &set->table[pos];
                }
            } else if (mp_obj_equal(here, index)) {
                if (lookup_kind & MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                    natmodgen_rt_set_vacate(set, pos);
                }
                return here;
            }
            pos = (pos + 1) % set->alloc;
        } while (pos != first);
        if (!add) {
            return MP_OBJ_NULL;
        }
        if (free_slot != NULL) {
            set->used++;
            *free_slot = index;
            return index;
        }
        // Every slot holds another key: grow and probe the larger table.
        natmodgen_rt_set_grow(set);
    }
}

mp_obj_t mp_set_remove_first(mp_set_t *set) {
    for (size_t pos = 0; pos < set->alloc; pos++) {
        mp_obj_t elem = set->table[pos];
        if (elem != MP_OBJ_NULL && elem != MP_OBJ_SENTINEL) {
            natmodgen_rt_set_vacate(set, pos);
            return elem;
        }
    }
    return MP_OBJ_NULL;
}

void mp_set_clear(mp_set_t *set) {
    m_free(set->table);
    set->alloc = 0;
    set->used = 0;
    set->table = NULL;
}
