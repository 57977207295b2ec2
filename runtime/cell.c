/*
 * mp_obj_new_cell (py/obj.h): a cell of the firmware's own (static) cell type, holding obj.
 * mp_fun_table has no entry for it, but the firmware makes cells when it sets up the frame of a
 * native function whose prelude names cell variables (py/bc.c, through
 * mp_fun_table.setup_code_state_native): a one-argument function whose only local is a cell
 * gets obj wrapped in a fresh cell, which is read back from the frame. Nothing is executed.
 */
#include "py/dynruntime.h"
#include "py/bc.h"

mp_obj_t mp_obj_new_cell(mp_obj_t obj) {
    /* The prelude: signature (1 local, 1 positional argument, no flags), then sizes (no code
     * info, 1 cell), then the cell's local number. */
    static const byte prelude[] = { 0x01, 0x01, 0x00 };
    /* A native function's code starts with the index of its prelude among its children: 0
     * means the child table pointer is the prelude itself. */
    static const uintptr_t code[1] = { 0 };
    mp_obj_fun_bc_t fun;
    fun.base.type = NULL;
    fun.context = NULL;
    fun.child_table = (struct _mp_raw_code_t *const *)(uintptr_t)prelude;
    fun.bytecode = (const byte *)code;
    union {
        mp_code_state_native_t state;
        byte room[sizeof(mp_code_state_native_t) + sizeof(mp_obj_t)];
    } frame;
    frame.state.fun_bc = &fun;
    frame.state.n_state = 1;
    mp_fun_table.setup_code_state_native(&frame.state, 1, 0, &obj);
    return frame.state.state[0];
}
