#include "py/runtime.h"

mp_obj_t order_add(mp_obj_t a_obj, mp_obj_t b_obj);
mp_obj_t order_twice(mp_obj_t a_obj);
