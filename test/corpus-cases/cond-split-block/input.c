// A function whose `if (...) {` line has #ifdef alternatives, the closing brace after #endif, last
// in its file (8bitmcu/mpy_vt modules/zm/frotz/common/random.c:56-88, z_random()).
#include "py/runtime.h"

static int seed;
static int pick(int arg);

static mp_obj_t csb_pick(mp_obj_t a) {
    return mp_obj_new_int(pick(mp_obj_get_int(a)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(csb_pick_obj, csb_pick);

static const mp_rom_map_elem_t csb_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_condblock) },
    { MP_ROM_QSTR(MP_QSTR_pick), MP_ROM_PTR(&csb_pick_obj) },
};
static MP_DEFINE_CONST_DICT(csb_globals, csb_globals_table);
const mp_obj_module_t csb_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&csb_globals };
MP_REGISTER_MODULE(MP_QSTR_condblock, csb_module);

static int pick(int arg) {
#ifdef SIGNED_ARGS
    short s = (short)arg;
    if (s <= 0) {
        seed = -s;
#else
    if (arg <= 0) {
        seed = -arg;
#endif
        return 0;
    } else {
        seed = seed * 31 + 7;
        return (seed % arg) + 1;
    }
}
