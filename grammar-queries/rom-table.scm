; `static const mp_rom_map_elem_t name[] = { ... };` A `#if` inside the initializer turns it
; into ERROR nodes, so anchor on the element type and read the rest from the token stream.
((type_identifier) @rom_table.type
  (#eq? @rom_table.type "mp_rom_map_elem_t"))
