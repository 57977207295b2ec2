; MP_DEFINE_CONST_FUN_OBJ_* (py/obj.h). Error recovery gives these several shapes
; (macro_type_specifier after `static`, call_expression, ERROR), so anchor on the name.
([(identifier) (type_identifier)] @fun_obj.macro
  (#match? @fun_obj.macro "^MP_DEFINE_CONST_FUN_OBJ_(0|1|2|3|VAR|VAR_BETWEEN|KW)$"))
