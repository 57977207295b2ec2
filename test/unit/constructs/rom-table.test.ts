import { CondItem, RomEntry, RomValue } from '../../../src/model/declarations';
import { c, declsOf, extract, lineCol } from '../helpers';

/** Items without spans: `key=value-kind...` for entries, the directive text (spaces collapsed) for directives. */
function summary(items: CondItem<RomEntry>[]): string[] {
  return items.map((it) =>
    it.kind === 'directive'
      ? directive(it.text)
      : `${it.item.keyValue ? `[${valueText(it.item.keyValue)}]` : it.item.key}=${valueText(it.item.value)}`,
  );
}

/** A directive item must be one line; runs of spaces in it do not matter. */
const directive = (text: string): string => (text.includes('\n') ? `MULTI-LINE ${JSON.stringify(text)}` : text.replace(/\s+/g, ' '));

function valueText(v: RomValue): string {
  switch (v.kind) {
    case 'ptr':
      return `ptr(${v.target}; ${v.text})`;
    case 'int':
      return `int(${v.expr})`;
    case 'qstr':
      return `qstr(${v.qstr})`;
    case 'float_const':
      return `float(${v.which})`;
    case 'unknown':
      return `unknown(${v.text})`;
    default:
      return v.kind;
  }
}

const table = (...entries: string[]): string => c('static const mp_rom_map_elem_t t[] = {', ...entries.map((e) => `    ${e}`), '};');

describe('extractRomTables: values', () => {
  test.each<[string, { given: string; want: string }]>([
    ['MP_ROM_PTR(&obj)', { given: 'MP_ROM_PTR(&f_obj)', want: 'ptr(f_obj; &f_obj)' }],
    ['MP_ROM_PTR with a cast', { given: 'MP_ROM_PTR((mp_obj_t)&f_obj)', want: 'ptr(f_obj; (mp_obj_t)&f_obj)' }],
    ['MP_ROM_PTR of a firmware type', { given: 'MP_ROM_PTR(&mp_type_ValueError)', want: 'ptr(mp_type_ValueError; &mp_type_ValueError)' }],
    ['MP_ROM_INT', { given: 'MP_ROM_INT(42)', want: 'int(42)' }],
    ['MP_ROM_INT with an expression, kept as written', { given: 'MP_ROM_INT(1 << FLAG_SHIFT)', want: 'int(1 << FLAG_SHIFT)' }],
    ['MP_ROM_INT with nested parentheses', { given: 'MP_ROM_INT((1 + 2) * 3)', want: 'int((1 + 2) * 3)' }],
    ['MP_ROM_QSTR', { given: 'MP_ROM_QSTR(MP_QSTR_hello)', want: 'qstr(hello)' }],
    ['MP_ROM_NONE', { given: 'MP_ROM_NONE', want: 'none' }],
    ['MP_ROM_TRUE', { given: 'MP_ROM_TRUE', want: 'true' }],
    ['MP_ROM_FALSE', { given: 'MP_ROM_FALSE', want: 'false' }],
    ['mp_const_float_pi', { given: 'mp_const_float_pi', want: 'float(pi)' }],
    ['mp_const_float_e', { given: 'mp_const_float_e', want: 'float(e)' }],
    ['an unsupported value', { given: 'mp_obj_new_int(3)', want: 'unknown(mp_obj_new_int(3))' }],
    ['MP_OBJ_NEW_SMALL_INT (mp_map_elem_t tables before v1.12)', { given: 'MP_OBJ_NEW_SMALL_INT(3)', want: 'int(3)' }],
    ['MP_ROM_QSTR of something that is not a qstr', { given: 'MP_ROM_QSTR(name)', want: 'unknown(MP_ROM_QSTR(name))' }],
    ['MP_ROM_PTR without an address', { given: 'MP_ROM_PTR(ptr)', want: 'unknown(MP_ROM_PTR(ptr))' }],
    ["MP_ROM_PTR of py/obj.h's None (a pointer macro)", { given: 'MP_ROM_PTR(mp_const_none)', want: 'none' }],
    ["MP_ROM_PTR of py/obj.h's True", { given: 'MP_ROM_PTR(mp_const_true)', want: 'true' }],
    ['MP_ROM_PTR of a float constant', { given: 'MP_ROM_PTR(mp_const_float_pi)', want: 'float(pi)' }],
    ["py/obj.h's float constant objects written out", { given: 'MP_ROM_PTR(&mp_const_float_tau_obj)', want: 'float(tau)' }],
    ['a float constant object in the pre-v1.12 spelling', { given: '(mp_obj_t)&mp_const_float_e_obj', want: 'float(e)' }],
    ['the empty qstr', { given: 'MP_ROM_QSTR(MP_QSTR_)', want: 'qstr()' }],
    ['a value in parentheses (a careful macro)', { given: '(MP_ROM_PTR(&f_obj))', want: 'ptr(f_obj; &f_obj)' }],
    ['an int in two pairs of parentheses', { given: '((MP_ROM_INT(7)))', want: 'int(7)' }],
    ['the object in parentheses', { given: 'MP_ROM_PTR(&(f_obj))', want: 'ptr(f_obj; &(f_obj))' }],
    ['an element of an array in parentheses', { given: 'MP_ROM_PTR(&(objs[1]))', want: 'ptr(objs; &(objs[1]))' }],
    ['a firmware float constant in parentheses', { given: 'MP_ROM_PTR(&(mp_const_float_pi_obj))', want: 'float(pi)' }],
  ])('%s', (_name, { given, want }) => {
    const [t] = declsOf(table(`{ MP_ROM_QSTR(MP_QSTR_k), ${given} },`), 'rom_table');
    expect(summary(t.items)).toEqual([`k=${want}`]);
  });

  test('the value span covers the value as written', () => {
    const given = table('{ MP_ROM_QSTR(MP_QSTR_k), MP_ROM_INT(7) },');
    const [t] = declsOf(given, 'rom_table');
    const it = t.items[0];
    if (it.kind !== 'item') throw new Error('expected an entry');
    expect(given.slice(it.item.value.span.start, it.item.value.span.end)).toBe('MP_ROM_INT(7)');
    expect(given.slice(it.item.keySpan.start, it.item.keySpan.end)).toBe('MP_ROM_QSTR(MP_QSTR_k)');
  });
});

