import { c, declsOf, extract } from '../helpers';
import { expandConstructMacros } from '../../../src/extract/construct-macros';
import { extractFile } from '../../../src/constructs';
import { parseFile } from '../../../src/parse/parser';

/** Constructs written through the module's own macros are read as the compiler sees them. */
describe("extract through the module's macros", () => {
  const entry = (k: string, v: string) => `{ MP_ROM_QSTR(MP_QSTR_${k}), ${v} },`;

  test.each<[string, { given: string; defines?: string[]; want: { name: string; isStatic: boolean; keys: string[] } }]>([
    [
      'STATIC defined by the module',
      {
        given: c('#define STATIC static', 'STATIC const mp_rom_map_elem_t t[] = {', entry('a', 'MP_ROM_INT(1)'), '};'),
        want: { name: 't', isStatic: true, keys: ['a'] },
      },
    ],
    [
      'STATIC from -D',
      {
        given: c('STATIC const mp_rom_map_elem_t t[] = {', entry('a', 'MP_ROM_INT(1)'), '};'),
        defines: ['STATIC=static'],
        want: { name: 't', isStatic: true, keys: ['a'] },
      },
    ],
    [
      'X-macro entries',
      {
        given: c(
          '#define LIST(X) X(A, 1) X(B, 2)',
          '#define E(n, v) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(v) },',
          'static const mp_rom_map_elem_t t[] = {',
          entry('first', 'MP_ROM_INT(0)'),
          'LIST(E)',
          '};',
        ),
        want: { name: 't', isStatic: true, keys: ['first', 'A', 'B'] },
      },
    ],
    [
      'an entry under an #if false by -D is dropped',
      {
        given: c(
          'static const mp_rom_map_elem_t t[] = {',
          entry('a', 'MP_ROM_INT(1)'),
          '#if MOD_EXTRA',
          entry('b', 'MP_ROM_PTR(&nowhere_obj)'),
          '#endif',
          '};',
        ),
        defines: ['MOD_EXTRA=0'],
        want: { name: 't', isStatic: true, keys: ['a'] },
      },
    ],
    [
      "an entry under an #if false by the file's own macro is dropped",
      {
        given: c(
          '#define MOD_EXTRA (0)',
          'static const mp_rom_map_elem_t t[] = {',
          entry('a', 'MP_ROM_INT(1)'),
          '#if MOD_EXTRA',
          entry('b', 'MP_ROM_INT(2)'),
          '#endif',
          '};',
        ),
        want: { name: 't', isStatic: true, keys: ['a'] },
      },
    ],
  ])('%s', (_n, { given, defines, want }) => {
    const [t] = declsOf(given, 'rom_table', { defines });
    expect(t && { name: t.name, isStatic: t.isStatic, keys: t.items.flatMap((it) => (it.kind === 'item' ? [it.item.key] : [])) }).toEqual(
      want,
    );
  });

  test('X-macro entry values are the expansion, located at the use site', () => {
    const given = c(
      '#define E(n, v) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(v * 2) },',
      'static const mp_rom_map_elem_t t[] = {',
      'E(A, 3)',
      '};',
    );
    const [t] = declsOf(given, 'rom_table');
    const item = t.items[0];
    expect(item.kind === 'item' && item.item.value).toMatchObject({ kind: 'int', expr: '3*2', span: { line: 3, col: 1 } });
  });

  test('a slot and its value from a macro', () => {
    const given = c(
      '#define SUBSCR subscr, my_subscr,',
      'MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, my_new, SUBSCR locals_dict, &d);',
    );
    const r = extract(given);
    const [t] = r.model.decls.filter((d) => d.kind === 'obj_type');
    expect(r.diagnostics).toEqual([]);
    expect(t.kind === 'obj_type' && t.slots.map((s) => (s.kind === 'item' ? `${s.item.slot}=${s.item.value}` : s.text))).toEqual([
      'make_new=my_new',
      'subscr=my_subscr',
      'locals_dict=&d',
    ]);
  });

  test('slot pairs from a macro written after a value (its expansion starts with a comma), and a value in a macro', () => {
    const given = c(
      '#define PRINT_SLOT , print, my_print',
      '#define MY_NEW my_new',
      'MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, MY_NEW PRINT_SLOT, locals_dict, &d);',
    );
    const r = extract(given);
    const [t] = r.model.decls.filter((d) => d.kind === 'obj_type');
    expect(r.diagnostics).toEqual([]);
    expect(t.kind === 'obj_type' && t.slots.map((s) => (s.kind === 'item' ? `${s.item.slot}=${s.item.value}` : s.text))).toEqual([
      'make_new=my_new',
      'print=my_print',
      'locals_dict=&d',
    ]);
  });

  test('#if defined(MP_DEFINE_CONST_OBJ_TYPE) picks the current API; its #else (a pre-v1.20 struct) is dropped', () => {
    const given = c(
      '#include "py/obj.h"',
      '#if defined(MP_DEFINE_CONST_OBJ_TYPE)',
      '#define SUBSCR subscr, my_subscr,',
      'MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, my_new, SUBSCR locals_dict, &d);',
      '#else',
      'const mp_obj_type_t t = { { &mp_type_type }, .flags = MP_TYPE_FLAG_EXTENDED, .name = MP_QSTR_T, .make_new = my_new };',
      '#endif',
      '#ifndef MP_OBJ_TYPE_GET_SLOT',
      'int old_api;',
      '#endif',
    );
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const types = r.model.decls.filter((d) => d.kind === 'obj_type');
    expect(types.map((t) => (t.kind === 'obj_type' ? t.slots.map((s) => (s.kind === 'item' ? s.item.slot : s.text)) : []))).toEqual([
      ['make_new', 'subscr', 'locals_dict'],
    ]);
    const old = r.file.src.text.indexOf('int old_api');
    expect(r.model.decls.some((d) => d.span.start <= old && old < d.span.end)).toBe(false);
  });

  test('a slot value that is a macro the compiler can expand stays as written', () => {
    const given = c('#define MY_PRINT my_print', 'MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, print, MY_PRINT);');
    const [t] = declsOf(given, 'obj_type');
    expect(t.slots.map((s) => (s.kind === 'item' ? s.item.value : ''))).toEqual(['MY_PRINT']);
  });

  test('function objects defined by a helper macro (py/modmath.c MATH_FUN_1 style)', () => {
    const given = c(
      '#define FUN_1(py, c) \\',
      '    static mp_obj_t mod_##py(mp_obj_t x) { return c(x); } \\',
      '    static MP_DEFINE_CONST_FUN_OBJ_1(mod_##py##_obj, mod_##py);',
      'FUN_1(sin, do_sin)',
      'FUN_1(cos, do_cos)',
    );
    const objs = declsOf(given, 'fun_obj');
    expect(objs.map((o) => [o.name, o.isStatic, o.span.line])).toEqual([
      ['mod_sin_obj', true, 4],
      ['mod_cos_obj', true, 5],
    ]);
  });

  test.each<[string, { given: string; kind: string; name: string }]>([
    [
      'an exception',
      { given: c('#define EXC(n, b) MP_DEFINE_EXCEPTION(n, b)', 'EXC(MyError, ValueError)'), kind: 'obj_type', name: 'MyError' },
    ],
    [
      'a static method object',
      {
        given: c('#define SM(n, f) static MP_DEFINE_CONST_STATICMETHOD_OBJ(n, MP_ROM_PTR(&f))', 'SM(m_obj, f_obj);'),
        kind: 'runtime_obj',
        name: 'm_obj',
      },
    ],
    [
      'a root pointer',
      { given: c('#define ROOT(decl) MP_REGISTER_ROOT_POINTER(decl)', 'ROOT(mp_obj_t my_cache);'), kind: 'root_pointer', name: '' },
    ],
  ])("%s defined by the module's macro: written out for the constructs to read (as generate does)", (_name, { given, kind }) => {
    expect(declsOf(given, kind as never).length).toBe(0);
    expect(declsOf(expandConstructMacros('input.c', given, []), kind as never).length).toBe(1);
  });

  test('attribute-like and STATIC macros before a module object', () => {
    const given = c(
      '#define STATIC static',
      '#define API',
      'API STATIC const mp_obj_module_t m = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
    );
    const [m] = declsOf(given, 'module_obj');
    expect(m && [m.name, m.isStatic]).toEqual(['m', true]);
  });
});

