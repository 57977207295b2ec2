/*
 * Maps (py/obj.h mp_map_*) with the layout and probing of py/map.c, so a natmod
 * can read and change maps the firmware made (a dict's map, keyword arguments)
 * and the firmware finds what the natmod stored. Hashes come from the firmware's
 * hash operation (mp_unary_op(MP_UNARY_OP_HASH, key)), which for qstr keys is the
 * qstr hash py/map.c uses.
 */
#include "py/dynruntime.h"

/* py/map.c's allocation steps for hashed maps. */
static const uint16_t natmodgen_rt_map_sizes[] = {
    0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
    3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
};

static size_t natmodgen_rt_map_alloc_for(size_t x) {
    for (size_t i = 0; i < MP_ARRAY_SIZE(natmodgen_rt_map_sizes); i++) {
        if (natmodgen_rt_map_sizes[i] >= x) {
            return natmodgen_rt_map_sizes[i];
        }
    }
    return (x + x / 2) | 1;
}

static mp_map_elem_t *natmodgen_rt_map_table(size_t n) {
    mp_map_elem_t *table = (mp_map_elem_t *)m_malloc(n * sizeof(mp_map_elem_t));
    mp_fun_table.memset_(table, 0, n * sizeof(mp_map_elem_t));
    return table;
}

void mp_map_init(mp_map_t *map, size_t n) {
    if (n == 0) {
        map->alloc = 0;
        map->table = NULL;
    } else {
        map->alloc = n;
        map->table = natmodgen_rt_map_table(n);
    }
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->is_ordered = 0;
}

void mp_map_init_fixed_table(mp_map_t *map, size_t n, const mp_obj_t *table) {
    map->alloc = n;
    map->used = n;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 1;
    map->is_ordered = 1;
    map->table = (mp_map_elem_t *)table;
}

void mp_map_deinit(mp_map_t *map) {
    if (!map->is_fixed) {
        m_free(map->table);
    }
    map->used = map->alloc = 0;
}

void mp_map_clear(mp_map_t *map) {
    if (!map->is_fixed) {
        m_free(map->table);
    }
    map->alloc = 0;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->table = NULL;
}

static void natmodgen_rt_map_rehash(mp_map_t *map) {
    size_t old_alloc = map->alloc;
    mp_map_elem_t *old_table = map->table;
    size_t new_alloc = natmodgen_rt_map_alloc_for(map->alloc + 1);
    map->table = natmodgen_rt_map_table(new_alloc);
    map->alloc = new_alloc;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    for (size_t i = 0; i < old_alloc; i++) {
        if (old_table[i].key != MP_OBJ_NULL && old_table[i].key != MP_OBJ_SENTINEL) {
            mp_map_lookup(map, old_table[i].key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = old_table[i].value;
        }
    }
    m_free(old_table);
}

static mp_map_elem_t *natmodgen_rt_map_lookup_ordered(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t kind, bool ptrs_only) {
    mp_map_elem_t *top = &map->table[map->used];
    for (mp_map_elem_t *elem = &map->table[0]; elem < top; elem++) {
        if (elem->key == index || (!ptrs_only && mp_obj_equal(elem->key, index))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                mp_obj_t value = elem->value;
                --map->used;
                mp_fun_table.memmove_(elem, elem + 1, (top - elem - 1) * sizeof(*elem));
                elem = &map->table[map->used];
                elem->key = MP_OBJ_NULL;
                elem->value = value;
            }
            return elem;
        }
    }
    // A fixed map (a const table, ROM in the firmware) is only ever looked up: the firmware asserts it.
    // Saying so lets the compiler see that nothing is added past the end of a module's const table.
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND || map->is_fixed) {
        return NULL;
    }
    if (map->used == map->alloc) {
        map->alloc += 4;
        map->table = (mp_map_elem_t *)m_realloc(map->table, map->alloc * sizeof(mp_map_elem_t));
        mp_fun_table.memset_(map->table + map->used, 0, (map->alloc - map->used) * sizeof(mp_map_elem_t));
    }
    mp_map_elem_t *elem = map->table + map->used++;
    elem->key = index;
    elem->value = MP_OBJ_NULL;
    if (!mp_obj_is_qstr(index)) {
        map->all_keys_are_qstrs = 0;
    }
    return elem;
}

