import { generate } from '../../../src/pipeline';
import { c, declsOf, extract, lineCol, PRELUDE } from '../helpers';

describe('extractConstDicts', () => {
  test.each<[string, { given: string; want: Array<{ name: string; table: string; isStatic: boolean; text: string }> }]>([
    [
      'static',
      {
        given: 'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);\n',
        want: [
          { name: 'm_globals', table: 'm_globals_table', isStatic: true, text: 'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);' },
        ],
      },
    ],
    [
      'not static',
      {
        given: 'MP_DEFINE_CONST_DICT(m_globals, m_table);\n',
        want: [{ name: 'm_globals', table: 'm_table', isStatic: false, text: 'MP_DEFINE_CONST_DICT(m_globals, m_table);' }],
      },
    ],
    [
      'spaces and comments inside',
      {
        given: 'static MP_DEFINE_CONST_DICT( m_globals /* g */ ,\n    m_table );\n',
        want: [
          { name: 'm_globals', table: 'm_table', isStatic: true, text: 'static MP_DEFINE_CONST_DICT( m_globals /* g */ ,\n    m_table );' },
        ],
      },
    ],
    [
      'followed by MP_REGISTER_MODULE (error recovery merges the two)',
      {
        given: c('static MP_DEFINE_CONST_DICT(m_globals, m_table);', 'MP_REGISTER_MODULE(MP_QSTR_m, m_module);'),
        want: [{ name: 'm_globals', table: 'm_table', isStatic: true, text: 'static MP_DEFINE_CONST_DICT(m_globals, m_table);' }],
      },
    ],
    [
      'two in a row',
      {
        given: c('static MP_DEFINE_CONST_DICT(a_locals, a_table);', 'static MP_DEFINE_CONST_DICT(b_locals, b_table);'),
        want: [
          { name: 'a_locals', table: 'a_table', isStatic: true, text: 'static MP_DEFINE_CONST_DICT(a_locals, a_table);' },
          { name: 'b_locals', table: 'b_table', isStatic: true, text: 'static MP_DEFINE_CONST_DICT(b_locals, b_table);' },
        ],
      },
    ],
    ['MP_DEFINE_CONST_MAP is not a dict', { given: 'static MP_DEFINE_CONST_MAP(m_map, m_table);\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    const got = declsOf(PRELUDE + given, 'const_dict');
    const text = PRELUDE + given;
    expect(got.map((d) => ({ name: d.name, table: d.table, isStatic: d.isStatic, text: text.slice(d.span.start, d.span.end) }))).toEqual(
      want,
    );
  });

  test('the table span points at the table argument; condition recorded', () => {
    const given = c('#if MICROPY_PY_M', 'static MP_DEFINE_CONST_DICT(m_globals, m_table);', '#endif');
    const [d] = declsOf(given, 'const_dict');
    expect(given.slice(d.tableSpan.start, d.tableSpan.end)).toBe('m_table');
    expect(d.tableSpan).toMatchObject({ line: 2, col: lineCol(given, 'm_table').col });
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_M' }] }]);
  });

  test('a wrong number of arguments is reported (NMG2010)', () => {
    const given = PRELUDE + 'MP_DEFINE_CONST_DICT(only_name);\n';
    const r = extract(given);
    expect(r.model.decls.filter((d) => d.kind === 'const_dict')).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'NMG2010', span: expect.objectContaining({ line: lineCol(given, 'MP_DEFINE').line, col: 1 }) }),
    ]);
  });
});

describe('a dict written as the struct MP_DEFINE_CONST_DICT expands to (older modules)', () => {
  const table = 'static const mp_map_elem_t g_table[] = {{MP_OBJ_NEW_QSTR(MP_QSTR_seven), MP_OBJ_NEW_SMALL_INT(7)}};';
  const dict = (qual: string) =>
    c(
      `${qual} mp_obj_dict_t g = {`,
      '    .base = {&mp_type_dict},',
      '    .map = {',
      '        .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1,',
      '        .used = MP_ARRAY_SIZE(g_table), .alloc = MP_ARRAY_SIZE(g_table),',
      '        .table = (mp_map_elem_t *)g_table,',
      '    },',
      '};',
    );

  test('is a dict over the table its .table names', () => {
    const text = c(table, dict('STATIC const'));
    expect(
      declsOf(text, 'const_dict').map((d) => [
        d.name,
        d.table,
        d.isStatic,
        text.slice(d.span.start, d.span.end).startsWith('STATIC const mp_obj_dict_t g ='),
      ]),
    ).toEqual([['g', 'g_table', true, true]]);
  });

  test('as the module globals, mpy_init stores its entries and the struct is gone', () => {
    const text = c(
      '#include "py/runtime.h"',
      '#define STATIC static',
      table,
      dict('STATIC const'),
      'const mp_obj_module_t m_module = {.base = {&mp_type_module}, .globals = (mp_obj_dict_t *)&g};',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    expect(out).toMatch(/mp_store_global\(MP_QSTR_seven, /);
    expect(out).not.toContain('.table = (mp_map_elem_t *)g_table');
  });

  test('a struct without a dict base or a .table is not a dict', () => {
    expect(declsOf(c('static const mp_obj_dict_t g = {.base = {&mp_type_dict}};'), 'const_dict')).toEqual([]);
  });

  test('an empty dict whose .table is NULL is not a dict over a table (py/objdict.c mp_const_empty_dict_obj)', () => {
    const empty = c(
      'const mp_obj_dict_t mp_const_empty_dict_obj = {',
      '    .base = { .type = &mp_type_dict },',
      '    .map = { .all_keys_are_qstrs = 0, .is_fixed = 1, .is_ordered = 1, .used = 0, .alloc = 0, .table = NULL, }',
      '};',
    );
    expect(declsOf(empty, 'const_dict')).toEqual([]);
  });
});
