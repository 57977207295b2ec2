import { generate } from '../../../src';
import { c } from '../helpers';

/** A module whose globals name a qstr through a macro an #if chain over the build's configuration defines. */
function globalsOut(entries: string[]): string {
  const text = c(
    '#include "py/runtime.h"',
    '#if !MICROPY_PY_BUILTINS_FLOAT',
    '#define KIND MP_QSTR_none',
    '#elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE',
    '#define KIND MP_QSTR_double',
    '#else',
    '#define KIND MP_QSTR_single',
    '#endif',
    '#define ALWAYS MP_QSTR_fixed',
    '#define KV(k, v) { MP_ROM_QSTR(MP_QSTR_##k), v },',
    'static const mp_rom_map_elem_t g[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    ...entries,
    '};',
    'static MP_DEFINE_CONST_DICT(gd, g);',
    'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
  );
  const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
  expect(r.diagnostics).toEqual([]);
  return r.value.find((f) => f.rel === 'm.c')!.text;
}

describe('ROM table values: a qstr macro only undecidable branches define', () => {
  test('written directly, after an X-macro entry, and through the X-macro: the compiler picks', () => {
    const out = globalsOut([
      '    KV(first, MP_ROM_INT(1))',
      '    { MP_ROM_QSTR(MP_QSTR_direct), MP_ROM_QSTR(KIND) },',
      '    KV(viakv, MP_ROM_QSTR(KIND))',
    ]);
    expect(out).toContain('mp_store_global(MP_QSTR_direct, MP_OBJ_NEW_QSTR(KIND));');
    expect(out).toContain('mp_store_global(MP_QSTR_viakv, MP_OBJ_NEW_QSTR(KIND));');
    expect(out).not.toContain('MP_OBJ_NEW_QSTR(MP_QSTR_single)');
  });
  test('a qstr macro defined once is read as its qstr', () => {
    const out = globalsOut(['    { MP_ROM_QSTR(MP_QSTR_plain), MP_ROM_QSTR(ALWAYS) },']);
    expect(out).toContain('mp_store_global(MP_QSTR_plain, MP_OBJ_NEW_QSTR(MP_QSTR_fixed));');
  });
});
