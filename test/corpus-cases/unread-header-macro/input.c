// Declarations wrapped in macros of a header natmodgen does not read: glibc's <sys/cdefs.h>
// __BEGIN_DECLS / __END_DECLS (extern "C" for C++, nothing for C), as ESP-IDF's DRAM_ATTR
// prefixes pypilot/micropython_ugfx ilidriver.c:138. The compiler reads the header; natmodgen
// leaves the statements to it.
#include <sys/cdefs.h>
#include "py/runtime.h"

__BEGIN_DECLS
int nmg_unread_scale(int x);
extern const int nmg_unread_table[4];
__END_DECLS

const int nmg_unread_table[4] = { 3, 5, 7, 11 };

int nmg_unread_scale(int x) {
    return nmg_unread_table[x & 3] * x;
}

static mp_obj_t nmg_unread_f(mp_obj_t x_in) {
    return mp_obj_new_int(nmg_unread_scale(mp_obj_get_int(x_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_unread_f_obj, nmg_unread_f);

static const mp_rom_map_elem_t nmg_unread_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_unread) },
    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nmg_unread_f_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_unread_globals, nmg_unread_globals_table);

const mp_obj_module_t nmg_unread_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_unread_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_unread, nmg_unread_module);
