/*
 * Firmware macros and inline functions (py/misc.h, py/obj.h) that call functions
 * natmodgen's runtime defines. Restated here so that a unit naming only the macro
 * gets the function too; each expands as the firmware's does.
 */
#ifndef NATMODGEN_RT_MISC_H
#define NATMODGEN_RT_MISC_H

#undef m_new_maybe
#define m_new_maybe(type, num) ((type *)(m_malloc_maybe(sizeof(type) * (num))))
#undef m_new0
#define m_new0(type, num) ((type *)(m_malloc0(sizeof(type) * (num))))
#undef m_new_obj_maybe
#define m_new_obj_maybe(type) (m_new_maybe(type, 1))
#undef m_new_obj_var0
#define m_new_obj_var0(obj_type, var_field, var_type, var_num) ((obj_type *)m_malloc0(offsetof(obj_type, var_field) + sizeof(var_type) * (var_num)))
#undef m_new_obj_var_maybe
#define m_new_obj_var_maybe(obj_type, var_field, var_type, var_num) \
    ((obj_type *)m_malloc_maybe(offsetof(obj_type, var_field) + sizeof(var_type) * (var_num)))
#undef VSTR_FIXED
#define VSTR_FIXED(vstr, alloc) vstr_t vstr; char vstr##_buf[(alloc)]; vstr_init_fixed_buf(&vstr, (alloc), vstr##_buf);
#define vstr_ins_byte(vstr, byte_pos, b) ((void)(*vstr_ins_blank_bytes((vstr), (byte_pos), 1) = (char)(b)))
#define vstr_ins_char(vstr, char_pos, chr) ((void)(*vstr_ins_blank_bytes((vstr), (char_pos), 1) = (char)(chr)))
#define vstr_ins_strn(vstr, byte_pos, str, len) ((void)mp_fun_table.memmove_(vstr_ins_blank_bytes((vstr), (byte_pos), (len)), (str), (len)))

#endif
