; MP_REGISTER_MODULE_DELEGATION(module_obj, handler) (py/obj.h): failed attribute lookups go to handler.
([(identifier) (type_identifier)] @delegation.macro
  (#eq? @delegation.macro "MP_REGISTER_MODULE_DELEGATION"))
