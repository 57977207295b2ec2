import { natmodConfigMacros, versionMacros } from '../../../src/model/firmware';
import { analyse } from '../../../src/pipeline';
import { evaluateCondition, lexPP, preprocess } from '../../../src/preprocess';

/** py/mpconfig.h's version macros, as a natmod built against a tree of that version sees them. */
describe('versionMacros', () => {
  const valueOf = (version: string, expr: string) => {
    const pp = preprocess('m.c', '', { defines: versionMacros(version) });
    return evaluateCondition(lexPP(expr), pp.lookupAt(Infinity));
  };

  test.each<[string, { version: string; expr: string; want: number }]>([
    ['MICROPY_VERSION of 1.28.0', { version: '1.28.0', expr: 'MICROPY_VERSION', want: 0x011c00 }],
    ['a v1.19 test', { version: '1.28.0', expr: 'MICROPY_VERSION >= 0x011300', want: 1 }],
    ['MICROPY_MAKE_VERSION', { version: '1.28.0', expr: 'MICROPY_VERSION < MICROPY_MAKE_VERSION(1, 22, 0)', want: 0 }],
    ['the minor number', { version: '1.28.0', expr: 'MICROPY_VERSION_MINOR == 28', want: 1 }],
    ['a preview release', { version: '1.29.0-preview', expr: 'MICROPY_VERSION_PRERELEASE', want: 1 }],
  ])('%s', (_n, { version, expr, want }) => expect(valueOf(version, expr)).toBe(want));

  test('no macros for a version that is not major.minor.micro', () => expect(versionMacros('unknown')).toEqual([]));
});

describe('natmodConfigMacros', () => {
  test('the object representation of every natmod build is A', () => {
    const pp = preprocess('m.c', '', { defines: natmodConfigMacros() });
    const value = (expr: string) => evaluateCondition(lexPP(expr), pp.lookupAt(Infinity));
    expect([value('MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A'), value('MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D')]).toEqual([1, 0]);
  });

  test("a module's macros defined per object representation are read as the natmod build has them (ulab's float constants)", () => {
    const text = [
      '#include "py/obj.h"',
      '#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B',
      '#define DEF_FLOAT(id, num) const mp_obj_float_t id##_obj = {{&mp_type_float}, (num)}',
      '#define REF_FLOAT(id) MP_ROM_PTR(&id##_obj)',
      '#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D',
      '#define DEF_FLOAT(id, num) const uint64_t id = 5',
      '#define REF_FLOAT(id) {id}',
      '#endif',
      'DEF_FLOAT(half, 0.5);',
      'static const mp_rom_map_elem_t t[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_half), REF_FLOAT(half) },',
      '};',
      '',
    ].join('\n');
    const a = analyse([{ path: 'm.c', text }]);
    const decls = a.value.models[0].decls;
    expect(decls.filter((d) => d.kind === 'runtime_obj').map((d) => d.name)).toEqual(['half_obj']);
    const table = decls.find((d) => d.kind === 'rom_table');
    expect(table?.kind === 'rom_table' && table.items.map((e) => (e.kind === 'item' ? e.item.value.kind : e.kind))).toEqual(['ptr']);
  });
});
