; `static const mp_obj_type_t name;` forward declarations of types defined later.
((type_identifier) @type_forward.type
  (#eq? @type_forward.type "mp_obj_type_t"))