static mp_map_elem_t *natmodgen_rt_map_claim(mp_map_t *map, mp_map_elem_t *slot, mp_obj_t index) {
    map->used += 1;
    slot->key = index;
    slot->value = MP_OBJ_NULL;
    if (!mp_obj_is_qstr(index)) {
        map->all_keys_are_qstrs = 0;
    }
    return slot;
}

mp_map_elem_t *mp_map_lookup(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t lookup_kind) {
    bool ptrs_only = map->all_keys_are_qstrs;
    if (ptrs_only) {
        if (mp_obj_is_qstr(index)) {
            // identical qstrs are identical objects
        } else if (mp_obj_is_exact_type(index, &mp_type_str)) {
            ptrs_only = false;
        } else if (lookup_kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    }
    if (map->is_ordered) {
        return natmodgen_rt_map_lookup_ordered(map, index, lookup_kind, ptrs_only);
    }
    if (map->alloc == 0) {
        if (lookup_kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
        natmodgen_rt_map_rehash(map);
    }
    mp_uint_t hash = MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, index));
    size_t pos = hash % map->alloc;
    size_t start_pos = pos;
    mp_map_elem_t *avail_slot = NULL;
    for (;;) {
        mp_map_elem_t *slot = &map->table[pos];
        if (slot->key == MP_OBJ_NULL) {
            if (lookup_kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            return natmodgen_rt_map_claim(map, avail_slot != NULL ? avail_slot : slot, index);
        } else if (slot->key == MP_OBJ_SENTINEL) {
            if (avail_slot == NULL) {
                avail_slot = slot;
            }
        } else if (slot->key == index || (!ptrs_only && mp_obj_equal(slot->key, index))) {
            if (lookup_kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                map->used--;
                if (map->table[(pos + 1) % map->alloc].key == MP_OBJ_NULL) {
                    slot->key = MP_OBJ_NULL;
                } else {
                    slot->key = MP_OBJ_SENTINEL;
                }
            }
            return slot;
        }
        pos = (pos + 1) % map->alloc;
        if (pos == start_pos) {
            if (lookup_kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            if (avail_slot != NULL) {
                return natmodgen_rt_map_claim(map, avail_slot, index);
            }
            natmodgen_rt_map_rehash(map);
            start_pos = pos = hash % map->alloc;
        }
    }
}

bool mp_obj_is_dict_or_ordereddict(mp_obj_t o) {
    return mp_obj_is_obj(o)
           && MP_OBJ_TYPE_GET_SLOT_OR_NULL(((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type, make_new)
           == MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_fun_table.type_dict, make_new);
}

mp_obj_t mp_obj_dict_get(mp_obj_t self_in, mp_obj_t index) {
    mp_obj_dict_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *elem = mp_map_lookup(&self->map, index, MP_MAP_LOOKUP);
    if (elem == NULL) {
        mp_raise_type_arg(&mp_type_KeyError, index);
    }
    return elem->value;
}

mp_obj_t mp_obj_dict_delete(mp_obj_t self_in, mp_obj_t key) {
    mp_obj_subscr(self_in, key, MP_OBJ_NULL);
    return self_in;
}

/* py/objdict.c: len() of a dict is its map's count of used slots. */
size_t mp_obj_dict_len(mp_obj_t self_in) {
    return MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_LEN, self_in));
}

/* dict.copy() is the firmware's mp_obj_dict_copy (same type, same order). */
mp_obj_t mp_obj_dict_copy(mp_obj_t self_in) {
    return mp_call_function_n_kw(mp_load_attr(self_in, MP_QSTR_copy), 0, 0, NULL);
}
