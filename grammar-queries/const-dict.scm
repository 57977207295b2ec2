; MP_DEFINE_CONST_DICT(name, table) (py/obj.h), with or without `static`.
([(identifier) (type_identifier)] @const_dict.macro
  (#eq? @const_dict.macro "MP_DEFINE_CONST_DICT"))
