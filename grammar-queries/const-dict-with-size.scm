; MP_DEFINE_CONST_DICT_WITH_SIZE(name, table, n) (py/obj.h), with or without `static`:
; MP_DEFINE_CONST_DICT spelled with an explicit entry count, as py/objstr.c does.
([(identifier) (type_identifier)] @const_dict_with_size.macro
  (#eq? @const_dict_with_size.macro "MP_DEFINE_CONST_DICT_WITH_SIZE"))
