import { generate } from '../../../src/pipeline';
import { c, declsOf } from '../helpers';

const fn = (...body: string[]): string => c('static mp_obj_t f(mp_obj_t a) {', ...body.map((l) => `    ${l}`), '    return a;', '}');

describe('extractStaticLocals', () => {
  test.each<[string, { given: string; want: Array<{ name: string; specifiers: string; template: string; init?: string }> }]>([
    [
      'a static int with an initializer',
      { given: fn('static int calls = 0;'), want: [{ name: 'calls', specifiers: 'int', template: '%s', init: '0' }] },
    ],
    [
      'a static array without one',
      { given: fn('static uint8_t buf[16];'), want: [{ name: 'buf', specifiers: 'uint8_t', template: '%s[16]' }] },
    ],
    [
      'a pointer to const',
      { given: fn('static const char *last = NULL;'), want: [{ name: 'last', specifiers: 'const char', template: '*%s', init: 'NULL' }] },
    ],
    [
      'an unsized array of pointers to const',
      {
        given: fn('static const char *names[] = {"a"};'),
        want: [{ name: 'names', specifiers: 'const char', template: '*%s[]', init: '{"a"}' }],
      },
    ],
    [
      'in a nested block',
      { given: fn('if (a) {', '    static int inner;', '}'), want: [{ name: 'inner', specifiers: 'int', template: '%s' }] },
    ],
    ['static const is read-only', { given: fn('static const int k = 1;'), want: [] }],
    ['a const pointer is read-only', { given: fn('static char *const p = NULL;'), want: [] }],
    ['an automatic variable is not static', { given: fn('int n = 1;'), want: [] }],
    ['a file-scope static is not local', { given: 'static int file_counter;\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    const vars = declsOf(given, 'static_local').flatMap((d) =>
      d.vars.map((v) => ({
        name: v.name,
        specifiers: d.specifiers,
        template: v.template,
        ...(v.init !== undefined ? { init: v.init } : {}),
      })),
    );
    expect(vars).toEqual(want);
  });

  test('function name and span; the condition is the one around the function', () => {
    const given = c('#if MICROPY_PY_F', fn('static int calls;'), '#endif');
    const [d] = declsOf(given, 'static_local');
    expect(d.functionName).toBe('f');
    expect(given.slice(d.functionSpan.start, d.functionSpan.end)).toBe(fn('static int calls;').trimEnd());
    expect(given.slice(d.span.start, d.span.end)).toBe('static int calls;');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_F' }] }]);
  });

  // Under `#if` in a function body the declaration is a child of preproc_if, not of the
  // block (see also test/unit/queries/fixtures/static-local--in-conditional.c).
  test('a static local under #if in a function body is found', () => {
    expect(declsOf(fn('#if MICROPY_PY_F', 'static uint8_t buf[16];', '#endif'), 'static_local').map((d) => d.name)).toEqual(['buf']);
  });

  test('several static locals in one declaration are each found', () => {
    expect(declsOf(fn('static int a1, a2 = 2;'), 'static_local').flatMap((d) => d.vars.map((v) => [v.name, v.init]))).toEqual([
      ['a1', undefined],
      ['a2', '2'],
    ]);
  });

  describe('the identifiers that refer to it (C scoping)', () => {
    const usesIn = (given: string): string[] =>
      declsOf(given, 'static_local').flatMap((d) =>
        d.vars.flatMap((v) => v.uses.map((u) => `${v.name}@${given.slice(0, u.start).split('\n').length}`)),
      );
    test.each<[string, { given: string; want: string[] }]>([
      ['every later use in the function', { given: fn('static int n;', 'n++;', 'a = n ? a : a;'), want: ['n@3', 'n@4'] }],
      ['not a struct field of the same name', { given: fn('static int n;', 'n = s.n + p->n;'), want: ['n@3'] }],
      ['not a designator of the same name', { given: fn('static int n;', 'struct S s = { .n = n };'), want: ['n@3'] }],
      [
        'not inside a block that declares the name again, but after it',
        { given: fn('static int n;', '{', '    int n = 2;', '    a = n;', '}', 'n++;'), want: ['n@7'] },
      ],
      [
        'not a for loop variable of the same name',
        { given: fn('static int n;', 'for (int n = 0; n < 2; n++) a = n;', 'n++;'), want: ['n@4'] },
      ],
      [
        'not the parameter it shadows, outside its block',
        { given: fn('{', '    static int a;', '    a++;', '}', 'a = a;'), want: ['a@4'] },
      ],
      ['in an array size and under sizeof', { given: fn('static int n;', 'char buf[sizeof n];', 'int m[n];'), want: ['n@3', 'n@4'] }],
    ])('%s', (_name, { given, want }) => {
      expect(usesIn(given)).toEqual(want);
    });
  });
});

describe('a constant tuple in a function (its type is a run-time value, its items a flexible array member)', () => {
  const text = c(
    '#include "py/obj.h"',
    'static mp_obj_t one(mp_obj_t a) { return a; }',
    'static MP_DEFINE_CONST_FUN_OBJ_1(one_obj, one);',
    'static mp_obj_t pick(mp_obj_t i) {',
    '    static const mp_rom_obj_tuple_t table = {{&mp_type_tuple}, 2, {MP_ROM_PTR(&one_obj), MP_ROM_INT(5)}};',
    '    return (mp_obj_t)table.items[mp_obj_get_int(i)];',
    '}',
    'static MP_DEFINE_CONST_FUN_OBJ_1(pick_obj, pick);',
    'static const mp_rom_map_elem_t g_table[] = {{MP_ROM_QSTR(MP_QSTR_pick), MP_ROM_PTR(&pick_obj)}};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t m_module = {.base = {&mp_type_module}, .globals = (mp_obj_dict_t *)&g};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

  test('is a static local holding its items', () => {
    expect(declsOf(text, 'static_local').map((d) => d.vars.map((v) => [v.name, v.tupleItems]))).toEqual([
      [['table', ['MP_ROM_PTR(&one_obj)', 'MP_ROM_INT(5)']]],
    ]);
  });

  test('mpy_init builds it and the function reads the built tuple through its own type', () => {
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    expect(out).toMatch(/= mp_obj_new_tuple\(2, natmodgen_items\);/);
    expect(out).toMatch(/\(mp_obj_t\)\(MP_ROM_PTR\(&one_obj\)\),\s*\(mp_obj_t\)\(MP_ROM_INT\(5\)\),/);
    expect(out).toMatch(/return \(mp_obj_t\)\(\*\(const mp_rom_obj_tuple_t \*\)MP_OBJ_TO_PTR\(natmodgen_\w+_pick_table\)\)\.items\[/);
    expect(out).not.toContain('{{&mp_type_tuple}');
  });

  test("an argument table in a function stays arg-table's", () => {
    const args = fn('static const mp_arg_t allowed[] = {{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} }};');
    expect(declsOf(args, 'static_local')).toEqual([]);
  });

  test('a constant float object in a function is copied in at import (no flexible member)', () => {
    const f = fn('static const my_float_t half = {{&mp_type_float}, 0.5};');
    expect(declsOf(f, 'static_local').map((d) => d.vars.map((v) => [v.name, v.runtimeInit]))).toEqual([[['half', true]]]);
  });
});
