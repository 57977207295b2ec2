#include "py/runtime.h"

static const mp_rom_map_elem_t mod_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_broken) },
};
static MP_DEFINE_CONST_DICT(mod_globals, mod_globals_table);

// The module object is never defined.
MP_REGISTER_MODULE(MP_QSTR_broken, broken_module);
