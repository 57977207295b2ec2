import { generate } from '../../../src/pipeline';
import { c } from '../helpers';

/**
 * A firmware module's globals are MP_DEFINE_CONST_DICT's, a fixed map: py/objmodule.c refuses
 * stores and deletes (`mod.x = 1` raises AttributeError) and mp_obj_dict_store raises TypeError.
 * mpy_init makes the natmod's globals fixed too, after the last thing it stores there.
 */
const source = c(
  '#include "py/runtime.h"',
  'static mp_obj_t m_init(void) { return mp_const_none; }',
  'static MP_DEFINE_CONST_FUN_OBJ_0(m_init_obj, m_init);',
  'static mp_obj_t m_getattr(mp_obj_t attr) { return mp_const_none; }',
  'static MP_DEFINE_CONST_FUN_OBJ_1(m_getattr_obj, m_getattr);',
  'static const mp_rom_map_elem_t m_globals_table[] = {',
  '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
  '    { MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&m_init_obj) },',
  '    { MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&m_getattr_obj) },',
  '};',
  'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
  'const mp_obj_module_t m_module = {',
  '    .base = { &mp_type_module },',
  '    .globals = (mp_obj_dict_t *)&m_globals,',
  '};',
  'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
);

test('mpy_init fixes the module globals once, after every store and the __init__ call', () => {
  const r = generate([{ path: 'm.c', text: source }], { defines: [], outDir: 'out' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const text = r.value[0].text;
  const body = text.slice(text.indexOf('mp_obj_t mpy_init('), text.indexOf('MP_DYNRUNTIME_INIT_EXIT'));
  const fixed = body.split('\n').filter((l) => /map\.is_fixed = 1;/.test(l));
  expect(fixed).toEqual(['    natmodgen_globals->map.is_fixed = 1;']);
  // the module's globals, read before MP_DYNRUNTIME_INIT_ENTRY swaps them in
  expect(body.indexOf('mp_obj_dict_t *natmodgen_globals = self->context->module.globals;')).toBeGreaterThan(0);
  expect(body.indexOf('natmodgen_globals = self->context->module.globals')).toBeLessThan(body.search(/^\s*MP_DYNRUNTIME_INIT_ENTRY$/m));
  const at = body.indexOf('map.is_fixed = 1;');
  const lastStore = Math.max(
    body.lastIndexOf('mp_store_global('),
    body.lastIndexOf('natmodgen_store_globals_'),
    body.lastIndexOf('m_init_obj'),
  );
  expect(lastStore).toBeGreaterThan(0);
  expect(at).toBeGreaterThan(lastStore);
});
