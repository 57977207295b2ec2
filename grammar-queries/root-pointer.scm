; MP_REGISTER_ROOT_POINTER(declaration); (py/obj.h): GC roots kept in the VM state.
([(identifier) (type_identifier)] @root_pointer.macro
  (#eq? @root_pointer.macro "MP_REGISTER_ROOT_POINTER"))
