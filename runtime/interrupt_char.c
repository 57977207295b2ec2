/*
 * mp_hal_set_interrupt_char: the character that raises KeyboardInterrupt (-1 for none), set
 * through micropython.kbd_intr(c), which is the firmware's own call of the port's function
 * (py/modmicropython.c), so the port does exactly what it does for firmware code (the unix
 * port, for one, turns its SIGINT handler on for 3 and off for anything else). A port built
 * without MICROPY_KBD_EXCEPTION has no kbd_intr: the call raises AttributeError there.
 */
#include "py/dynruntime.h"
#include "interrupt_char.h"

void mp_hal_set_interrupt_char(int c) {
    mp_obj_t micropython = mp_import_name(MP_QSTR_micropython, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t arg = mp_obj_new_int(c);
    mp_call_function_n_kw(mp_load_attr(micropython, MP_QSTR_kbd_intr), 1, 0, &arg);
}
