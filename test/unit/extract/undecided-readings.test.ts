import { c, extract, lineCol } from '../helpers';
import { expandConstructMacros } from '../../../src/extract/construct-macros';
import { parseDefine } from '../../../src/pipeline';

/**
 * Readings that take one expansion of a use of the module's macros (an object's name or initial
 * value, a type's name) where branches of an #if natmodgen cannot decide (BOARD_A: a -D the build
 * passes to the compiler only) define the macro differently: the defaults' reading (the #else) would
 * hold for every build, so NMG2032 says at the use which -D decides it. With that -D: converted.
 */
const undecided = (name: string, a: string, b: string) =>
  c('#ifdef BOARD_A', `#define ${name} ${a}`, '#else', `#define ${name} ${b}`, '#endif');

describe('a reading that takes one expansion, under an #if natmodgen cannot decide', () => {
  test.each<[string, { given: string; at: string; kind: string }]>([
    [
      "a type's C name through a macro",
      {
        given: c(undecided('TTYPE', 'a_type', 'b_type'), 'MP_DEFINE_CONST_OBJ_TYPE(TTYPE, MP_QSTR_T, MP_TYPE_FLAG_NONE);'),
        at: 'TTYPE, MP_QSTR_T',
        kind: 'obj_type',
      },
    ],
    [
      'a firmware object a module macro defines under another name in each branch',
      {
        given: c(
          undecided(
            'FCONST(id, v)',
            'const mp_obj_float_t id##_obj = {{&mp_type_float}, (v)}',
            'const mp_obj_float_t id##_const = {{&mp_type_float}, (v)}',
          ),
          'FCONST(half, 0.5);',
        ),
        at: 'FCONST(half',
        kind: 'runtime_obj',
      },
    ],
  ])('%s: NMG2032 at the use; decided by -D BOARD_A', (_name, { given, at, kind }) => {
    const r = extract(given);
    const where = lineCol(given, at);
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['NMG2032', where.line, where.col]]);
    expect(r.diagnostics[0].message).toContain('BOARD_A');
    expect(r.diagnostics[0].help).toContain('-D BOARD_A=value');
    const decided = extract(given, { defines: ['BOARD_A=1'] });
    expect(decided.diagnostics).toEqual([]);
    expect(decided.model.decls.some((d) => d.kind === kind)).toBe(true);
  });

  test("a type's name (MP_DEFINE_CONST_OBJ_TYPE's qstr through a macro): kept as written, the compiler's choice", () => {
    const given = c(undecided('TNAME', 'MP_QSTR_Alpha', 'MP_QSTR_Beta'), 'MP_DEFINE_CONST_OBJ_TYPE(t_type, TNAME, MP_TYPE_FLAG_NONE);');
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const t = r.model.decls.find((d) => d.kind === 'obj_type');
    expect(t && t.kind === 'obj_type' && [t.typeName, t.typeNameAsWritten]).toEqual(['Beta', 'TNAME']);
    // Decided by -D: the qstr itself.
    const decided = extract(given, { defines: ['BOARD_A=1'] }).model.decls.find((d) => d.kind === 'obj_type');
    expect(decided && decided.kind === 'obj_type' && [decided.typeName, decided.typeNameAsWritten]).toEqual(['Alpha', undefined]);
  });

  test("a struct-initialiser type's .name through a macro: kept as written", () => {
    const given = c(
      undecided('TNAME', 'MP_QSTR_Alpha', 'MP_QSTR_Beta'),
      'const mp_obj_type_t t_type = { { &mp_type_type }, .name = TNAME };',
    );
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const t = r.model.decls.find((d) => d.kind === 'obj_type');
    expect(t && t.kind === 'obj_type' && t.typeNameAsWritten).toBe('TNAME');
  });

  test("a type's name one branch writes as no qstr: NMG2032 at the use (natmodgen reads no qstr there)", () => {
    const given = c(undecided('TNAME', 'alpha_name', 'MP_QSTR_Beta'), 'MP_DEFINE_CONST_OBJ_TYPE(t_type, TNAME, MP_TYPE_FLAG_NONE);');
    const where = lineCol(given, 'TNAME, MP_TYPE');
    expect(extract(given).diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['NMG2032', where.line, where.col]]);
  });

  test('a constant array whose initial value holds qstrs through a macro: its length under the same #if', () => {
    const given = c(undecided('NAMES', '{ MP_QSTR_a }', '{ MP_QSTR_a, MP_QSTR_b }'), 'static const qstr names[] = NAMES;');
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const d = r.model.decls.find((x) => x.kind === 'runtime_data');
    expect(d && d.kind === 'runtime_data' && [d.declarator.split('\n'), d.init]).toEqual([
      ['names[', '#if !defined(BOARD_A)', '2', '#else', '1', '#endif', ']'],
      'NAMES',
    ]);
    // Branches of one length: one number.
    const same = c(undecided('NAMES', '{ MP_QSTR_a }', '{ MP_QSTR_b }'), 'static const qstr names[] = NAMES;');
    const e = extract(same).model.decls.find((x) => x.kind === 'runtime_data');
    expect(e && e.kind === 'runtime_data' && e.declarator).toBe('names[1]');
  });

  test('a constant that holds a run-time value in one branch only: converted (a copy at import is right in both)', () => {
    const given = c(undecided('FIRST', 'MP_QSTR_a', '7'), 'static const qstr first = FIRST;');
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.decls.filter((x) => x.kind === 'runtime_data').map((x) => x.name)).toEqual(['first']);
  });

  test.each<[string, string, { name: string; init: string[]; dynamic?: boolean }]>([
    [
      'a firmware object a module macro defines (ulab-style float constant)',
      c(
        undecided(
          'FCONST(id, v)',
          'const mp_obj_float_t id##_obj = {{&mp_type_float}, (v)}',
          'const mp_obj_float_t id##_obj = {{&mp_type_float}, 2 * (v)}',
        ),
        'FCONST(half, 0.5);',
      ),
      { name: 'half_obj', init: ['', '#if !defined(BOARD_A)', '{{NULL},2*(0.5)}', '#else', '{{NULL},(0.5)}', '#endif', ''] },
    ],
    [
      "a firmware object's initialiser written by a module macro",
      c(
        undecided(
          'GETTER(f)',
          '{{&mp_type_property}, {MP_OBJ_FROM_PTR(&f), mp_const_none, mp_const_none}}',
          '{{&mp_type_property}, {MP_OBJ_FROM_PTR(&f), mp_const_true, mp_const_none}}',
        ),
        'static mp_obj_t get(mp_obj_t self) { return self; }',
        'static MP_DEFINE_CONST_FUN_OBJ_1(get_obj, get);',
        'static const mp_obj_property_t prop = GETTER(get_obj);',
      ),
      {
        name: 'prop',
        init: [
          '',
          '#if !defined(BOARD_A)',
          '{{NULL},{MP_OBJ_FROM_PTR(&get_obj),mp_const_true,mp_const_none}}',
          '#else',
          '{{NULL},{MP_OBJ_FROM_PTR(&get_obj),mp_const_none,mp_const_none}}',
          '#endif',
          '',
        ],
        dynamic: true,
      },
    ],
  ])("%s: one object, its initial value each branch's under the same #if", (_name, given, want) => {
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const objs = r.model.decls.flatMap((d) => (d.kind === 'runtime_obj' ? [d] : []));
    expect(objs.map((d) => ({ name: d.name, init: d.init.split('\n'), ...(d.dynamic ? { dynamic: true } : {}) }))).toEqual([want]);
  });

  test('branches that expand alike are one reading: no diagnostic', () => {
    const given = c(undecided('TNAME', 'MP_QSTR_Alpha', 'MP_QSTR_Alpha'), 'MP_DEFINE_CONST_OBJ_TYPE(t_type, TNAME, MP_TYPE_FLAG_NONE);');
    expect(extract(given).diagnostics).toEqual([]);
  });

  test('a builtin type a macro pastes: every branch is looked up (the compiler may take any)', () => {
    const given = c(
      '#define RAISE(t, m) mp_raise_msg(&mp_type_##t, MP_ERROR_TEXT(m))',
      undecided('FAIL(m)', 'RAISE(ZeroDivisionError, m)', 'RAISE(OverflowError, m)'),
      'static mp_obj_t f(mp_obj_t x) { FAIL("no"); return x; }',
    );
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.firmwareTypes).toEqual(expect.arrayContaining(['OverflowError', 'ZeroDivisionError']));
    // Decided by -D: only the branch the build takes.
    const decided = extract(given, { defines: ['BOARD_A=1'] });
    expect(decided.model.firmwareTypes).toContain('ZeroDivisionError');
    expect(decided.model.firmwareTypes).not.toContain('OverflowError');
  });

  test('a storage macro thread-local in one branch: plain storage in every build, with the warning', () => {
    const given = c(undecided('TLS', '__thread', ''), 'static TLS int n;');
    const r = extract(given);
    expect(r.model.decls.filter((d) => d.kind === 'writable_data').map((d) => d.name)).toEqual(['n']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NMG2030']);
  });
});

