/*
 * Named-tuple type helpers (py/objnamedtuple.h) over the firmware's mp_obj_namedtuple_type_t:
 * the position of a field name (or (size_t)-1), and the zeroed type with its field names
 * interned, which a caller completes with a name and slots.
 */
#include "py/dynruntime.h"
#include "py/objnamedtuple.h"

size_t mp_obj_namedtuple_find_field(const mp_obj_namedtuple_type_t *type, qstr name) {
    size_t i = 0;
    while (i < type->n_fields && type->fields[i] != name) {
        i++;
    }
    return i < type->n_fields ? i : (size_t)-1;
}

mp_obj_namedtuple_type_t *mp_obj_new_namedtuple_base(size_t n_fields, mp_obj_t *fields) {
    mp_obj_namedtuple_type_t *o = m_new_obj_var0(mp_obj_namedtuple_type_t, fields, qstr, n_fields);
    o->n_fields = n_fields;
    for (size_t i = 0; i < n_fields; i++) {
        o->fields[i] = mp_obj_str_get_qstr(fields[i]);
    }
    return o;
}
