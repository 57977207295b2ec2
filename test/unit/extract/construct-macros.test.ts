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
    ['under #if 0 stays', { given: '#if 0\nREG(m, o);\n#endif', want: '#if 0\nREG(m, o);\n#endif' }],
  ])('%s', (_n, { given, want }) => {
    const text = `${defs}${given}\n`;
    const out = expandConstructMacros('m.c', text, []);
    expect(out.split('\n').length).toBe(text.split('\n').length);
    expect(out.slice(defs.length)).toBe(`${want}\n`);
  });

  test('a file without macros is returned as it is', () => {
    const text = 'static const mp_rom_map_elem_t t[] = {};\n';
    expect(expandConstructMacros('m.c', text, [])).toBe(text);
  });
});
