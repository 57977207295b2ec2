import { resolveModule } from '../../../src/resolve';
import { models } from '../helpers';

const MODULE = [
  '#include "py/runtime.h"',
  'static mp_obj_t f(void) {',
  '    gc_collect();',
  '    mp_obj_print(mp_const_none, PRINT_REPR);',
  '    mp_sched_lock();',
  '    mp_my_helper();',
  '    return mp_obj_new_int(mp_hal_ticks_ms());',
  '}',
  'static void mp_my_helper(void) {}',
  'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
  'static const mp_rom_map_elem_t t[] = { { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) } };',
  'static MP_DEFINE_CONST_DICT(d, t);',
  'const mp_obj_module_t m = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&d };',
  'MP_REGISTER_MODULE(MP_QSTR_m, m);',
  '',
].join('\n');

describe('the natmod API check (with a MicroPython tree)', () => {
  test('calls of runtime functions outside the API are located; defined ones and those natmodgen\'s runtime provides are not', () => {
    const api = new Set(['mp_obj_new_int', 'mp_raise_ValueError']);
    const r = resolveModule(models([MODULE]), new Map(), api);
    const calls = r.diagnostics.filter((d) => d.code === 'NMG3001').map((d) => [d.message.split("'")[1], d.span?.line, d.span?.col]);
    expect(calls).toEqual([
      ['gc_collect', 3, 5],
      ['mp_sched_lock', 5, 5],
    ]);
  });

  test('without an API nothing beyond the built-in list is reported', () => {
    const r = resolveModule(models([MODULE]));
    expect(r.diagnostics.filter((d) => d.code === 'NMG3001')).toEqual([]);
  });
});
