; MP_REGISTER_MODULE / MP_REGISTER_EXTENSIBLE_MODULE (py/obj.h, read by py/makemoduledefs.py).
([(identifier) (type_identifier)] @registration.macro
  (#match? @registration.macro "^MP_REGISTER_(EXTENSIBLE_)?MODULE$"))
