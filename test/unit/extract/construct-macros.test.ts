import { expandConstructMacros } from '../../../src/extract/construct-macros';
import { c } from '../helpers';

/** File-scope uses of the module's macros that write a construct are expanded in place, on their own lines. */
describe('expandConstructMacros', () => {
  const defs = c(
    '#define NAME(x) mod_##x',
    '#define TABLE(n) static const mp_rom_map_elem_t NAME(n##_table)[]',
    '#define REG(q, o) MP_REGISTER_MODULE(MP_QSTR_##q, NAME(o))',
    '#define FUN(n) static MP_DEFINE_CONST_FUN_OBJ_0(NAME(n##_obj), NAME(n))',
    '#define STATIC static',
    '#define COUNTER(n, v) static int n = v;',
    '#define CACHE(b) static uint8_t b[8] = {1}',
    '#define ONCE(x) do { static bool done; if (!done) { done = true; x; } } while (0)',
    '#define NAMES(n) static const qstr n[] = { MP_QSTR_a }',
    '#define LIMITS(n) static const int n[] = { 1, 2 }',
    '#define STATE(n) mp_int_t n = 42',
    '#define PROTO(n) static int n(void)',
    '#define KINDS(n) static const kind_t n[] = { { &mp_type_int, 1 } }',
    '#define HANDLER(n) static void n(void) { static int k = 1; k++; }',
    '#define LOCAL_TYPE(n) static MP_DEFINE_CONST_OBJ_TYPE(n, MP_QSTR_L, MP_TYPE_FLAG_NONE)',
    '#define AUTO_STR(n) MP_DEFINE_STR_OBJ(n, "a")',
  );

  test.each<[string, { given: string; want: string }]>([
    ['a table head', { given: 'TABLE(globals) = {\n};', want: 'static const mp_rom_map_elem_t mod_globals_table[] = {\n};' }],
    [
      'a registration over two lines keeps the line count',
      { given: 'REG(mod,\n    module);', want: 'MP_REGISTER_MODULE(MP_QSTR_mod, mod_module)\n;' },
    ],
    ['a function object helper stays for the compiler', { given: 'FUN(f);', want: 'FUN(f);' }],
    ['STATIC stays', { given: 'STATIC int x;', want: 'STATIC int x;' }],
    ['a use inside a function stays', { given: 'void g(void) { TABLE(t) = {}; }', want: 'void g(void) { TABLE(t) = {}; }' }],
    ['a whole static local', { given: 'void g(void) { COUNTER(n, 5) n++; }', want: 'void g(void) { static int n = 5; n++; }' }],
    [
      'a static local array without a semicolon',
      { given: 'void g(void) {\n  CACHE(b);\n}', want: 'void g(void) {\n  static uint8_t b[8] = {1};\n}' },
    ],
    [
      'a static local in a block the macro writes',
      {
        given: 'void g(void) { ONCE(f()); }',
        want: 'void g(void) { do { static bool done; if (!done) { done = true; f(); } } while (0); }',
      },
    ],
    ['a constant local of qstrs', { given: 'void g(void) { NAMES(q); }', want: 'void g(void) { static const qstr q[] = { MP_QSTR_a }; }' }],
    ['a constant local of numbers stays', { given: 'void g(void) { LIMITS(l); }', want: 'void g(void) { LIMITS(l); }' }],
    [
      'a static type a MicroPython macro defines in a function',
      {
        given: 'void g(void) { LOCAL_TYPE(t); }',
        want: 'void g(void) { static MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_L, MP_TYPE_FLAG_NONE); }',
      },
    ],
    [
      'an automatic object a MicroPython macro defines stays',
      { given: 'void g(void) { AUTO_STR(s); }', want: 'void g(void) { AUTO_STR(s); }' },
    ],
    ['initialised data at file scope', { given: 'STATE(s);', want: 'mp_int_t s = 42;' }],
    ['static data at file scope', { given: 'CACHE(b);', want: 'static uint8_t b[8] = {1};' }],
    [
      'a constant table of firmware types at file scope',
      { given: 'KINDS(k);', want: 'static const kind_t k[] = { { &mp_type_int, 1 } };' },
    ],
    ['a constant table of numbers at file scope stays', { given: 'LIMITS(l);', want: 'LIMITS(l);' }],
    ['a prototype stays', { given: 'PROTO(p);', want: 'PROTO(p);' }],
    ['a function the macro writes stays', { given: 'HANDLER(h)', want: 'HANDLER(h)' }],
    ['under #if 0 stays', { given: '#if 0\nREG(m, o);\n#endif', want: '#if 0\nREG(m, o);\n#endif' }],
  ])('%s', (_n, { given, want }) => {
    const text = `${defs}${given}\n`;
    const out = expandConstructMacros('m.c', text, []);
    expect(out.split('\n').length).toBe(text.split('\n').length);
    expect(out.slice(defs.length)).toBe(`${want}\n`);
  });

  test("the macros of a header the file includes, with no #define of the file's own", () => {
    const text = '#include "defs.h"\nvoid g(void) { COUNT(n); n++; }\n';
    const env = { includeDirs: ['/m'], readFile: (f: string) => (f === '/m/defs.h' ? '#define COUNT(n) static int n = 1\n' : undefined) };
    expect(expandConstructMacros('/m/m.c', text, [], env)).toBe('#include "defs.h"\nvoid g(void) { static int n = 1; n++; }\n');
  });

  test('a file without macros is returned as it is', () => {
    const text = 'static const mp_rom_map_elem_t t[] = {};\n';
    expect(expandConstructMacros('m.c', text, [])).toBe(text);
  });
});
