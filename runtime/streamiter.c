/*
 * mp_stream_unbuffered_iter (py/stream.h): the iternext of a stream type, one line per step
 * through the firmware's readline (stream_unbuffered_readline, which mp_fun_table exports),
 * stopping at the first empty read.
 */
#include "py/dynruntime.h"

mp_obj_t mp_stream_unbuffered_iter(mp_obj_t self) {
    mp_obj_t line = mp_call_function_n_kw(MP_OBJ_FROM_PTR(mp_fun_table.stream_unbuffered_readline_obj), 1, 0, &self);
    return mp_obj_is_true(line) ? line : MP_OBJ_STOP_ITERATION;
}
