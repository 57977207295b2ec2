import { generate } from '../../../src/pipeline';
import { dynruntimeMacroDefinitions } from '../../../src/io/reserved';
import { shippedFacts } from '../../../src/facts';
import { c } from '../helpers';

/**
 * A module built from the firmware's own sources (py/objarray.c, py/objstringio.c): types and
 * functions under the firmware's names.
 */
const natmodMacros = dynruntimeMacroDefinitions(shippedFacts(), undefined);

const moduleWith = (...before: string[]) =>
  c(
    '#include "py/runtime.h"',
    ...before,
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_array), MP_ROM_PTR(&mp_type_array) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = {',
    '    .base = { &mp_type_module },',
    '    .globals = (mp_obj_dict_t *)&m_globals,',
    '};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

function gen(text: string, defines: string[] = []): string {
  const r = generate([{ path: 'm.c', text }], { defines, outDir: 'out', preprocess: { natmodMacros } });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value[0].text;
}

const types = [
  'static mp_obj_t a_make_new(const mp_obj_type_t *t, size_t n, size_t k, const mp_obj_t *a) { return mp_const_none; }',
  'const mp_obj_type_t mp_type_array;',
  'MP_DEFINE_CONST_OBJ_TYPE(mp_type_array, MP_QSTR_array, MP_TYPE_FLAG_NONE, make_new, a_make_new);',
  'MP_DEFINE_CONST_OBJ_TYPE(mp_type_bytearray, MP_QSTR_bytearray, MP_TYPE_FLAG_NONE, make_new, a_make_new);',
  'static bool is_bytearray(mp_obj_t o) { return mp_obj_is_type(o, &mp_type_bytearray); }',
];

describe('types under firmware names', () => {
  test("a type named as one the natmod reaches in the firmware (bytearray) stays the firmware's by name", () => {
    const out = gen(moduleWith(...types));
    // The module's own array type is aliased to its storage; bytearray is not.
    expect(out).toMatch(/#define mp_type_array \(\*\(mp_obj_type_t \*\)&natmodgen_type_\w*mp_type_array\)/);
    expect(out).not.toMatch(/#define mp_type_bytearray \(\*\(mp_obj_type_t \*\)&natmodgen_type_/);
  });

  test('a type in a branch the preprocessor drops is not read (no NMG2009 for a slot macro there)', () => {
    const dropped = [
      '#if MICROPY_PY_X',
      'MP_DEFINE_CONST_OBJ_TYPE(t_x, MP_QSTR_x, MP_TYPE_FLAG_NONE, X_SLOTS make_new, a_make_new);',
      '#endif',
    ];
    const r = generate([{ path: 'm.c', text: moduleWith(...types, ...dropped) }], { defines: ['MICROPY_PY_X=0'], outDir: 'out' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('NMG2009');
  });
});

describe('functions under names py/dynruntime.h makes macros', () => {
  test("the file's definition and calls are its own: dynruntime's macro is set aside around them", () => {
    const out = gen(
      moduleWith(
        ...types,
        'mp_obj_t mp_obj_new_bytearray_by_ref(size_t n, void *items) { (void)n; (void)items; return mp_const_none; }',
        'static mp_obj_t use(void) { return mp_obj_new_bytearray_by_ref(0, NULL); }',
      ),
    );
    const push = out.indexOf('#pragma push_macro("mp_obj_new_bytearray_by_ref")');
    const undef = out.indexOf('#undef mp_obj_new_bytearray_by_ref');
    const def = out.indexOf('mp_obj_t mp_obj_new_bytearray_by_ref(size_t n');
    const pop = out.indexOf('#pragma pop_macro("mp_obj_new_bytearray_by_ref")');
    expect(push).toBeGreaterThan(0);
    expect(undef).toBeGreaterThan(push);
    expect(def).toBeGreaterThan(undef);
    expect(pop).toBeGreaterThan(def);
  });

  test('a definition in a dropped branch sets nothing aside', () => {
    const out = gen(
      moduleWith(
        ...types,
        '#if MICROPY_PY_X',
        'mp_obj_t mp_obj_new_bytearray_by_ref(size_t n, void *items) { return mp_const_none; }',
        '#endif',
      ),
      ['MICROPY_PY_X=0'],
    );
    expect(out).not.toContain('push_macro("mp_obj_new_bytearray_by_ref")');
  });
});

describe("a type under a firmware type's name that mpy_ld links (dict)", () => {
  const dict = [
    'static mp_obj_t d_make_new(const mp_obj_type_t *t, size_t n, size_t k, const mp_obj_t *a) { return mp_const_none; }',
    'MP_DEFINE_CONST_OBJ_TYPE(mp_type_dict, MP_QSTR_dict, MP_TYPE_FLAG_NONE, make_new, d_make_new);',
    'MP_DEFINE_CONST_OBJ_TYPE(mp_type_ordereddict, MP_QSTR_OrderedDict, MP_TYPE_FLAG_NONE, make_new, d_make_new, parent, &mp_type_dict);',
  ];

  test("the module's copy does not take the firmware's symbol, so &mp_type_dict stays the firmware's", () => {
    const out = gen(moduleWith(...types, ...dict));
    expect(out).not.toMatch(/__asm__\("mp_type_dict"\)/);
    expect(out).not.toMatch(/#define mp_type_dict\b/);
    // A type of the module's own keeps its symbol.
    expect(out).toMatch(/__asm__\("mp_type_ordereddict"\)/);
  });
});

describe('seek offsets (mp_off_t)', () => {
  const SIGNED = /#include "py\/mpconfig.h"\n#undef mp_off_t\ntypedef intptr_t mp_off_t;\n(?:.*\n)*?#include "py\/dynruntime.h"/;

  test('a unit that reaches py/stream.h seeks gets the signed mp_off_t every port has, ahead of dynruntime.h', () => {
    const seek = [
      'static mp_uint_t s_ioctl(mp_obj_t o, mp_uint_t req, uintptr_t arg, int *err) {',
      '    struct mp_stream_seek_t *s = (struct mp_stream_seek_t *)arg;',
      '    return s->offset < 0 ? 1 : 0;',
      '}',
    ];
    expect(gen(moduleWith(...types, ...seek))).toMatch(SIGNED);
  });

  test('a unit that does not keeps the header dynruntime.mk gives it', () => {
    expect(gen(moduleWith(...types))).not.toMatch(/typedef intptr_t mp_off_t/);
  });
});
