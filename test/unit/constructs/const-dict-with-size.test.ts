import { resolveModule } from '../../../src/resolve';
import { c, declsOf, extract, lineCol, models, PRELUDE } from '../helpers';

describe('MP_DEFINE_CONST_DICT_WITH_SIZE', () => {
  test.each<[string, { given: string; want: Array<{ name: string; table: string; isStatic: boolean; text: string }> }]>([
    [
      'static, with MP_ARRAY_SIZE',
      {
        given: 'static MP_DEFINE_CONST_DICT_WITH_SIZE(m_globals, m_table, MP_ARRAY_SIZE(m_table));\n',
        want: [
          {
            name: 'm_globals',
            table: 'm_table',
            isStatic: true,
            text: 'static MP_DEFINE_CONST_DICT_WITH_SIZE(m_globals, m_table, MP_ARRAY_SIZE(m_table));',
          },
        ],
      },
    ],
    [
      'not static, a literal count',
      {
        given: 'MP_DEFINE_CONST_DICT_WITH_SIZE(d, t, 3);\n',
        want: [{ name: 'd', table: 't', isStatic: false, text: 'MP_DEFINE_CONST_DICT_WITH_SIZE(d, t, 3);' }],
      },
    ],
    [
      'MP_DEFINE_CONST_DICT is the other spelling, read once',
      {
        given: 'static MP_DEFINE_CONST_DICT(d, t);\n',
        want: [{ name: 'd', table: 't', isStatic: true, text: 'static MP_DEFINE_CONST_DICT(d, t);' }],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const text = PRELUDE + given;
    const got = declsOf(text, 'const_dict').map((d) => ({
      name: d.name,
      table: d.table,
      isStatic: d.isStatic,
      text: text.slice(d.span.start, d.span.end),
    }));
    expect(got).toEqual(want);
  });

  test('a wrong number of arguments is reported (NMG2010) at the macro', () => {
    const given = c(PRELUDE, 'static MP_DEFINE_CONST_DICT_WITH_SIZE(d, t);');
    const r = extract(given);
    const at = lineCol(given, 'MP_DEFINE_CONST_DICT_WITH_SIZE');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'NMG2010', span: expect.objectContaining({ line: at.line, col: at.col }) }),
    ]);
  });

  test("as the module's globals dict it is found (once NMG2003) and removed like MP_DEFINE_CONST_DICT", () => {
    const text = c(
      PRELUDE,
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '};',
      'static MP_DEFINE_CONST_DICT_WITH_SIZE(m_globals, m_globals_table, MP_ARRAY_SIZE(m_globals_table));',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = resolveModule(models([text]));
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.globalsDict.name).toBe('m_globals');
    const dict = r.value!.units[0].decls.find((d) => d.decl.kind === 'const_dict');
    expect(dict?.role).toEqual({ kind: 'remove' });
  });
});
