/*
 * The port's blocking console read (py/mphal.h), reached through sys.stdin.buffer: on a board
 * its read() calls mp_hal_stdin_rx_chr once per byte and returns the bytes unchanged
 * (shared/runtime/sys_stdio_mphal.c), so one byte read from it is the port's next character.
 * The unix port reads file descriptor 0, which sys.stdin.buffer reads too, and turns what it
 * reads the way its mp_hal_stdin_rx_chr does: end of input is 4 (Ctrl-D) and '\n' is '\r'
 * (a board's terminal sends '\r' for Enter already; only a bare '\n' sent to a board differs).
 */
#include "py/dynruntime.h"

int mp_hal_stdin_rx_chr(void) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t buffer = mp_load_attr(mp_load_attr(sys, MP_QSTR_stdin), MP_QSTR_buffer);
    mp_obj_t dest[3];
    mp_load_method(buffer, MP_QSTR_read, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(1);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(mp_call_method_n_kw(1, 0, dest), &bufinfo, MP_BUFFER_READ);
    if (bufinfo.len == 0) {
        return 4;
    }
    int c = ((const byte *)bufinfo.buf)[0];
    return c == '\n' ? '\r' : c;
}
