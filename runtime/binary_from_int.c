/*
 * mp_binary_set_val_array_from_int (py/binary.h): stores a C integer as item index of an
 * array of typecode. The firmware's mp_binary_set_val_array (in mp_fun_table) stores an int
 * object through this very function (a value beyond the small-int range through the big-int
 * bytes, which is the same truncation), and 'f'/'d' convert it the same way; only 'O' differs,
 * which this function leaves alone.
 */
#include "py/dynruntime.h"

void mp_binary_set_val_array_from_int(char typecode, void *p, size_t index, mp_int_t val) {
    if (typecode != 'O') {
        mp_binary_set_val_array(typecode, p, index, mp_obj_new_int(val));
    }
}
