// compscan: sscanf and nothing else of the C library. natmodgen's runtime sscanf
// (runtime/cstdio_scan.c) is linked through the nm pass over the compiled module; on ARM its own
// compiled code calls memset for a zeroing loop, which the module never names: the runtime unit
// must be completed with it, or the link fails ("memset cannot be linked").
#include <stdio.h>
#include "py/runtime.h"

// sscanf(text, "%d %x %7s"): the count of fields read, the two numbers and the word.
static mp_obj_t scan(mp_obj_t text_in) {
    int a = 0;
    unsigned int b = 0;
    char word[8];
    word[0] = '\0';
    int n = sscanf(mp_obj_str_get_str(text_in), "%d %x %7s", &a, &b, word);
    size_t len = 0;
    while (len < sizeof(word) && word[len] != '\0') {
        len++;
    }
    mp_obj_t items[4] = { mp_obj_new_int(n), mp_obj_new_int(a), mp_obj_new_int_from_uint(b), mp_obj_new_str(word, len) };
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(scan_obj, scan);

static const mp_rom_map_elem_t compscan_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_compscan) },
    { MP_ROM_QSTR(MP_QSTR_scan), MP_ROM_PTR(&scan_obj) },
};
static MP_DEFINE_CONST_DICT(compscan_module_globals, compscan_module_globals_table);

const mp_obj_module_t compscan_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&compscan_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_compscan, compscan_user_cmodule);