describe('switches the preprocessor decides', () => {
  const src = c('#include "py/cstack.h"', 'static void f(void) { mp_cstack_check(); }');
  test.each<[string, { defines: string[]; want: boolean }]>([
    ["mp_cstack_check needs natmodgen's probe", { defines: [], want: true }],
    ['-D MICROPY_STACK_CHECK=1 too', { defines: ['MICROPY_STACK_CHECK=1'], want: true }],
    [
      '-D MICROPY_STACK_CHECK=0: py/cstack.h defines it as a no-op, so no second definition',
      { defines: ['MICROPY_STACK_CHECK=0'], want: false },
    ],
  ])('%s', (_n, { defines, want }) => expect(extract(src, { defines }).model.usesStackCheck).toBe(want));

  // The call written in a header of the module (a macro of its own) is a call of the unit that includes it;
  // MicroPython's own headers, found when -I names the tree, only declare the check.
  const headers: Record<string, string> = {
    '/m/chk.h': '#include "py/stackctrl.h"\n#define CHK() MP_STACK_CHECK()\n',
    '/m/inl.h': 'static inline void chk(void) { mp_cstack_check(); }\n',
    '/mpy/py/cstack.h': 'void mp_cstack_check(void);\n',
    '/mpy/py/stackctrl.h': '#define MP_STACK_CHECK() mp_stack_check()\n',
  };
  test.each<[string, { given: string; want: boolean }]>([
    ["a macro of the module's header", { given: c('#include "chk.h"', 'static void f(void) { CHK(); }'), want: true }],
    ["an inline function of the module's header", { given: c('#include "inl.h"', 'static void f(void) { chk(); }'), want: true }],
    ["MicroPython's headers alone", { given: c('#include "py/runtime.h"', '#include "py/stackctrl.h"', 'static int x;'), want: false }],
  ])('%s', (_n, { given, want }) => {
    const file = parseFile('/m/input.c', given);
    const env = { includeDirs: ['/mpy'], readFile: (f: string) => headers[f] };
    const model = extractFile(file, 0, [], env).value;
    expect(model.usesStackCheck).toBe(want);
    // MP_STACK_CHECK() of a header calls the runtime's mp_stack_check, which gen then puts in the natmod
    expect(model.runtimeNames.includes('mp_stack_check')).toBe(given.includes('chk.h'));
  });
});

