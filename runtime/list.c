/*
 * A list object in caller-owned memory (py/objlist.h), e.g. a parser's stack on the C
 * stack. The firmware's list functions (mp_obj_list_append...) work on it because its
 * type is the firmware's list type.
 */
#include "py/dynruntime.h"
#include "py/objlist.h"
#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP void mp_obj_list_init(mp_obj_list_t *o, size_t n) {
    o->base.type = &mp_type_list;
    o->alloc = n < 4 ? 4 : n;
    o->len = n;
    o->items = m_new(mp_obj_t, o->alloc);
    for (size_t i = 0; i < o->alloc; i++) {
        o->items[i] = MP_OBJ_NULL;
    }
}