describe('extractRomTables: tables and conditional items', () => {
  test.each<[string, { given: string; want: { name: string; isStatic: boolean; items: string[] } }]>([
    [
      'a plain table',
      {
        given: table('{ MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },', '{ MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },'),
        want: { name: 't', isStatic: true, items: ['__name__=qstr(m)', 'f=ptr(f_obj; &f_obj)'] },
      },
    ],
    [
      'no trailing comma',
      {
        given: c('const mp_rom_map_elem_t u[] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) } };'),
        want: { name: 'u', isStatic: false, items: ['a=int(1)'] },
      },
    ],
    [
      '#if / #elif / #else / #endif between entries, in order',
      {
        given: table(
          '{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },',
          '#if MICROPY_PY_B',
          '{ MP_ROM_QSTR(MP_QSTR_b), MP_ROM_INT(2) },',
          '#elif defined(MICROPY_PY_C)',
          '{ MP_ROM_QSTR(MP_QSTR_c), MP_ROM_INT(3) },',
          '#else',
          '{ MP_ROM_QSTR(MP_QSTR_d), MP_ROM_INT(4) },',
          '#endif',
          '{ MP_ROM_QSTR(MP_QSTR_e), MP_ROM_INT(5) },',
        ),
        want: {
          name: 't',
          isStatic: true,
          items: [
            'a=int(1)',
            '#if MICROPY_PY_B',
            'b=int(2)',
            '#elif defined(MICROPY_PY_C)',
            'c=int(3)',
            '#else',
            'd=int(4)',
            '#endif',
            'e=int(5)',
          ],
        },
      },
    ],
    [
      '#ifdef / #ifndef and nested conditionals',
      {
        given: table('#ifdef A', '#ifndef B', '{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '#endif', '#endif'),
        want: { name: 't', isStatic: true, items: ['#ifdef A', '#ifndef B', 'a=int(1)', '#endif', '#endif'] },
      },
    ],
    [
      'a directive before the last entry that has no trailing comma',
      {
        given: table('{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '#if X', '{ MP_ROM_QSTR(MP_QSTR_b), MP_ROM_INT(2) }', '#endif'),
        want: { name: 't', isStatic: true, items: ['a=int(1)', '#if X', 'b=int(2)', '#endif'] },
      },
    ],
    [
      'a continued directive becomes one line',
      {
        given: table('#if defined(A) && \\', '    defined(B)', '{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '#endif'),
        want: { name: 't', isStatic: true, items: ['#if defined(A) && defined(B)', 'a=int(1)', '#endif'] },
      },
    ],
    [
      'a MICROPY_ENABLE_DYNRUNTIME test reads as the firmware side',
      {
        given: table('#if !MICROPY_ENABLE_DYNRUNTIME', '{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '#endif'),
        want: { name: 't', isStatic: true, items: ['#if !0 /* natmodgen: was if !MICROPY_ENABLE_DYNRUNTIME */', 'a=int(1)', '#endif'] },
      },
    ],
    [
      'comments between entries are ignored',
      {
        given: table('// first', '{ MP_ROM_QSTR(MP_QSTR_a), /* one */ MP_ROM_INT(1) },', '/* second */'),
        want: { name: 't', isStatic: true, items: ['a=int(1)'] },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const tables = declsOf(given, 'rom_table');
    expect(tables.map((t) => ({ name: t.name, isStatic: t.isStatic, items: summary(t.items) }))).toEqual([want]);
  });

  test('span from the qualifiers to the semicolon, condition of the table', () => {
    const given = c(
      '#if MICROPY_PY_T',
      'static const mp_rom_map_elem_t t[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },',
      '};',
      '#endif',
    );
    const [t] = declsOf(given, 'rom_table');
    expect(given.slice(t.span.start, t.span.end)).toBe(given.slice(given.indexOf('static'), given.indexOf('};') + 2));
    expect(t.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_T' }] }]);
  });

  test('directive items carry their span', () => {
    const given = table('#if X', '{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '#endif');
    const [t] = declsOf(given, 'rom_table');
    const d = t.items[0];
    expect(d.kind).toBe('directive');
    if (d.kind === 'directive') expect(d.span).toMatchObject({ line: lineCol(given, '#if').line, col: lineCol(given, '#if').col });
  });

  test('names used only inside tables are not file identifiers', () => {
    const r = extract(c(table('{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_PTR(&only_in_table) },'), 'int used_outside;'));
    expect(r.model.identifiers.has('only_in_table')).toBe(false);
    expect(r.model.identifiers.has('used_outside')).toBe(true);
  });

  test.each<[string, { entry: string }]>([
    ['an entry that is not a brace pair', { entry: 'MP_ROM_INT(2),' }],
    ['an entry without a value', { entry: '{ MP_ROM_QSTR(MP_QSTR_b) },' }],
    ['a key without a value', { entry: '{ , MP_ROM_INT(3) },' }],
  ])('malformed: %s is reported (NMG2010) and left out', (_name, { entry }) => {
    const given = table('{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', entry);
    const r = extract(given);
    const [t] = r.model.decls.filter((d) => d.kind === 'rom_table');
    expect(t.kind === 'rom_table' && summary(t.items)).toEqual(['a=int(1)']);
    const at = lineCol(given, entry);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'NMG2010', span: expect.objectContaining({ line: at.line, col: at.col }) }),
    ]);
  });

  test('keys that are not qstrs are values, as a dict has them (py/moderrno.c errorcode)', () => {
    const [t] = declsOf(
      table(
        '{ MP_ROM_INT(MP_EPERM), MP_ROM_QSTR(MP_QSTR_EPERM) },',
        '{ MP_ROM_PTR(&k_obj), MP_ROM_NONE },',
        '{ MP_ROM_QSTR(MP_QSTR_), MP_ROM_TRUE },',
      ),
      'rom_table',
    );
    expect(summary(t.items)).toEqual(['[int(MP_EPERM)]=qstr(EPERM)', '[ptr(k_obj; &k_obj)]=none', '=true']);
  });

  test('an unterminated table is reported (NMG1005)', () => {
    const r = extract('static const mp_rom_map_elem_t u[] = {\n { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },\n');
    expect(r.model.decls.filter((d) => d.kind === 'rom_table')).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('NMG1005');
  });

  test('a table of a typedef of the entry type, const after the type, is a table; runtime-data leaves it alone', () => {
    const given = c(
      'typedef mp_rom_map_elem_t entry_t;',
      'static entry_t const t[2] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) }, { MP_ROM_QSTR(MP_QSTR_b), MP_ROM_PTR(&mp_type_int) } };',
    );
    const [t] = declsOf(given, 'rom_table');
    expect([t.name, summary(t.items)]).toEqual(['t', ['a=int(1)', 'b=ptr(mp_type_int; &mp_type_int)']]);
    expect(declsOf(given, 'runtime_data')).toEqual([]);
    // A mutable table of a typedef of mp_map_elem_t is writable data, as mp_map_elem_t's is.
    expect(
      declsOf(c('typedef mp_map_elem_t e_t;', 'static e_t e[] = { { MP_OBJ_NEW_QSTR(MP_QSTR_e), mp_const_none } };'), 'rom_table'),
    ).toEqual([]);
  });

  test('a key in parentheses is a qstr key', () => {
    const [t] = declsOf(
      table('{ (MP_ROM_QSTR(MP_QSTR_k)), MP_ROM_INT(1) },', '{ ((MP_OBJ_NEW_QSTR(MP_QSTR_j))), MP_ROM_INT(2) },'),
      'rom_table',
    );
    expect(summary(t.items)).toEqual(['k=int(1)', 'j=int(2)']);
  });

  test('entries with member designators in either order, and index designators, are read in the order the compiler stores them', () => {
    const [t] = declsOf(
      table(
        '[0] = { .key = MP_ROM_QSTR(MP_QSTR_a), .value = MP_ROM_INT(1) },',
        '{ .value = MP_ROM_INT(2), .key = MP_ROM_QSTR(MP_QSTR_b) },',
        '[3] = { MP_ROM_QSTR(MP_QSTR_d), .value = MP_ROM_INT(4) },',
        '[2] = { MP_ROM_QSTR(MP_QSTR_c), MP_ROM_INT(3) },',
      ),
      'rom_table',
    );
    expect(summary(t.items)).toEqual(['a=int(1)', 'b=int(2)', 'c=int(3)', 'd=int(4)']);
  });

  test('index designators natmodgen cannot place are reported (NMG2010): a gap, an index that is no integer literal', () => {
    for (const first of ['[2] = { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },', '[N] = { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },']) {
      const r = extract(table(first, '[0] = { MP_ROM_QSTR(MP_QSTR_b), MP_ROM_INT(2) },'));
      expect(r.diagnostics.map((d) => d.code)).toContain('NMG2010');
    }
  });

  test('a mutable mp_map_elem_t array is not a ROM table (a const one is: the spelling before v1.12)', () => {
    expect(declsOf('static mp_map_elem_t e[] = { { MP_OBJ_NEW_QSTR(MP_QSTR_e), mp_const_none } };\n', 'rom_table')).toEqual([]);
    expect(declsOf('static const mp_map_elem_t e[] = { { MP_OBJ_NEW_QSTR(MP_QSTR_e), mp_const_none } };\n', 'rom_table')).toHaveLength(1);
  });
});

describe('a table inside a function', () => {
  test('is no module table: the static local it is moves out of the function (static-local.ts)', () => {
    const given = c(
      'static mp_obj_t f(void) {',
      '    static const mp_rom_map_elem_t d_table[] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) } };',
      '    static MP_DEFINE_CONST_DICT(d_obj, d_table);',
      '    return MP_OBJ_FROM_PTR(&d_obj);',
      '}',
    );
    expect(declsOf(given, 'rom_table')).toEqual([]);
    expect(declsOf(given, 'const_dict')).toEqual([]);
    expect(declsOf(given, 'static_local').map((d) => d.name)).toEqual(['d_table']);
  });
});
