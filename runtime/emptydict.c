/* The empty dict behind mp_const_empty_dict_obj (emptydict.h), typed at first use. */
#include "py/dynruntime.h"
#include "emptydict.h"

mp_obj_dict_t natmodgen_rt_empty_dict_obj;

const mp_obj_dict_t *natmodgen_rt_empty_dict(void) {
    mp_obj_dict_t *d = &natmodgen_rt_empty_dict_obj;
    if (d->base.type == NULL) {
        // A fixed map with no table: lookups find nothing and stores raise, as in the firmware.
        d->map.all_keys_are_qstrs = 1;
        d->map.is_fixed = 1;
        d->map.is_ordered = 1;
        d->map.used = 0;
        d->map.alloc = 0;
        d->map.table = NULL;
        d->base.type = &mp_type_dict;
    }
    return d;
}
