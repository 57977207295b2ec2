; MP_DEFINE_EXCEPTION(Name, Base) (py/objexcept.h): a type named mp_type_Name.
([(identifier) (type_identifier)] @exception.macro
  (#eq? @exception.macro "MP_DEFINE_EXCEPTION"))
