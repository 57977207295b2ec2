/*
 * Port clock functions (py/mphal.h) through the time module, which every port with
 * mp_hal_ticks_* exposes. time.ticks_*() wrap at the time module's period (the
 * small-int range); the port's functions wrap at the range of mp_uint_t. These
 * extend the ticks by counting wraps, so differences of two readings are right as
 * long as the module reads the clock at least once per period (2**30 ticks on most
 * ports: 12 days in ms, 17 minutes in us).
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "mphal.h"

typedef struct _natmodgen_rt_ticks_t {
    mp_uint_t last;
    mp_uint_t high;
    mp_uint_t period;
} natmodgen_rt_ticks_t;

static mp_obj_t natmodgen_rt_time_call(qstr fn, size_t n_args, const mp_obj_t *args) {
    mp_obj_t time_module = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(time_module, fn), n_args, 0, args);
}

static mp_uint_t natmodgen_rt_ticks(natmodgen_rt_ticks_t *t, qstr fn) {
    if (t->period == 0) {
        /* ticks_add(0, -1) is the period minus one, whatever the port's period is. */
        mp_obj_t args[2] = { MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(-1) };
        t->period = (mp_uint_t)mp_obj_get_int_truncated(natmodgen_rt_time_call(MP_QSTR_ticks_add, 2, args)) + 1;
    }
    mp_uint_t now = (mp_uint_t)mp_obj_get_int_truncated(natmodgen_rt_time_call(fn, 0, NULL));
    if (now < t->last) {
        t->high += t->period;
    }
    t->last = now;
    return t->high + now;
}

/* Not static: mpy_ld cannot relocate static bss. */
natmodgen_rt_ticks_t natmodgen_rt_ticks_ms;

mp_uint_t mp_hal_ticks_ms(void) {
    return natmodgen_rt_ticks(&natmodgen_rt_ticks_ms, MP_QSTR_ticks_ms);
}

/* Not static: mpy_ld cannot relocate static bss. */
natmodgen_rt_ticks_t natmodgen_rt_ticks_us;

mp_uint_t mp_hal_ticks_us(void) {
    return natmodgen_rt_ticks(&natmodgen_rt_ticks_us, MP_QSTR_ticks_us);
}

/* Not static: mpy_ld cannot relocate static bss. */
natmodgen_rt_ticks_t natmodgen_rt_ticks_cpu;

mp_uint_t mp_hal_ticks_cpu(void) {
    return natmodgen_rt_ticks(&natmodgen_rt_ticks_cpu, MP_QSTR_ticks_cpu);
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mp_obj_t arg = mp_obj_new_int_from_uint(ms);
    natmodgen_rt_time_call(MP_QSTR_sleep_ms, 1, &arg);
}

void mp_hal_delay_us(mp_uint_t us) {
    mp_obj_t arg = mp_obj_new_int_from_uint(us);
    natmodgen_rt_time_call(MP_QSTR_sleep_us, 1, &arg);
}
