/* The empty map behind mp_const_empty_map (emptymap.h): fixed, so nothing is ever added. */
#include "py/dynruntime.h"

const mp_map_t natmodgen_rt_empty_map = { .all_keys_are_qstrs = 0, .is_fixed = 1, .is_ordered = 1, .used = 0, .alloc = 0, .table = NULL };
