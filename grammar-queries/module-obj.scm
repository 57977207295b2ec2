; `const mp_obj_module_t name = { .base = { &mp_type_module }, .globals = ... };`
((type_identifier) @module_obj.type
  (#eq? @module_obj.type "mp_obj_module_t"))
