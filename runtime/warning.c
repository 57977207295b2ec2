/*
 * py/warning.c's mp_warning: "<category>: <message>\n", the category "Warning" when NULL
 * (MP_WARN_CAT gives NULL unless the module's build has MICROPY_WARNINGS_CATEGORY). The
 * firmware prints it with MICROPY_ERROR_PRINTER: the unix port's writes file descriptor 2,
 * which sys.stderr writes too; elsewhere it is mp_plat_print, which is where the text goes
 * when the port has no sys.stderr. See warning.h for why the natmod prints at all.
 */
#include "py/dynruntime.h"
#include <stdarg.h>
#include <string.h>

#include "warning.h"

static void natmodgen_rt_warning_strn(void *data, const char *str, size_t len) {
    mp_obj_t dest[3];
    mp_load_method(MP_OBJ_FROM_PTR(data), MP_QSTR_write, dest);
    dest[2] = mp_obj_new_str(str, len);
    mp_call_method_n_kw(1, 0, dest);
}

void mp_warning(const char *category, const char *msg, ...) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t dest[2];
    mp_load_method_maybe(sys, MP_QSTR_stderr, dest);
    mp_print_t err = { MP_OBJ_TO_PTR(dest[0]), natmodgen_rt_warning_strn };
    const mp_print_t *print = dest[0] != MP_OBJ_NULL ? &err : &mp_plat_print;
    if (category == NULL) {
        category = "Warning";
    }
    mp_printf(print, "%s: ", category);
    va_list args;
    va_start(args, msg);
    mp_vprintf(print, msg, args);
    va_end(args);
    mp_printf(print, "\n");
}
