; MP_DEFINE_CONST_OBJ_TYPE(name, MP_QSTR_Name, flags, slot, value, ...) (py/obj.h).
([(identifier) (type_identifier)] @obj_type.macro
  (#eq? @obj_type.macro "MP_DEFINE_CONST_OBJ_TYPE"))
