import * as path from 'path';
import { generate } from '../../../src/pipeline';
import { syncSources } from '../../../src/pipeline/sync';
import { c } from '../helpers';

/** A module in memory: /m/mod.c includes the given header, whose globals table names `h_obj` and `count`. */
function module(header: string, headerText: string) {
  const mod = c(
    '#include "py/runtime.h"',
    `#include "${header}"`,
    'static mp_obj_t f(void) { return mp_obj_new_int(count); }',
    'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );
  const files = new Map([[path.normalize(`/m/${header}`), headerText]]);
  return { inputs: [{ path: '/m/mod.c', text: mod }], readFile: (f: string) => files.get(path.normalize(f)) };
}

const gen = (header: string, text: string) => {
  const { inputs, readFile } = module(header, text);
  return generate(inputs, { defines: [], outDir: '/m/out', preprocess: { readFile } });
};

describe('definitions in an #included file', () => {
  test('writable data in it is converted in the unit, with #line naming the included file', () => {
    const r = gen('lib/count.h', c('// counter', 'static int count = 5;'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    expect(out).not.toContain('#include "../lib/count.h"');
    expect(out).toMatch(/#line 1 "\.\.\/lib\/count\.h"\n\/\/ counter\n/);
    // The definition is natmodgen's storage, set at import; the unit's own lines follow under its name.
    expect(out).toMatch(/int count __asm__\("natmodgen_\w*count"\);/);
    expect(out).toContain('count = 5;');
    expect(out).toMatch(/#line 2 "\.\.\/mod\.c"\n\n.*static mp_obj_t f\(void\)/s);
  });

  test('a header of declarations stays an #include', () => {
    const r = gen('decls.h', c('#define COUNT_H 1', 'extern int count;'));
    expect(r.value[0].text).toMatch(/#include "[./]*decls\.h"\n/);
    expect(r.value[0].text).not.toContain('extern int count;');
  });

  test("a diagnostic in the included file's text names that file and line", () => {
    const r = gen(
      'bad.h',
      c(
        'static int count = 1;',
        'static const mp_rom_map_elem_t t[] = {',
        '    { MP_ROM_QSTR(MP_QSTR_x), MP_ROM_PTR(&nowhere_obj) },',
        '};',
      ),
    );
    const d = r.diagnostics.find((x) => x.code === 'NMG2005');
    expect(d?.span && [d.span.file, d.span.line, d.span.col]).toEqual([path.normalize('/m/bad.h'), 3, expect.any(Number)]);
  });

  test('sync refuses at the #include (NMG5004), pointing at the definition it would rewrite', () => {
    const { inputs, readFile } = module('count.h', c('', 'static int count = 5;'));
    const r = syncSources(inputs, { defines: [], force: false, preprocess: { readFile } });
    expect(r.value).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.span?.file, d.span?.line, d.related.map((x) => [x.span.file, x.span.line])])).toEqual([
      ['NMG5004', '/m/mod.c', 2, [[path.normalize('/m/count.h'), 2]]],
    ]);
  });

  test('sync goes on where the included definitions compile unchanged (function objects)', () => {
    const { inputs, readFile } = module(
      'funs.h',
      c('extern int count;', 'static mp_obj_t g(void) { return mp_const_none; }', 'static MP_DEFINE_CONST_FUN_OBJ_0(g_obj, g);'),
    );
    const r = syncSources(inputs, { defines: [], force: false, preprocess: { readFile } });
    expect(r.diagnostics.filter((d) => d.code === 'NMG5004')).toEqual([]);
  });

  test("an entry list included inside a table and once before: gen reads the entries; sync refuses at the table's #include line", () => {
    const mod = c(
      '#include "py/runtime.h"',
      '#define E(n) static mp_obj_t n(void) { return mp_const_none; } static MP_DEFINE_CONST_FUN_OBJ_0(n##_obj, n);',
      '#include "list.h"',
      '#undef E',
      '#define E(n) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_PTR(&n##_obj) },',
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '#include "list.h"',
      '};',
      'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const files = new Map([[path.normalize('/m/list.h'), c('E(alpha)', 'E(beta)', 'E(gamma)')]]);
    const readFile = (f: string) => files.get(path.normalize(f));
    const inputs = [{ path: '/m/mod.c', text: mod }];
    const g = generate(inputs, { defines: [], outDir: '/m/out', preprocess: { readFile } });
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const n of ['alpha', 'beta', 'gamma'])
      expect(g.value[0].text).toContain(`mp_store_global(MP_QSTR_${n}, MP_OBJ_FROM_PTR(&${n}_obj));`);
    const r = syncSources(inputs, { defines: [], force: false, preprocess: { readFile } });
    expect(r.value).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([['NMG5004', '/m/mod.c', 8]]);
  });
});
