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

describe('objects a macro defines in a function (`static` outside the macro, the name inside)', () => {
  const module = (...body: string[]): string =>
    c(
      '#include "py/runtime.h"',
      '#define MKSTR(n, s) static MP_DEFINE_STR_OBJ(n, s)',
      'static MP_DEFINE_STR_OBJ(s_obj, "file");',
      'static mp_obj_t g(mp_obj_t x) { return x; }',
      ...body,
      'static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);',
      'static const mp_rom_map_elem_t m_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },',
      '};',
      'static MP_DEFINE_CONST_DICT(m_globals, m_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
  const objects = (text: string) =>
    declsOf(text, 'static_local').flatMap((d) =>
      d.vars.map((v) => ({
        fn: d.functionName,
        name: v.name,
        object: v.object?.baseType,
        uses: v.uses.map((u) => text.slice(u.start - 1, u.end)),
      })),
    );

  test.each<[string, { body: string[]; want: Array<{ fn: string; name: string; object?: string; uses: string[] }> }]>([
    [
      'strings and bytes, written out or through the module macro; the uses are the function own, by block scope',
      {
        body: [
          'static mp_obj_t f(mp_obj_t a) {',
          '    static MP_DEFINE_STR_OBJ(s_obj, "local");',
          '    static MP_DEFINE_BYTES_OBJ(b_obj, "\\x01", 1);',
          '    MKSTR(w_obj, "wrapped");',
          '    { static MP_DEFINE_STR_OBJ(s_obj, "inner"); a = MP_OBJ_FROM_PTR(&s_obj); }',
          '    return mp_obj_new_tuple(3, (mp_obj_t[]){MP_OBJ_FROM_PTR(&s_obj), MP_OBJ_FROM_PTR(&b_obj), MP_OBJ_FROM_PTR(&w_obj)});',
          '}',
        ],
        want: [
          { fn: 'f', name: 's_obj', object: 'str', uses: ['&s_obj'] },
          { fn: 'f', name: 'b_obj', object: 'bytes', uses: ['&b_obj'] },
          { fn: 'f', name: 'w_obj', object: 'str', uses: ['&w_obj'] },
          { fn: 'f_2', name: 's_obj', object: 'str', uses: ['&s_obj'] },
        ],
      },
    ],
    [
      'an automatic object (no static) is a value of the function: left as written',
      {
        body: ['static mp_obj_t f(mp_obj_t a) {', '    MP_DEFINE_STR_OBJ(s_obj, "auto");', '    return MP_OBJ_FROM_PTR(&s_obj);', '}'],
        want: [],
      },
    ],
    [
      'function objects move when a moved static names them; a table is the static local the dict names',
      {
        body: [
          'static mp_obj_t f(mp_obj_t a) {',
          '    static MP_DEFINE_CONST_FUN_OBJ_1(g_obj, g);',
          '    static MP_DEFINE_CONST_FUN_OBJ_1(h_obj, g);',
          '    static MP_DEFINE_CONST_STATICMETHOD_OBJ(sm_obj, MP_ROM_PTR(&g_obj));',
          '    static const mp_rom_map_elem_t d_table[] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_PTR(&h_obj) } };',
          '    static MP_DEFINE_CONST_DICT(d_obj, d_table);',
          '    return MP_OBJ_FROM_PTR(&sm_obj);',
          '}',
        ],
        want: [
          // Both named by moved statics (the static method, the table): moved with them, no use left in the function.
          { fn: 'f', name: 'g_obj', uses: [] },
          { fn: 'f', name: 'h_obj', uses: [] },
          { fn: 'f', name: 'sm_obj', object: 'staticmethod', uses: ['&sm_obj'] },
          { fn: 'f', name: 'd_table', uses: [' d_table'] },
        ],
      },
    ],
  ])('%s', (_name, { body, want }) => {
    expect(objects(module(...body))).toEqual(want.map((w) => ({ ...w, object: w.object })));
  });

  test('the natmod gets storage before the function, built by mpy_init; values naming moved statics name their storage', () => {
    const text = module(
      'static mp_obj_t f(mp_obj_t a) {',
      '    static MP_DEFINE_CONST_FUN_OBJ_1(g_obj, g);',
      '    static MP_DEFINE_STR_OBJ(s_obj, "local");',
      '    static MP_DEFINE_CONST_STATICMETHOD_OBJ(sm_obj, MP_ROM_PTR(&g_obj));',
      '    static const mp_rom_obj_tuple_t t_obj = {{&mp_type_tuple}, 2, {MP_ROM_PTR(&s_obj), MP_ROM_PTR(&sm_obj)}};',
      '    static const mp_rom_map_elem_t d_table[] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_PTR(&s_obj) } };',
      '    static MP_DEFINE_CONST_DICT(d_obj, d_table);',
      '    return a == mp_const_none ? MP_OBJ_FROM_PTR(&t_obj) : MP_OBJ_FROM_PTR(&d_obj);',
      '}',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    const body = out.slice(out.indexOf('static mp_obj_t f(mp_obj_t a) {'), out.indexOf('static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);'));
    const before = out.slice(0, out.indexOf('static mp_obj_t f(mp_obj_t a) {'));
    // Moved out of the function, under names of their own; the file-scope s_obj keeps its own.
    expect(before).toMatch(/static MP_DEFINE_CONST_FUN_OBJ_1\((natmodgen_\w+_f_g_obj), ?g\);/);
    expect(before).toMatch(/mp_obj_str_t natmodgen_\w+_1_f_s_obj;/);
    expect(before).toMatch(/_f_sm_obj_initial = \{\{NULL\}, MP_ROM_PTR\(&natmodgen_\w+_1_f_g_obj\)\};/);
    expect(before).toMatch(/\(mp_obj_t\)\(MP_ROM_PTR\(&natmodgen_\w+_1_f_s_obj\)\),/);
    expect(before).toMatch(/\{ MP_ROM_QSTR\(MP_QSTR_a\), MP_ROM_PTR\(&natmodgen_\w+_1_f_s_obj\) \}/);
    expect(body).not.toMatch(/MP_DEFINE_STR_OBJ|MP_DEFINE_CONST_FUN_OBJ_1\(|mp_type_tuple/);
    expect(body).toMatch(/static MP_DEFINE_CONST_DICT\(d_obj, natmodgen_\w+_1_f_d_table\);/);
    // No #define leaks a local name to the rest of the file (the file-scope s_obj has its own).
    expect(out).not.toMatch(/#define (g_obj|sm_obj|t_obj|d_table)\b/);
    expect(out.match(/#define s_obj .*/g)).toEqual([expect.stringMatching(/^#define s_obj natmodgen_\w+_s_obj$/)]);
  });
});
