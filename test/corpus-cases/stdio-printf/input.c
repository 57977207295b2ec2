// printf/sprintf/snprintf as user C modules call them: the unix firmware declares them through
// <stdio.h> in mpconfigport.h, bare-metal ports define them over mp_plat_print
// (v923z/micropython-usermod snippets vararg, keywordfunction and sillyerrors).
// GCC turns printf("text\n") into puts and printf("%c") into putchar: those must link too.
#include "py/obj.h"
#include "py/runtime.h"

static mp_obj_t pf_show(mp_obj_t a_in) {
    mp_int_t a = mp_obj_get_int(a_in);
    printf("plain line\n");
    printf("%c", 'x');
    printf("\n");
    printf("a=%d hex=%x str=%s\n", (int)a, (unsigned)a, "ok");
    char buf[32];
    int n = sprintf(buf, "[%d:%s]", (int)a, "s");
    char small[6];
    int m = snprintf(small, sizeof(small), "%d-%d", (int)a, (int)a);
    mp_obj_t items[4] = {
        mp_obj_new_str(buf, n),
        mp_obj_new_int(m),
        mp_obj_new_str(small, strlen(small)),
        mp_obj_new_int(snprintf(NULL, 0, "%s", "four")),
    };
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(pf_show_obj, pf_show);

static const mp_rom_map_elem_t pf_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_printf) },
    { MP_ROM_QSTR(MP_QSTR_show), MP_ROM_PTR(&pf_show_obj) },
};
static MP_DEFINE_CONST_DICT(pf_module_globals, pf_module_globals_table);

const mp_obj_module_t pf_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&pf_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_printf, pf_module);
