/*
 * Exceptions with formatted messages (py/obj.h, py/runtime.h). The firmware formats
 * the message with mp_vprintf into a str and makes it the exception's one argument;
 * so does this, with the firmware's own mp_vprintf, then calls the exception type.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

#if MICROPY_ERROR_REPORTING != MICROPY_ERROR_REPORTING_NONE
NATMODGEN_RT_LOOP mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg) {
    if (msg == NULL) {
        return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), 0, 0, NULL);
    }
    size_t len = 0;
    while (((const char *)msg)[len] != '\0') {
        len++;
    }
    mp_obj_t arg = mp_obj_new_str((const char *)msg, len);
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), 1, 0, &arg);
}
#endif

mp_obj_t mp_obj_new_exception_msg_vlist(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, va_list args) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_vprintf(&print, (const char *)fmt, args);
    mp_obj_t arg = mp_obj_new_str_from_vstr(&vstr);
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), 1, 0, &arg);
}

#if MICROPY_ERROR_REPORTING != MICROPY_ERROR_REPORTING_NONE
mp_obj_t mp_obj_new_exception_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list args;
    va_start(args, fmt);
    mp_obj_t exc = mp_obj_new_exception_msg_vlist(exc_type, fmt, args);
    va_end(args);
    return exc;
}
#endif

#if MICROPY_ERROR_REPORTING != MICROPY_ERROR_REPORTING_NONE
MP_NORETURN void mp_raise_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list args;
    va_start(args, fmt);
    mp_obj_t exc = mp_obj_new_exception_msg_vlist(exc_type, fmt, args);
    va_end(args);
    nlr_raise(exc);
}
#endif

mp_obj_t mp_obj_new_exception_args(const mp_obj_type_t *exc_type, size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), n_args, 0, args);
}

MP_NORETURN void mp_raise_StopIteration(mp_obj_t arg) {
    mp_obj_t type = mp_load_global(MP_QSTR_StopIteration);
    if (arg == MP_OBJ_NULL) {
        nlr_raise(mp_call_function_n_kw(type, 0, 0, NULL));
    }
    nlr_raise(mp_call_function_n_kw(type, 1, 0, &arg));
}
