import { c, declsOf, extract, lineCol, PRELUDE } from '../helpers';
import { generate } from '../../../src/pipeline';

describe('extractRegistrations', () => {
  test.each<[string, { given: string; want: Array<{ moduleName: string; moduleObj: string; extensible: boolean }> }]>([
    [
      'MP_REGISTER_MODULE',
      {
        given: 'MP_REGISTER_MODULE(MP_QSTR_mymod, mymod_module);\n',
        want: [{ moduleName: 'mymod', moduleObj: 'mymod_module', extensible: false }],
      },
    ],
    [
      'MP_REGISTER_EXTENSIBLE_MODULE',
      {
        given: 'MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_os, os_module);\n',
        want: [{ moduleName: 'os', moduleObj: 'os_module', extensible: true }],
      },
    ],
    [
      "the name through the module's pasting macros (expanded, as makemoduledefs.py reads the preprocessed source)",
      {
        given: c('#define Q(x) MP_QSTR_##x', '#define QQ(x) Q(x)', 'MP_REGISTER_MODULE(QQ(mymod), mymod_module);'),
        want: [{ moduleName: 'mymod', moduleObj: 'mymod_module', extensible: false }],
      },
    ],
    [
      "the module object through the module's macro",
      {
        given: c('#define MOD(x) x##_module', 'MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_mymod, MOD(mymod));'),
        want: [{ moduleName: 'mymod', moduleObj: 'mymod_module', extensible: true }],
      },
    ],
    [
      'without a semicolon',
      { given: 'MP_REGISTER_MODULE(MP_QSTR_m, m_module)\n', want: [{ moduleName: 'm', moduleObj: 'm_module', extensible: false }] },
    ],
    [
      'right after static MP_DEFINE_CONST_DICT',
      {
        given: c('static MP_DEFINE_CONST_DICT(m_globals, m_table);', 'MP_REGISTER_MODULE(MP_QSTR_m, m_module);'),
        want: [{ moduleName: 'm', moduleObj: 'm_module', extensible: false }],
      },
    ],
    [
      'right after a module object',
      {
        given: c(
          'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
          'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
        ),
        want: [{ moduleName: 'm', moduleObj: 'm_module', extensible: false }],
      },
    ],
    [
      'a module name with an escape stays escaped',
      {
        given: 'MP_REGISTER_MODULE(MP_QSTR_a_dot_b, m_module);\n',
        want: [{ moduleName: 'a_dot_b', moduleObj: 'm_module', extensible: false }],
      },
    ],
    ['MP_REGISTER_ROOT_POINTER is not a registration', { given: 'MP_REGISTER_ROOT_POINTER(mp_obj_t m_root);\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    const r = extract(PRELUDE + given);
    expect(r.diagnostics).toEqual([]);
    expect(
      r.model.decls.flatMap((d) =>
        d.kind === 'registration' ? [{ moduleName: d.moduleName, moduleObj: d.moduleObj, extensible: d.extensible }] : [],
      ),
    ).toEqual(want);
  });

  test('spans and condition', () => {
    const given = c('#ifdef MICROPY_PY_M', 'MP_REGISTER_MODULE(MP_QSTR_m, m_module);', '#endif');
    const [r] = declsOf(given, 'registration');
    expect(given.slice(r.span.start, r.span.end)).toBe('MP_REGISTER_MODULE(MP_QSTR_m, m_module);');
    expect(r.moduleObjSpan).toMatchObject({ line: 2, col: lineCol(given, 'm_module').col });
    expect(r.cond).toEqual([{ branches: [{ keyword: 'ifdef', arg: 'MICROPY_PY_M' }] }]);
    expect(r.isStatic).toBe(false);
  });

  test.each<[string, { given: string }]>([
    ['a name that is not MP_QSTR_', { given: 'MP_REGISTER_MODULE(m, m_module);\n' }],
    ['one argument', { given: 'MP_REGISTER_MODULE(MP_QSTR_m);\n' }],
  ])('malformed: %s (NMG2010)', (_name, { given }) => {
    const r = extract(PRELUDE + given);
    expect(r.model.decls.filter((d) => d.kind === 'registration')).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NMG2010']);
  });
});

describe("a second module the inputs register, whose file the natmod's module needs", () => {
  const mod = (name: string, extra: string[]) =>
    c(
      '#include "py/runtime.h"',
      ...extra,
      `static const mp_rom_map_elem_t ${name}_table[] = { { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_${name}) } };`,
      `static MP_DEFINE_CONST_DICT(${name}_globals, ${name}_table);`,
      `const mp_obj_module_t ${name}_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&${name}_globals };`,
      `MP_REGISTER_MODULE(MP_QSTR_${name}, ${name}_module);`,
    );
  test('goes into sys.modules from its own unit; the natmod is the module that needs it', () => {
    const r = generate(
      [
        { path: 'user.c', text: mod('user', ['int helper_twice(int x);', 'int user_four(void) { return helper_twice(2); }']) },
        { path: 'helper.c', text: mod('helper', ['int helper_twice(int x) { return 2 * x; }']) },
      ],
      { defines: [], outDir: 'out' },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [user, helper] = r.value.map((f) => f.text);
    expect(user).toMatch(/mpy_init\(mp_obj_fun_bc_t/);
    expect(helper).not.toMatch(/mpy_init\(mp_obj_fun_bc_t/);
    expect(helper).toMatch(
      /mp_obj_dict_store\([^;]*MP_QSTR_modules\),\s*MP_OBJ_NEW_QSTR\(MP_QSTR_helper\), MP_OBJ_FROM_PTR\(&helper_module\)\);/,
    );
    expect(user).not.toMatch(/MP_QSTR_modules/);
  });
});
