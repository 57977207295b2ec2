import { generate } from '../../../src/pipeline';
import { c, declsOf, extract, lineCol } from '../helpers';
import { removed } from '../../../src/constructs/construct';
import { renderView } from '../../../src/render';

describe('extractModuleObjs', () => {
  test.each<[string, { given: string; want: Array<{ name: string; globals: string; isStatic: boolean }> }]>([
    [
      'designated initializers',
      {
        given: c(
          'const mp_obj_module_t m_module = {',
          '    .base = { &mp_type_module },',
          '    .globals = (mp_obj_dict_t *)&m_globals,',
          '};',
        ),
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: false }],
      },
    ],
    [
      'designated, .globals first',
      {
        given: c(
          'static const mp_obj_module_t m_module = {',
          '    .globals = (mp_obj_dict_t *)&m_globals,',
          '    .base = { &mp_type_module },',
          '};',
        ),
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: true }],
      },
    ],
    [
      'positional initializers',
      {
        given: 'const mp_obj_module_t m_module = { { &mp_type_module }, (mp_obj_dict_t *)&m_globals };\n',
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: false }],
      },
    ],
    [
      'positional without the cast',
      {
        given: 'const mp_obj_module_t m_module = { { &mp_type_module }, &m_globals };\n',
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: false }],
      },
    ],
    [
      'designated without the cast',
      {
        given: 'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = &m_globals };\n',
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: false }],
      },
    ],
    [
      'under #if',
      {
        given: c(
          '#if MICROPY_PY_M',
          'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
          '#endif',
        ),
        want: [{ name: 'm_module', globals: 'm_globals', isStatic: false }],
      },
    ],
    ['an extern declaration is not a definition', { given: 'extern const mp_obj_module_t m_module;\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    expect(
      r.model.decls.flatMap((d) => (d.kind === 'module_obj' ? [{ name: d.name, globals: d.globals, isStatic: d.isStatic }] : [])),
    ).toEqual(want);
  });

  test('spans: the whole definition, and the globals name', () => {
    const given = c(
      '// m',
      'const mp_obj_module_t m_module = {',
      '    .base = { &mp_type_module },',
      '    .globals = (mp_obj_dict_t *)&m_globals,',
      '};',
      'int after;',
    );
    const [m] = declsOf(given, 'module_obj');
    expect(given.slice(m.span.start, m.span.end)).toBe(given.slice(given.indexOf('const'), given.indexOf('};') + 2));
    const g = lineCol(given, 'm_globals');
    expect(m.globalsSpan).toMatchObject({ line: g.line, col: g.col });
    expect(given.slice(m.globalsSpan.start, m.globalsSpan.end)).toBe('m_globals');
  });

  test('no .globals is reported (NMG2010) at the object name', () => {
    const given = 'const mp_obj_module_t d_module = { .base = { &mp_type_module } };\n';
    const r = extract(given);
    expect(r.model.decls.filter((d) => d.kind === 'module_obj')).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'NMG2010', span: expect.objectContaining({ line: 1, col: lineCol(given, 'd_module').col }) }),
    ]);
  });
});

describe('removing the registered module object', () => {
  test('directives inside it (an alternative head under #ifdef/#else) are kept, so the #if stays whole', () => {
    const given = c(
      '#ifdef OTHER_PORT',
      'const struct _mp_obj_module_t m_module = {',
      '#else',
      'const mp_obj_module_t m_module = {',
      '#endif',
      '    .base = { &mp_type_module },',
      '    .globals = (mp_obj_dict_t *)&m_globals,',
      '};',
    );
    const [m] = declsOf(given, 'module_obj');
    expect(m.directives).toEqual(['#endif']);
    const view = removed(m, 'module object m_module').edits[0].view;
    expect(view).toEqual({ partial: 'removed', what: 'module object m_module', directives: ['#endif'] });
    const text = renderView(view);
    expect(text.split('\n')).toEqual(['/* natmodgen: module object m_module is built by mpy_init */', '#endif']);
  });

  test("the module object, its dict and table named through the module's macros: read as the compiler names them", () => {
    const text = c(
      '#include "py/runtime.h"',
      '#define MOD m_module',
      '#define DICT(n) n##_globals',
      '#define TABLE(n) n##_globals_table',
      'extern const mp_obj_module_t MOD;',
      'static mp_obj_t me(void) { return MP_OBJ_FROM_PTR(&MOD); }',
      'static MP_DEFINE_CONST_FUN_OBJ_0(me_obj, me);',
      'static const mp_rom_map_elem_t TABLE(m)[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '    { MP_ROM_QSTR(MP_QSTR_me), MP_ROM_PTR(&me_obj) },',
      '};',
      'static MP_DEFINE_CONST_DICT(DICT(m), TABLE(m));',
      'const mp_obj_module_t MOD = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&DICT(m) };',
      'MP_REGISTER_MODULE(MP_QSTR_m, MOD);',
    );
    expect(declsOf(text, 'module_obj').map((d) => [d.name, d.globals])).toEqual([['m_module', 'm_globals']]);
    expect(declsOf(text, 'const_dict').map((d) => [d.name, d.table])).toEqual([['m_globals', 'm_globals_table']]);
    expect(declsOf(text, 'rom_table').map((d) => d.name)).toEqual(['m_globals_table']);
    // Not also a sub-module object under the macro's name.
    expect(declsOf(text, 'runtime_obj').map((d) => d.name)).toEqual(['m_module']);
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    // `&MOD` in me() is the module mpy_init receives; the definition is gone.
    expect(out).toContain('#define m_module (*natmodgen_root_module)');
    expect(out).not.toMatch(/const mp_obj_module_t MOD = /);
    expect(out).toMatch(/mp_store_global\(MP_QSTR_me, /);
  });
});
