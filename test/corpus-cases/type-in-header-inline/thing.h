// The module's header: its type declared extern and tested in a static inline function, as
// city-skies' pysicgl headers do (screen_from_obj, color_sequence_from_obj...).
#include "py/obj.h"

extern const mp_obj_type_t th_thing_type;

static inline bool th_is_thing(mp_obj_t o) {
    return mp_obj_is_type(o, &th_thing_type);
}
