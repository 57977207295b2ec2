// A printf-like function of the module declared with GCC's format attribute, whose archetype
// is spelled printf (hacksterous/mpapbf mpbf/cutils.h:150, libbf's dbuf_printf).
#include <stdarg.h>
#include <stdio.h>
#include "py/runtime.h"

typedef struct {
    char buf[64];
    int len;
} fa_buf_t;

static int fa_printf(fa_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fa_printf(fa_buf_t *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->buf + b->len, sizeof(b->buf) - b->len, fmt, ap);
    va_end(ap);
    b->len += n;
    return n;
}

static mp_obj_t fa_show(mp_obj_t a) {
    fa_buf_t b = { .len = 0 };
    fa_printf(&b, "<%d:%s>", (int)mp_obj_get_int(a), "x");
    printf("%s\n", b.buf);
    return mp_obj_new_int(b.len);
}
static MP_DEFINE_CONST_FUN_OBJ_1(fa_show_obj, fa_show);

static const mp_rom_map_elem_t fa_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_fmtattr) },
    { MP_ROM_QSTR(MP_QSTR_show), MP_ROM_PTR(&fa_show_obj) },
};
static MP_DEFINE_CONST_DICT(fa_globals, fa_globals_table);
const mp_obj_module_t fa_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&fa_globals };
MP_REGISTER_MODULE(MP_QSTR_fmtattr, fa_module);
