import { generate, MPVERSION_HEADER } from '../../../src/pipeline';
import { c } from '../helpers';

/** A module that may include the firmware build's version header (extmod/modplatform.c does). */
const source = (include: boolean) =>
  c(
    '#include "py/runtime.h"',
    ...(include ? ['#include "genhdr/mpversion.h"'] : []),
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

describe('genhdr/mpversion.h beside the outputs', () => {
  test.each([
    [true, ['m.c', MPVERSION_HEADER]],
    [false, ['m.c']],
  ])('included: %s', (include, files) => {
    let asked = 0;
    const mpversion = () => {
      asked++;
      return '#define MICROPY_GIT_TAG "v0"\n';
    };
    const r = generate([{ path: 'm.c', text: source(include) }], { defines: [], outDir: 'out', mpversion });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.value.map((f) => f.rel)).toEqual(files);
    // The header is made only for a module that includes it.
    expect(asked).toBe(include ? 1 : 0);
    if (include) expect(r.value[1].text).toBe('#define MICROPY_GIT_TAG "v0"\n');
  });
});
