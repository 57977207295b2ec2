; `static const mp_arg_t allowed_args[] = { { MP_QSTR_x, ... } };` keyword-argument tables.
((type_identifier) @arg_table.type
  (#eq? @arg_table.type "mp_arg_t"))
