#include "py/runtime.h"

const mp_obj_module_t broken_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&no_such_globals,
};
MP_REGISTER_MODULE(MP_QSTR_broken, broken_module);
