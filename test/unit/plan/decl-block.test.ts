import { generate } from '../../../src/pipeline';
import { c } from '../helpers';

/**
 * The alias block (`extern mp_obj_full_type_t ...; #define t ...`) goes after the last include
 * before a type's first mention; an include in a branch of its own (extmod/modcryptolib.c's
 * `#if MICROPY_SSL_MBEDTLS` / `#include <mbedtls/aes.h>`) must not take it into that branch.
 */
const source = (guard: string) =>
  c(
    '#include "py/runtime.h"',
    '#if MICROPY_PY_A',
    '#include <string.h>',
    ...guard.split('\n'),
    'static MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_t, MP_TYPE_FLAG_NONE);',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_t), MP_ROM_PTR(&t_type) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = {',
    '    .base = { &mp_type_module },',
    '    .globals = (mp_obj_dict_t *)&m_globals,',
    '};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    '#endif',
  );

/** The text between the alias block's `#define t_type` and the type's definition. */
function blockContext(text: string): { before: string; block: string } {
  const r = generate([{ path: 'm.c', text }], { defines: ['MICROPY_PY_A=1'], outDir: 'out' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out = r.value[0].text;
  const at = out.indexOf('#define t_type ');
  expect(at).toBeGreaterThan(0);
  return { before: out.slice(0, at), block: out.slice(at) };
}

/** Depth of the open `#if`s at the end of `text`. */
const openIfs = (text: string) =>
  text.split('\n').reduce((depth, l) => (/^\s*#\s*if/.test(l) ? depth + 1 : /^\s*#\s*endif/.test(l) ? depth - 1 : depth), 0);

describe('the alias block for run-time types', () => {
  test('is not put inside a branch holding only an include', () => {
    const { before } = blockContext(source('#if MICROPY_SSL_B\n#include <b/aes.h>\n#endif'));
    // Only the file-wide `#if MICROPY_PY_A` is open where the block goes, not `#if MICROPY_SSL_B`.
    expect(before.slice(before.indexOf('#if MICROPY_PY_A'))).not.toMatch(/#if MICROPY_SSL_B\n#include <b\/aes.h>\n[^#]*$/);
    expect(openIfs(before.slice(before.indexOf('#if MICROPY_PY_A')))).toBe(1);
  });

  test('follows the last include in the same branches as the mention', () => {
    const { before } = blockContext(source('#include <b/aes.h>'));
    expect(before).toMatch(/#include <b\/aes.h>\n[^#]*(#line[^\n]*\n)?[^#]*\/\* natmodgen: names that are run-time values/);
  });

  test('a type written as an mp_obj_full_type_t keeps that type under its name (its .slots stay reachable)', () => {
    const text = c(
      '#include "py/runtime.h"',
      'static mp_obj_t r_make_new(const mp_obj_type_t *t, size_t n, size_t k, const mp_obj_t *a) { return mp_const_none; }',
      'static const mp_obj_full_type_t r_type = {',
      '    .base = { &mp_type_type },',
      '    .name = MP_QSTR_R,',
      '    .slot_index_make_new = 1,',
      '    .slots = { (const void *)r_make_new },',
      '};',
      'static MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, r_make_new);',
      'static mp_obj_t first(void) { return MP_OBJ_FROM_PTR(r_type.slots[0]); }',
      'static MP_DEFINE_CONST_FUN_OBJ_0(first_obj, first);',
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_R), MP_ROM_PTR(&r_type) },',
      '    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },',
      '    { MP_ROM_QSTR(MP_QSTR_first), MP_ROM_PTR(&first_obj) },',
      '};',
      'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    expect(out.match(/#define (r_type|t_type) \(\*\((\w+) \*\)/g)).toEqual([
      '#define r_type (*(mp_obj_full_type_t *)',
      '#define t_type (*(mp_obj_type_t *)',
    ]);
    // The struct itself is gone (mpy_init fills the storage): only the alias names r_type.
    expect(out).not.toMatch(/const mp_obj_full_type_t r_type/);
    expect(out).toMatch(/MP_OBJ_TYPE_SET_SLOT\(&\w*r_type\w*, make_new, \(const void \*\)r_make_new, 0\)/);
  });

  test.each<[string, string[], boolean]>([
    ['named in its own globals', ['    { MP_ROM_QSTR(MP_QSTR_me), MP_ROM_PTR(&m_module) },'], true],
    ['named in a function before its definition', ['static mp_obj_t f(void) { return MP_OBJ_FROM_PTR(&m_module); }'], true],
    ['only defined and registered (a declaration names nothing)', ['extern const mp_obj_module_t m_module;'], false],
    [
      'named by its delegation only',
      [
        'static void d(mp_obj_t self, qstr attr, mp_obj_t *dest) { }',
        'extern const mp_obj_module_t m_module;',
        'MP_REGISTER_MODULE_DELEGATION(m_module, d);',
      ],
      false,
    ],
  ])('the registered module object %s: the module mpy_init receives', (_name, extra, aliased) => {
    const inTable = extra[0].startsWith('    {');
    const text = c(
      '#include "py/runtime.h"',
      ...(inTable ? [] : extra),
      ...(inTable ? ['extern const mp_obj_module_t m_module;'] : []),
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      ...(inTable ? extra : []),
      '};',
      'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    const alias = out.indexOf('#define m_module (*natmodgen_root_module)');
    expect([alias >= 0, out.includes('natmodgen_root_module = &self->context->module;')]).toEqual([aliased, aliased]);
    if (!aliased) return;
    // Before the first use, and set first thing in mpy_init.
    expect(alias).toBeLessThan(out.indexOf('&m_module'));
    const init = out.slice(out.indexOf('mp_obj_t mpy_init('));
    expect(init.indexOf('natmodgen_root_module = &self->context->module;')).toBeLessThan(init.indexOf('natmodgen_store_globals_m();'));
  });
});
