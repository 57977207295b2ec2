import { generate } from '../../../src/pipeline';
import { c } from '../helpers';

/** A type (built at import) in `types.c`, registered by `mod.c` or in one file. */
const typeFile = c(
  '#include "py/runtime.h"',
  'static mp_obj_t t_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) { return mp_const_none; }',
  'MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, t_make_new);',
);
const registration = (extern: boolean) =>
  c(
    '#include "py/runtime.h"',
    ...(extern ? ['extern const mp_obj_type_t t_type;'] : []),
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

describe("a unit's import-time function", () => {
  test('in the mpy_init unit it is static (only mpy_init calls it, and GCC inlines it there)', () => {
    const r = generate([{ path: 'm.c', text: typeFile + registration(false).replace('#include "py/runtime.h"\n', '') }], {
      defines: [],
      outDir: 'out',
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = r.value[0].text;
    const decls = text.split('\n').filter((l) => /\bnatmodgen_init_\d\w*\(void\)/.test(l) && !/^\s/.test(l));
    expect(decls.length).toBeGreaterThan(0);
    for (const l of decls) expect(l).toMatch(/^static void natmodgen_init_/);
    expect(text).toMatch(/^mp_obj_t mpy_init\([^]*\n {4}natmodgen_init_\d\w*\(\);/m);
  });

  test('in another unit it keeps external linkage and the mpy_init unit declares it', () => {
    const r = generate(
      [
        { path: 'mod.c', text: registration(true) },
        { path: 'types.c', text: typeFile },
      ],
      { defines: [], outDir: 'out' },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [mod, types] = r.value.map((f) => f.text);
    const name = /^void (natmodgen_init_\w+)\(void\) \{/m.exec(types)?.[1];
    expect(name).toBeDefined();
    expect(mod).toContain(`\nvoid ${name}(void);\n`);
    expect(mod).toMatch(new RegExp(`\\n {4}${name}\\(\\);`));
  });
});
