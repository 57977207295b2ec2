import { generate } from '../../../src/pipeline';
import { preprocessModule } from '../../../src/extract/module-pp';
import { c } from '../helpers';

/**
 * Names the module's macros paste: the generated unit must give them the meaning the firmware
 * build does, after the compiler has expanded the macro's arguments.
 */
const source = c(
  '#include "py/runtime.h"',
  '#include "py/objexcept.h"',
  '#define CAT_(a, b) a##b',
  '#define CAT(a, b) CAT_(a, b)',
  '#define STATE(n) MP_STATE_VM(CAT(m_, n))',
  '#define RAISE(t, text) mp_raise_msg(&mp_type_##t, MP_ERROR_TEXT(text))',
  '#define EXC(name, base) MP_DEFINE_EXCEPTION(name, base)',
  'MP_REGISTER_ROOT_POINTER(mp_obj_t m_kept);',
  'EXC(MError, OSError);',
  'static mp_obj_t m_keep(mp_obj_t x) {',
  '    if (x == mp_const_none) {',
  '        RAISE(ZeroDivisionError, "none");',
  '    }',
  '    STATE(kept) = x;',
  '    return STATE(kept);',
  '}',
  'static MP_DEFINE_CONST_FUN_OBJ_1(m_keep_obj, m_keep);',
  'static const mp_rom_map_elem_t m_globals_table[] = {',
  '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
  '    { MP_ROM_QSTR(MP_QSTR_keep), MP_ROM_PTR(&m_keep_obj) },',
  '    { MP_ROM_QSTR(MP_QSTR_MError), MP_ROM_PTR(&mp_type_MError) },',
  '};',
  'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
  'const mp_obj_module_t m_module = {',
  '    .base = { &mp_type_module },',
  '    .globals = (mp_obj_dict_t *)&m_globals,',
  '};',
  'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
);

function output(): string {
  const r = generate([{ path: 'm.c', text: source }], { defines: [], outDir: 'out' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value[0].text;
}

test('MP_STATE_VM of a name a macro pastes reaches the root pointer, as py/mpstate.h expands its argument first', () => {
  const text = output() + 'natmodgen_probe STATE(kept)\n';
  const pp = preprocessModule('m.c', text, {}, []);
  const at = pp.tokens.findIndex((t) => t.text === 'natmodgen_probe');
  const expanded = pp.expandAt(pp.tokens.slice(at + 1, at + 5), pp.tokens[at].start).tokens.map((t) => t.text);
  expect(expanded).toContain('natmodgen_root_m_kept');
});

test('builtin types reached only through pasting (an exception base, a raise macro) are looked up in builtins', () => {
  const text = output();
  expect(text).toMatch(/#define mp_type_OSError \(.*natmodgen_builtin\(MP_QSTR_OSError\)/);
  expect(text).toMatch(/#define mp_type_ZeroDivisionError \(.*natmodgen_builtin\(MP_QSTR_ZeroDivisionError\)/);
});