describe('a construct macro whose own definition an #if natmodgen cannot decide chooses', () => {
  const module = (test: string) =>
    c(
      test,
      '#define REG(n, o) MP_REGISTER_MODULE(MP_QSTR_##n, o)',
      '#else',
      '#define REG(n, o) MP_REGISTER_MODULE(MP_QSTR_##n##_lite, o)',
      '#endif',
      'static const mp_rom_map_elem_t m_globals_table[] = { { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) } };',
      'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'REG(m, m_module);',
    );
  /** expandConstructMacros (what the pipeline reads) then extract, with -D as given to natmodgen. */
  const read = (text: string, defines: string[] = []) => {
    const expanded = expandConstructMacros('input.c', text, defines.map(parseDefine));
    return { expanded, r: extract(expanded, { defines }) };
  };

  test('over a name the build passes to the compiler only: the use stays as written, NMG2032 there naming the -D', () => {
    const given = module('#ifdef BOARD_A');
    const { expanded, r } = read(given);
    expect(expanded).toBe(given);
    const at = lineCol(given, 'REG(m, m_module)');
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['NMG2032', at.line, at.col]]);
    expect(r.diagnostics[0].help).toContain('-D BOARD_A=value');
  });

  test('one that defines the same object with a firmware base in each branch: converted, its initial value under the #if', () => {
    const given = c(
      'typedef struct _f_t { mp_obj_base_t base; mp_float_t value; } f_t;',
      undecided('FC(id, v)', 'static const f_t id##_obj = {{&mp_type_float}, (v)}', 'static const f_t id##_obj = {{&mp_type_float}, -(v)}'),
      'FC(half, 0.5);',
    );
    const { expanded, r } = read(given);
    expect(expanded).toBe(given);
    expect(r.diagnostics).toEqual([]);
    const objs = r.model.decls.flatMap((d) => (d.kind === 'runtime_obj' ? [d] : []));
    expect(objs.map((d) => [d.name, d.init.split('\n')])).toEqual([
      ['half_obj', ['', '#if !defined(BOARD_A)', '{{NULL},-(0.5)}', '#else', '{{NULL},(0.5)}', '#endif', '']],
    ]);
  });

  test('decided by -D: the branch the build takes, converted', () => {
    const { expanded, r } = read(module('#ifdef BOARD_A'), ['BOARD_A=1']);
    expect(expanded).toContain('MP_REGISTER_MODULE(MP_QSTR_m, m_module)');
    expect(r.diagnostics).toEqual([]);
    expect(r.model.decls.filter((d) => d.kind === 'registration').map((d) => d.name)).toEqual(['m_module']);
  });

  test("over MicroPython's configuration alone (its version): read as the defaults read it, as before", () => {
    const { expanded, r } = read(module('#if MICROPY_VERSION >= 0x011300'));
    expect(expanded.split('\n').pop()).toBe('');
    expect(expanded).toContain('MP_REGISTER_MODULE(MP_QSTR_m_lite, m_module)');
    expect(r.diagnostics).toEqual([]);
  });
});

