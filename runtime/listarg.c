/*
 * List argument checks (py/objlist.h) as py/objlist.c makes them: a list of at least
 * min_len items, else TypeError (not a list) or ValueError (too short), both without a
 * message; an absent or None argument gives a new list of min_len None... items.
 */
#include "py/dynruntime.h"
#include "py/objlist.h"

mp_obj_list_t *mp_obj_list_ensure(mp_obj_t in, size_t min_len) {
    if (!mp_obj_is_type(in, &mp_type_list)) {
        mp_raise_msg(&mp_type_TypeError, NULL);
    }
    mp_obj_list_t *list = MP_OBJ_TO_PTR(in);
    if (list->len < min_len) {
        mp_raise_msg(&mp_type_ValueError, NULL);
    }
    return list;
}

mp_obj_list_t *mp_obj_list_optional_arg(mp_obj_t arg_in, size_t min_len) {
    if (arg_in != MP_OBJ_NULL && arg_in != mp_const_none) {
        return mp_obj_list_ensure(arg_in, min_len);
    }
    return MP_OBJ_TO_PTR(mp_obj_new_list(min_len, NULL));
}
