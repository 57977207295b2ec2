/*
 * py/objstr.h's GET_STR_DATA_LEN and GET_STR_LEN, which user modules call, expand to
 * MP_OBJ_QSTR_VALUE, which py/dynruntime.h removes; these say the same through mp_fun_table.
 * Restated here because a unit that names only the macro must get them.
 *
 * py/dynruntime.h's mp_obj_str_get_str and mp_obj_str_get_data read any object with the buffer
 * protocol (a bytearray, an array, a memoryview) and return void *; the firmware's take str and
 * bytes only, raise TypeError("can't convert 'int' object to str implicitly") for anything else,
 * and return const char *, which sources rely on (*mp_obj_str_get_str(o) is a char). These are
 * the firmware's (strget.c).
 */
#ifndef NATMODGEN_RT_OBJSTR_H
#define NATMODGEN_RT_OBJSTR_H

#undef GET_STR_DATA_LEN
#define GET_STR_DATA_LEN(str_obj_in, str_data, str_len) \
    size_t str_len; \
    const byte *str_data = (const byte *)mp_obj_str_get_data_dyn((str_obj_in), &str_len);
#undef GET_STR_LEN
#define GET_STR_LEN(str_obj_in, str_len) \
    size_t str_len; \
    mp_obj_str_get_data_dyn((str_obj_in), &str_len);
#undef mp_obj_str_get_str
const char *mp_obj_str_get_str(mp_obj_t self_in);
#undef mp_obj_str_get_data
const char *mp_obj_str_get_data(mp_obj_t self_in, size_t *len);
/* py/dynruntime.h's mp_obj_new_str_of_type makes bytes for the bytearray type; the firmware's a bytearray (strget.c). */
#undef mp_obj_new_str_of_type

#endif
