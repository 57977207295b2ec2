/*
 * mp_obj_dict_init (py/obj.h): makes a dict in place (a struct the caller holds) with room
 * for n_args entries, as py/objdict.c does: the firmware's dict type and an empty map.
 */
#include "py/dynruntime.h"

void mp_obj_dict_init(mp_obj_dict_t *dict, size_t n_args) {
    dict->base.type = &mp_type_dict;
    mp_map_init(&dict->map, n_args);
}
