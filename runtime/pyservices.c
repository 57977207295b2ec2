/*
 * Interpreter services the firmware keeps to itself but exposes as a builtin module function
 * doing exactly this call:
 * - micropython.schedule(f, arg) is mp_sched_schedule(f, arg), raising RuntimeError("schedule
 *   queue full") where the C function returns false (py/modmicropython.c);
 * - _thread.get_ident() is mp_obj_new_int_from_uint(mp_thread_get_id()) (py/modthread.c);
 * - micropython.mem_total() / mem_current() / mem_peak() are the m_get_*_bytes_allocated
 *   counters (MICROPY_MEM_STATS).
 * On a port without the Python function the call raises AttributeError (or ImportError for
 * _thread), where the firmware would have no C function to link.
 */
#include "py/dynruntime.h"
#include "py/builtin.h"

static mp_obj_t natmodgen_rt_service(qstr module, qstr fun, size_t n_args, const mp_obj_t *args) {
    mp_obj_t mod = mp_import_name(module, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(mod, fun), n_args, 0, args);
}

/* False when the queue is full: micropython.schedule's RuntimeError is caught, any other exception raised again. */
bool mp_sched_schedule(mp_obj_t function, mp_obj_t arg) {
    mp_obj_t args[2] = { function, arg };
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        natmodgen_rt_service(MP_QSTR_micropython, MP_QSTR_schedule, 2, args);
        nlr_pop();
        return true;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_RuntimeError))) {
        return false;
    }
    nlr_raise(exc);
}

mp_uint_t mp_thread_get_id(void) {
    return (mp_uint_t)mp_obj_get_int_truncated(natmodgen_rt_service(MP_QSTR__thread, MP_QSTR_get_ident, 0, NULL));
}

size_t m_get_total_bytes_allocated(void) {
    return (size_t)mp_obj_get_int_truncated(natmodgen_rt_service(MP_QSTR_micropython, MP_QSTR_mem_total, 0, NULL));
}

size_t m_get_current_bytes_allocated(void) {
    return (size_t)mp_obj_get_int_truncated(natmodgen_rt_service(MP_QSTR_micropython, MP_QSTR_mem_current, 0, NULL));
}

size_t m_get_peak_bytes_allocated(void) {
    return (size_t)mp_obj_get_int_truncated(natmodgen_rt_service(MP_QSTR_micropython, MP_QSTR_mem_peak, 0, NULL));
}