describe("the module's macros natmodgen's own code hides", () => {
  test("a module's fallback definition of a MicroPython macro is not the module's own (MicroPython's stays visible)", () => {
    const given = c(
      '#include "py/runtime.h"',
      '#if defined(MICROPY_VERSION_MINOR) && MICROPY_VERSION_MINOR == 11',
      '#define MP_ERROR_TEXT(x) x',
      '#endif',
      '#define SCALE 5',
    );
    expect(extract(given).model.userMacros).toEqual(['SCALE']);
  });
});

describe("table values through the module's macros", () => {
  test("a value written as the module's macro is read from its expansion (ulab's ULAB_REFERENCE_FLOAT_CONST)", () => {
    const given = c(
      '#define DEF_FLOAT(id, num) const mp_obj_float_t id##_obj = {{&mp_type_float}, (num)}',
      '#define REF_FLOAT(id) MP_ROM_PTR(&id##_obj)',
      '#define SEVEN MP_ROM_INT(7)',
      'DEF_FLOAT(half, 0.5);',
      'static const mp_rom_map_elem_t t[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_half), REF_FLOAT(half) },',
      '    { MP_ROM_QSTR(MP_QSTR_seven), SEVEN },',
      '    { MP_ROM_QSTR(MP_QSTR_odd), NOT_A_MACRO(x) },',
      '};',
    );
    const [t] = declsOf(given, 'rom_table');
    expect(
      t.items.flatMap((e) =>
        e.kind === 'item' ? [[e.item.key, e.item.value.kind, e.item.value.kind === 'ptr' ? e.item.value.target : '']] : [],
      ),
    ).toEqual([
      ['half', 'ptr', 'half_obj'],
      ['seven', 'int', ''],
      ['odd', 'unknown', ''],
    ]);
    expect(declsOf(given, 'runtime_obj').map((d) => d.name)).toEqual(['half_obj']);
  });
});

describe('alternatives of one definition under #if / #else', () => {
  const table = (name: string, key: string) =>
    c(`static const mp_rom_map_elem_t ${name}[] = {`, `{ MP_ROM_QSTR(MP_QSTR_${key}), MP_ROM_INT(1) },`, '};');
  const given = (fallback: string) =>
    c(
      '#ifndef ALT_FAST',
      `#define ALT_FAST (${fallback})`,
      '#endif',
      '#if ALT_FAST',
      table('t', 'fast'),
      '#else',
      table('t', 'slow'),
      '#endif',
    );
  const keys = (text: string, defines: string[] = []) =>
    declsOf(text, 'rom_table', { defines }).map((t) => t.items.flatMap((it) => (it.kind === 'item' ? [it.item.key] : [])));

  test.each<[string, { text: string; defines?: string[]; want: string[][] }]>([
    ['the #ifndef default is 1: the #if branch', { text: given('1'), want: [['fast']] }],
    ['the #ifndef default is 0: the #else branch', { text: given('0'), want: [['slow']] }],
    ['-D overrides the default', { text: given('0'), defines: ['ALT_FAST=1'], want: [['fast']] }],
    [
      'a condition natmodgen cannot decide keeps both',
      { text: c('#if MICROPY_PY_X', table('t', 'a'), '#else', table('t', 'b'), '#endif'), want: [['a'], ['b']] },
    ],
  ])('%s', (_n, { text, defines, want }) => expect(keys(text, defines)).toEqual(want));

  test('alternative registrations of differently named modules: the default one', () => {
    const reg = (n: string) => `MP_REGISTER_MODULE(MP_QSTR_${n}, m_module);`;
    const text = c('#ifndef NEW_API', '#define NEW_API 0', '#endif', '#if NEW_API', reg('mod'), '#else', reg('mod_legacy'), '#endif');
    expect(declsOf(text, 'registration').map((r) => r.moduleName)).toEqual(['mod_legacy']);
  });
});
