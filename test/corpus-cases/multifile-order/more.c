// A third unit with its own function object and global function, so the module's text is
// spread over three objects whichever comes first.
#include "helpers.h"

mp_obj_t order_twice(mp_obj_t a_obj) {
    return mp_obj_new_int(2 * mp_obj_get_int(a_obj));
}
