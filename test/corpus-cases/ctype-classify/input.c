// <ctype.h> classification, as PyDevices/graphics gfx_bmp565.c:339 uses isdigit: the C
// libraries' macros read locale tables (glibc's __ctype_b_loc) that a natmod cannot link.
#include <ctype.h>
#include "py/runtime.h"

// One letter per character: d digit, s space, u upper, l lower, p punctuation, c control,
// x hex letter, then the character through toupper and tolower.
static mp_obj_t classify(mp_obj_t s_in) {
    size_t len;
    const char *s = mp_obj_str_get_data(s_in, &len);
    vstr_t out;
    vstr_init(&out, 3 * len);
    const char *p = s;
    while (p < s + len) {
        int c = (unsigned char)*p++;
        char k = isdigit(c) ? 'd' : isspace(c) ? 's' : isupper(c) ? 'u' : islower(c) ? 'l' : ispunct(c) ? 'p' : iscntrl(c) ? 'c' : '?';
        if (isxdigit(c) && isalpha(c)) {
            k = 'x';
        }
        if (!isalnum(c) != !(isalpha(c) || isdigit(c)) || !isprint(c) != !(isgraph(c) || c == ' ') || isblank(c) != (c == ' ' || c == '\t')) {
            k = '!';
        }
        vstr_add_byte(&out, k);
        vstr_add_byte(&out, toupper(c));
        vstr_add_byte(&out, tolower(c));
    }
    return mp_obj_new_str_from_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(classify_obj, classify);

static const mp_rom_map_elem_t ct_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_ctype) },
    { MP_ROM_QSTR(MP_QSTR_classify), MP_ROM_PTR(&classify_obj) },
};
static MP_DEFINE_CONST_DICT(ct_globals, ct_globals_table);
const mp_obj_module_t ct_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&ct_globals };
MP_REGISTER_MODULE(MP_QSTR_nmg_ctype, ct_module);
