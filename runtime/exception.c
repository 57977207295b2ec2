/*
 * Exceptions with formatted messages (py/obj.h, py/runtime.h). The firmware formats
 * the message with mp_vprintf into a str and makes it the exception's one argument;
 * so does this, with the firmware's own mp_vprintf, then calls the exception type.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "builtin.h"
#include "nlr.h"
#include "obj.h"

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

mp_obj_t mp_obj_new_exception(const mp_obj_type_t *exc_type) {
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), 0, 0, NULL);
}

mp_obj_t mp_obj_new_exception_args(const mp_obj_type_t *exc_type, size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), n_args, 0, args);
}

MP_NORETURN void mp_raise_StopIteration(mp_obj_t arg) {
    mp_obj_t type = natmodgen_rt_builtin(MP_QSTR_StopIteration);
    if (arg == MP_OBJ_NULL) {
        nlr_raise(mp_call_function_n_kw(type, 0, 0, NULL));
    }
    nlr_raise(mp_call_function_n_kw(type, 1, 0, &arg));
}

/* py/objexcept.c: instances made by the firmware's exception constructor (dynruntime.h
 * names it through mp_type_Exception's make_new slot). */
bool mp_obj_is_native_exception_instance(mp_obj_t self_in) {
    return MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_obj_get_type(self_in), make_new) == mp_obj_exception_make_new;
}

bool mp_obj_is_exception_type(mp_obj_t self_in) {
    if (mp_obj_is_type(self_in, &mp_type_type)) {
        const mp_obj_type_t *self = MP_OBJ_TO_PTR(self_in);
        if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(self, make_new) == mp_obj_exception_make_new) {
            return true;
        }
    }
    return mp_obj_is_subclass_fast(self_in, natmodgen_rt_builtin(MP_QSTR_BaseException));
}

/* An instance of a class derived from an exception type counts as soon as it exists (the
 * firmware also refuses one whose native base was never initialised, which a natmod cannot see). */
bool mp_obj_is_exception_instance(mp_obj_t self_in) {
    return mp_obj_is_native_exception_instance(self_in) || mp_obj_is_exception_type(MP_OBJ_FROM_PTR(mp_obj_get_type(self_in)));
}

bool mp_obj_exception_match(mp_obj_t exc, mp_const_obj_t exc_type) {
    if (mp_obj_is_exception_instance(exc)) {
        exc = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    }
    return mp_obj_is_subclass_fast(exc, exc_type);
}

/* The first argument, or None: the exception's args attribute holds them. */
mp_obj_t mp_obj_exception_get_value(mp_obj_t self_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array_dyn(mp_load_attr(self_in, MP_QSTR_args), &n, &items);
    return n == 0 ? mp_const_none : items[0];
}

/* What `raise o` raises (py/runtime.c): an instance of an exception type, the exception
 * itself, or the firmware's TypeError for anything else. */
mp_obj_t mp_make_raise_obj(mp_obj_t o) {
    if (mp_obj_is_exception_type(o)) {
        o = mp_call_function_n_kw(o, 0, 0, NULL);
    }
    if (mp_obj_is_exception_instance(o)) {
        return o;
    }
    return mp_obj_new_exception_msg(&mp_type_TypeError, MP_ERROR_TEXT("exceptions must derive from BaseException"));
}

/* The firmware's traceback and message, as sys.print_exception writes them (it calls
 * mp_obj_print_exception), into a StringIO whose text goes to the printer. */
void mp_obj_print_exception(const mp_print_t *print, mp_obj_t exc) {
    mp_obj_t io = mp_import_name(MP_QSTR_io, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t out = mp_call_function_n_kw(mp_load_attr(io, MP_QSTR_StringIO), 0, 0, NULL);
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t args[2] = { exc, out };
    mp_call_function_n_kw(mp_load_attr(sys, MP_QSTR_print_exception), 2, 0, args);
    size_t len;
    const char *text = mp_obj_str_get_data_dyn(mp_call_function_n_kw(mp_load_attr(out, MP_QSTR_getvalue), 0, 0, NULL), &len);
    if (len) {
        print->print_strn(print->data, text, len);
    }
}

/* py/runtime_utils.c: a call whose exception is printed, not raised; MP_OBJ_NULL then. */
mp_obj_t mp_call_function_1_protected(mp_obj_t fun, mp_obj_t arg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t ret = mp_call_function_n_kw(fun, 1, 0, &arg);
        nlr_pop();
        return ret;
    }
    mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
    return MP_OBJ_NULL;
}

mp_obj_t mp_call_function_2_protected(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t args[2] = { arg1, arg2 };
        mp_obj_t ret = mp_call_function_n_kw(fun, 2, 0, args);
        nlr_pop();
        return ret;
    }
    mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
    return MP_OBJ_NULL;
}

/* py/runtime.c: OSError(errno, "can't open <filename>"). */
MP_NORETURN void mp_raise_OSError_with_filename(int errno_, const char *filename) {
    vstr_t vstr;
    vstr_init(&vstr, 32);
    vstr_printf(&vstr, "can't open %s", filename);
    mp_obj_t args[2] = { MP_OBJ_NEW_SMALL_INT(errno_), mp_obj_new_str_from_vstr(&vstr) };
    nlr_raise(mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_OSError), 2, 0, args));
}
