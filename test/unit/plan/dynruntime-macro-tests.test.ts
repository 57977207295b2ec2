import { generate } from '../../../src/pipeline';
import { dynruntimeMacroDefinitions } from '../../../src/io/reserved';
import { shippedFacts } from '../../../src/facts';
import { c } from '../helpers';

/**
 * `#ifdef mp_obj_new_list`, `defined(m_malloc)`: names the firmware has as functions and
 * py/dynruntime.h as macros. The firmware build reads every such test as undefined; the natmod
 * must take the same branch, unless the module defines the name itself.
 */
const natmodMacros = dynruntimeMacroDefinitions(shippedFacts(), undefined);

const moduleWith = (...body: string[]) =>
  c(
    '#include "py/runtime.h"',
    ...body,
    'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = {',
    '    .base = { &mp_type_module },',
    '    .globals = (mp_obj_dict_t *)&m_globals,',
    '};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

/** The module's directive lines as generated (the lines starting with '#' between its first line and the tables). */
function directives(text: string, defines: string[] = []): string[] {
  const r = generate([{ path: 'm.c', text }], { defines, outDir: 'out', preprocess: { natmodMacros } });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out = r.value[0].text;
  const body = out.slice(out.indexOf('#line 1 '), out.indexOf('static MP_DEFINE_CONST_FUN_OBJ_0(f_obj'));
  return body
    .split('\n')
    .filter((l) => /^\s*#\s*(if|ifdef|ifndef|elif|define)\b/.test(l))
    .map((l) => l.trim().replace(/\s+/g, ' '));
}

describe('tests of names py/dynruntime.h alone makes macros read as in the firmware', () => {
  test.each<[string, { given: string[]; want: string[] }]>([
    [
      '#ifdef and #ifndef',
      {
        given: ['#ifdef mp_obj_new_list', '#endif', '#ifndef mp_obj_get_int', '#endif'],
        want: ['#if 0 /* natmodgen: was ifdef mp_obj_new_list */', '#if 1 /* natmodgen: was ifndef mp_obj_get_int */'],
      },
    ],
    [
      'defined() and defined NAME among other tests, in #if and #elif',
      {
        given: ['#if defined(m_malloc) || defined MICROPY_PY_X', '#elif A && !defined( mp_obj_new_str )', '#endif'],
        want: [
          '#if 0 || defined MICROPY_PY_X /* natmodgen: was if defined(m_malloc) || defined MICROPY_PY_X */',
          '#elif A && !0 /* natmodgen: was elif A && !defined( mp_obj_new_str ) */',
        ],
      },
    ],
    [
      '#elif after a dead branch',
      {
        given: ['#if 0', '#elif !defined(m_malloc)', '#endif', '#if 0', '#elif MICROPY_ENABLE_DYNRUNTIME', '#endif'],
        want: [
          '#if 0',
          '#elif !0 /* natmodgen: was elif !defined(m_malloc) */',
          '#if 0',
          '#elif 0 /* natmodgen: was elif MICROPY_ENABLE_DYNRUNTIME */',
        ],
      },
    ],
    [
      'other names are left alone',
      {
        given: ['#ifdef MP_OBJ_NEW_SMALL_INT', '#endif', '#if defined(my_own) || defined(mp_obj_new_list_x)', '#endif'],
        want: ['#ifdef MP_OBJ_NEW_SMALL_INT', '#if defined(my_own) || defined(mp_obj_new_list_x)'],
      },
    ],
    [
      'a name the module defines itself is its own macro in both builds',
      {
        given: ['#define m_malloc(n) m_malloc_traced(n)', 'void *m_malloc_traced(size_t n);', '#ifdef m_malloc', '#endif'],
        want: ['#define m_malloc(n) m_malloc_traced(n)', '#ifdef m_malloc'],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const text = moduleWith(...given, 'static mp_obj_t f(void) { return mp_const_none; }');
    expect(directives(text)).toEqual(want);
  });

  test('so is a name defined with -D', () => {
    const text = moduleWith('#ifdef mp_obj_new_list', '#endif', 'static mp_obj_t f(void) { return mp_const_none; }');
    expect(directives(text, ['mp_obj_new_list=1'])).toEqual(['#ifdef mp_obj_new_list']);
  });

  test('a table entry under such a test is stored by mpy_init under the firmware-side test', () => {
    const text = moduleWith('static mp_obj_t f(void) { return mp_const_none; }').replace(
      '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },\n',
      '    #ifndef mp_obj_new_list\n    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },\n    #endif\n',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out', preprocess: { natmodMacros } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    const store = out.indexOf('mp_store_global(MP_QSTR_f,');
    expect(store).toBeGreaterThan(0);
    const before = out
      .slice(0, store)
      .split('\n')
      .filter((l) => /^\s*#\s*if/.test(l));
    expect(before[before.length - 1].trim()).toMatch(/^#if 1\b/);
  });
});
