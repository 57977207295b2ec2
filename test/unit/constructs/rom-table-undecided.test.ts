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

/** A module whose globals come from an X-macro list that an #if over the build's configuration defines. */
function listOut(defines: string[]): string {
  const text = c(
    '#include "py/runtime.h"',
    '#if MICROPY_PY_BUILTINS_FLOAT',
    '#define LIST X(sine, 1) X(cosine, 2)',
    '#else',
    '#define LIST X(isqrt, 3)',
    '#endif',
    'static const mp_rom_map_elem_t g[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '#define X(n, v) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(v) },',
    '    LIST',
    '#undef X',
    '};',
    'static MP_DEFINE_CONST_DICT(gd, g);',
    'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
  );
  const r = generate([{ path: 'm.c', text }], { defines, outDir: 'out' });
  expect(r.diagnostics).toEqual([]);
  return r.value
    .find((f) => f.rel === 'm.c')!
    .text.split('\n')
    .filter((l) => /^#(if|else|elif|endif)|mp_store_global\(MP_QSTR_(sine|cosine|isqrt)/.test(l.trim()))
    .map((l) => l.trim())
    .join('\n');
}

describe('X-macro entry lists an undecidable #if defines', () => {
  test('each branch under its own test, for the compiler to choose (not the last branch)', () => {
    expect(listOut([])).toContain(
      [
        '#if !(MICROPY_PY_BUILTINS_FLOAT)',
        'mp_store_global(MP_QSTR_isqrt, MP_OBJ_NEW_SMALL_INT(3));',
        '#else',
        'mp_store_global(MP_QSTR_sine, MP_OBJ_NEW_SMALL_INT(1));',
        'mp_store_global(MP_QSTR_cosine, MP_OBJ_NEW_SMALL_INT(2));',
        '#endif',
      ].join('\n'),
    );
  });
  test('decided by -D: that branch alone', () => {
    const out = listOut(['MICROPY_PY_BUILTINS_FLOAT=1']);
    expect(out).toContain('mp_store_global(MP_QSTR_sine, MP_OBJ_NEW_SMALL_INT(1));');
    expect(out).not.toContain('isqrt');
    expect(out).not.toContain('MICROPY_PY_BUILTINS_FLOAT)');
  });
});

describe('type slot lists an undecidable #if defines', () => {
  test('the slots of each branch under its own test; the slot pairs stay whole; a pair every branch has is set once', () => {
    const text = c(
      '#include "py/runtime.h"',
      'static void p(const mp_print_t *print, mp_obj_t o, mp_print_kind_t k) {}',
      'static mp_obj_t u(mp_unary_op_t op, mp_obj_t o) { return MP_OBJ_NULL; }',
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define SLOTS print, p, unary_op, u',
      '#else',
      '#define SLOTS print, p',
      '#endif',
      'static MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE, SLOTS);',
      'static const mp_rom_map_elem_t g[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },',
      '};',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const lines = r.value
      .find((f) => f.rel === 'm.c')!
      .text.split('\n')
      .map((l) => l.trim())
      .filter((l) => /^#(if|else|endif)\b.*BUILTINS_FLOAT|^#else$|^#endif$|MP_OBJ_TYPE_SET_SLOT\(.*(print|unary_op)/.test(l));
    // The pair both branches have is set once, before the #if.
    const at = lines.indexOf('#if !(MICROPY_PY_BUILTINS_FLOAT)');
    expect(at).toBeGreaterThanOrEqual(1);
    expect(lines.slice(at - 1, at + 4).map((l) => l.replace(/natmodgen_\w+/g, 'T'))).toEqual([
      'MP_OBJ_TYPE_SET_SLOT(&T, print, p, T);',
      '#if !(MICROPY_PY_BUILTINS_FLOAT)',
      '#else',
      'MP_OBJ_TYPE_SET_SLOT(&T, unary_op, u, T);',
      '#endif',
    ]);
    expect(lines.filter((l) => l.includes('print, p'))).toHaveLength(1);
  });
});

/**
 * hostile fixture viamacros' shape: every entry through a macro that ends it with its own comma (so
 * the whole table is one list item), one of them defined by an #if.
 */
function storeLines(cond: string[], defines: string[] = []): string[] {
  const text = c(
    '#include "py/runtime.h"',
    ...cond,
    '#define E(k, v) { MP_ROM_QSTR(MP_QSTR_##k), v },',
    '#if WIDE',
    '#define VARYING E(wide, mp_const_true)',
    '#else',
    '#define VARYING E(narrow, mp_const_true) E(narrower, mp_const_false)',
    '#endif',
    'static const mp_rom_map_elem_t g[] = {',
    '    E(__name__, MP_ROM_QSTR(MP_QSTR_m))',
    '    E(before, MP_ROM_INT(1))',
    '    E(nested, MP_ROM_PTR(&mp_type_tuple))',
    '    VARYING',
    '    E(after, MP_ROM_INT(2))',
    '    { MP_ROM_QSTR(MP_QSTR_written), MP_ROM_INT(3) },',
    '};',
    'static MP_DEFINE_CONST_DICT(gd, g);',
    'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
  );
  const r = generate([{ path: 'm.c', text }], { defines, outDir: 'out' });
  expect(r.diagnostics).toEqual([]);
  const out = r.value.find((f) => f.rel === 'm.c')!.text;
  const body = out.slice(out.indexOf('static void natmodgen_store_globals_m(void) {'));
  return body
    .slice(0, body.indexOf('\n}'))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^#(if|elif|else|endif)|^mp_store_global\(MP_QSTR_/.test(l))
    .map((l) => l.replace(/^mp_store_global\(MP_QSTR_(\w+),.*/, '$1'));
}

describe('an undecidable #if in a list: only what it varies is under it', () => {
  test('entries every branch has are written once, outside the #if (was: the whole table under it)', () => {
    expect(storeLines(['#define WIDE MICROPY_PY_BUILTINS_FLOAT'])).toEqual([
      '__name__',
      'before',
      'nested',
      '#if !(WIDE)',
      'narrow',
      'narrower',
      '#else',
      'wide',
      '#endif',
      'after',
      'written',
    ]);
  });
  test('a module default (#ifndef WIDE / #define WIDE (1)) is what the compiler takes: no #if', () => {
    const dflt = ['#ifndef WIDE', '#define WIDE (1)', '#endif'];
    expect(storeLines(dflt)).toEqual(['__name__', 'before', 'nested', 'wide', 'after', 'written']);
    // -D given to natmodgen, as to the build, overrides it.
    expect(storeLines(dflt, ['WIDE=0'])).toEqual(['__name__', 'before', 'nested', 'narrow', 'narrower', 'after', 'written']);
  });
});

describe('a construct written through a macro (construct-macros) with a list an undecidable #if defines', () => {
  test('the list stays for the construct to read: each branch under its test (was: the last branch for every build)', () => {
    const text = c(
      '#include "py/runtime.h"',
      'static void p(const mp_print_t *print, mp_obj_t o, mp_print_kind_t k) {}',
      'static mp_obj_t u(mp_unary_op_t op, mp_obj_t o) { return MP_OBJ_NULL; }',
      '#define TYPE(name, qname, ...) MP_DEFINE_CONST_OBJ_TYPE(name, MP_QSTR_##qname, MP_TYPE_FLAG_NONE, __VA_ARGS__)',
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define SLOTS print, p, unary_op, u',
      '#else',
      '#define SLOTS print, p',
      '#endif',
      'static TYPE(t_type, T, SLOTS);',
      'static const mp_rom_map_elem_t g[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },',
      '};',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const lines = r.value
      .find((f) => f.rel === 'm.c')!
      .text.split('\n')
      .map((l) => l.trim())
      .filter((l) => /^#(if|else|endif)\b.*BUILTINS_FLOAT|^#else$|^#endif$|MP_OBJ_TYPE_SET_SLOT\(.*(print|unary_op)/.test(l));
    const at = lines.indexOf('#if !(MICROPY_PY_BUILTINS_FLOAT)');
    expect(at).toBeGreaterThanOrEqual(1);
    expect(lines.slice(at - 1, at + 4).map((l) => l.replace(/natmodgen_\w+/g, 'T'))).toEqual([
      'MP_OBJ_TYPE_SET_SLOT(&T, print, p, T);',
      '#if !(MICROPY_PY_BUILTINS_FLOAT)',
      '#else',
      'MP_OBJ_TYPE_SET_SLOT(&T, unary_op, u, T);',
      '#endif',
    ]);
  });

  test('a construct macro that undecidable branches define (a registration per MicroPython version) still converts', () => {
    const text = c(
      '#include "py/runtime.h"',
      '#if MICROPY_VERSION >= 0x011300',
      '#define REG(n, o) MP_REGISTER_MODULE(MP_QSTR_##n, o)',
      '#else',
      '#define REG(n, o) MP_REGISTER_MODULE(MP_QSTR_##n, o, 1)',
      '#endif',
      'static const mp_rom_map_elem_t g[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '};',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'REG(m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    expect(r.value.find((f) => f.rel === 'm.c')!.text).toContain('registration of module m is built by mpy_init');
  });
});
