/*
 * py/objstr.h's GET_STR_DATA_LEN and GET_STR_LEN, which user modules call, expand to
 * MP_OBJ_QSTR_VALUE, which py/dynruntime.h removes; these say the same through mp_fun_table.
 * Restated here because a unit that names only the macro must get them.
 *
 * py/dynruntime.h's mp_obj_str_get_str and mp_obj_str_get_data return void *; the firmware's
 * return const char *, which sources rely on (*mp_obj_str_get_str(o) is a char).
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
#define mp_obj_str_get_str(s) ((const char *)mp_obj_str_get_data_dyn((s), NULL))
#undef mp_obj_str_get_data
#define mp_obj_str_get_data(o, len) ((const char *)mp_obj_str_get_data_dyn((o), (len)))

#endif