test('past 32 combinations of independent tests: each use its own choice, one after the other', () => {
  const entries = [1, 2, 3, 4, 5, 6]
    .map((n) => c(`#ifdef BOARD_${n}`, `#define E${n} X(e${n})`, '#else', `#define E${n} X(n${n})`, '#endif'))
    .join('\n');
  const table = (list: string) =>
    c(
      entries,
      '#define X(n) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(1) },',
      ...(list === 'E1 E2 E3 E4 E5 E6' ? [] : [`#define LIST ${list}`]),
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      `    ${list === 'E1 E2 E3 E4 E5 E6' ? list : 'LIST'}`,
      '};',
    );
  // Written out directly, and through a list macro every build defines alike.
  for (const given of [table('E1 E2 E3 E4 E5 E6'), table('E1  E2 E3 E4 E5 E6')]) {
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const t = r.model.decls.find((d) => d.kind === 'rom_table');
    if (t?.kind !== 'rom_table') throw new Error('no table');
    // Twelve entries (the 64 combinations would be 384), each under the test of its own name.
    const entriesRead = t.items.flatMap((i) =>
      i.kind === 'item' ? [[i.item.key, i.item.cond.map((f) => f.branches.map((b) => b.arg))]] : [],
    );
    expect(entriesRead).toEqual(
      [1, 2, 3, 4, 5, 6].flatMap((n) => [
        [`n${n}`, [[`!defined(BOARD_${n})`]]],
        [`e${n}`, [[`!defined(BOARD_${n})`, '']]],
      ]),
    );
  }
});

test('past 32 combinations inside one use that cannot be cut apart: NMG2032 at the use naming the -D', () => {
  const entries = [1, 2, 3, 4, 5, 6]
    .map((n) => c(`#ifdef BOARD_${n}`, `#define E${n} e${n}`, '#else', `#define E${n} n${n}`, '#endif'))
    .join('\n');
  const given = c(
    entries,
    '#define X(a, b, c, d, e, f) { MP_ROM_QSTR(MP_QSTR_##a), MP_ROM_INT(1) },',
    '#define Y(...) X(__VA_ARGS__)',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    Y(E1, E2, E3, E4, E5, E6)',
    '};',
  );
  const r = extract(given);
  const at = lineCol(given, 'Y(E1');
  expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['NMG2032', at.line, at.col]]);
  expect(r.diagnostics[0].help).toContain('-D BOARD_1=value -D BOARD_2=value');
  const decided = extract(given, { defines: ['BOARD_1=1', 'BOARD_2=1', 'BOARD_3', 'BOARD_4', 'BOARD_5', 'BOARD_6'] });
  expect(decided.diagnostics).toEqual([]);
});
