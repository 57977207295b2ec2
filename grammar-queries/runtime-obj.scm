; Constant objects whose base type lives in the firmware: built at run time in a natmod.
; Macros (py/objstr.h, py/obj.h) anchor on their names; struct definitions anchor on
; their initializer and src/extract/runtime-obj.ts checks for `{&mp_type_X}` first.
([(identifier) (type_identifier)] @runtime_obj.macro
  (#match? @runtime_obj.macro "^MP_DEFINE_(STR_OBJ|BYTES_OBJ|CONST_STATICMETHOD_OBJ|CONST_CLASSMETHOD_OBJ)$"))
(declaration
  declarator: (init_declarator
    declarator: (identifier) @runtime_obj.name
    value: (initializer_list))) @runtime_obj.decl
