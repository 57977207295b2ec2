import { generate } from '../../../src';
import { c, declsOf } from '../helpers';

describe('extractVisibilityPragmas', () => {
  test.each<[string, { given: string; want: string[] }]>([
    ['push(hidden)', { given: '#pragma GCC visibility push(hidden)\nint x;\n#pragma GCC visibility pop\n', want: ['hidden'] }],
    [
      'spaced, internal and protected',
      { given: '#  pragma  GCC visibility push ( internal )\n#pragma GCC visibility push(protected)\n', want: ['internal', 'protected'] },
    ],
    ['push(default) and pop stay', { given: '#pragma GCC visibility push(default)\n#pragma GCC visibility pop\n', want: [] }],
    ['other pragmas stay', { given: '#pragma once\n#pragma GCC diagnostic push\n#pragma pack(push, 1)\n', want: [] }],
    ['under a false #if: not compiled', { given: '#if 0\n#pragma GCC visibility push(hidden)\n#endif\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(declsOf(given, 'visibility_pragma').map((d) => d.name)).toEqual(want);
  });

  test('gen pushes default visibility where the module pushes hidden, and keeps the pop', () => {
    const text = c(
      '#include "py/runtime.h"',
      '#pragma GCC visibility push(hidden)',
      'int counter = 5;',
      '#pragma GCC visibility pop',
      'static mp_obj_t get(void) { return mp_obj_new_int(counter); }',
      'static MP_DEFINE_CONST_FUN_OBJ_0(get_obj, get);',
      'static const mp_rom_map_elem_t g[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&get_obj) },',
      '};',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const out = r.value.find((f) => f.rel === 'm.c')!.text;
    expect(out).toMatch(/^#pragma GCC visibility push\(default\) \/\* natmodgen: was push\(hidden\)/m);
    expect(out).not.toMatch(/^#pragma GCC visibility push\(hidden\)/m);
    expect(out).toMatch(/^#pragma GCC visibility pop$/m);
  });
});
