import { generate } from '../../../src/pipeline';
import { c } from '../helpers';

/**
 * A table value may be the address of an object inside another (an element of an array of float
 * objects, a member of a struct): the natmod stores that address, not the enclosing object's.
 * Macros that put parentheses around everything (`(MP_ROM_PTR(&(x)))`) change nothing.
 */
const source = (head: string) =>
  c(
    '#include "py/runtime.h"',
    head,
    'typedef struct _m_float_t { mp_obj_base_t base; mp_float_t v; } m_float_t;',
    'typedef struct _m_pair_t { m_float_t lo; m_float_t hi; } m_pair_t;',
    'static mp_obj_t m_f(void) { return mp_const_none; }',
    'STATIC MP_DEFINE_CONST_FUN_OBJ_0(m_f_obj, m_f);',
    'STATIC const m_float_t m_floats[2] = {{{&mp_type_float}, 1.0}, {{&mp_type_float}, 2.0}};',
    'STATIC const m_pair_t m_pair = {{{&mp_type_float}, 3.0}, {{&mp_type_float}, 4.0}};',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_first), MP_ROM_PTR(&m_floats[0]) },',
    '    { MP_ROM_QSTR(MP_QSTR_second), MP_ROM_PTR(&(m_floats)[1]) },',
    '    { MP_ROM_QSTR(MP_QSTR_hi), MP_ROM_PTR(&m_pair.hi) },',
    '    { (MP_ROM_QSTR(MP_QSTR_f)), (MP_ROM_PTR(&(m_f_obj))) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

test.each([
  ['static', false],
  // After `STATIC MP_DEFINE_CONST_FUN_OBJ_0(...);` tree-sitter reads the data below as K&R parameter declarations.
  ['STATIC, a macro of the module', true],
])('each value is the address written, the element or member, not the enclosing object (%s)', (_name, macro) => {
  const text = macro ? source('#define STATIC static') : source('').replace(/STATIC /g, 'static ');
  const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out = r.value[0].text;
  const stores = out.split('\n').filter((l) => /mp_store_global\(MP_QSTR_(first|second|hi|f),/.test(l));
  expect(stores.map((l) => l.trim())).toEqual([
    'mp_store_global(MP_QSTR_first, MP_OBJ_FROM_PTR(&m_floats[0]));',
    'mp_store_global(MP_QSTR_second, MP_OBJ_FROM_PTR(&(m_floats)[1]));',
    'mp_store_global(MP_QSTR_hi, MP_OBJ_FROM_PTR(&m_pair.hi));',
    'mp_store_global(MP_QSTR_f, MP_OBJ_FROM_PTR(&m_f_obj));',
  ]);
  // The arrays of objects with a firmware base are put in place at import, in both spellings.
  expect(out).toMatch(/m_float_t m_floats\[2\] __asm__\("natmodgen_\w+"\);/);
  expect(out).toMatch(/m_pair_t m_pair __asm__\("natmodgen_\w+"\);/);
});
