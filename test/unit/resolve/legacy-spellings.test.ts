import { resolveModule } from '../../../src/resolve';
import { c, declsOf, models } from '../helpers';

// Calls in macro bodies are checked by extract/calls.ts (tests in api-check.test.ts).

describe('older spellings (MicroPython v1.12-v1.18)', () => {
  test('a struct-initialiser type with the empty name MP_QSTR_', () => {
    const [t] = declsOf(
      c('const mp_obj_type_t f_type = {', '    { &mp_type_type },', '    .name = MP_QSTR_,', '    .call = f_call,', '};'),
      'obj_type',
    );
    expect(t && [t.name, t.typeName, t.slots.map((s) => (s.kind === 'item' ? s.item.slot : s.text))]).toEqual(['f_type', '', ['call']]);
  });

  test('a struct-initialiser type reads as the MP_DEFINE_CONST_OBJ_TYPE it became', () => {
    const src = c(
      'const mp_obj_type_t t_type = {',
      '    { &mp_type_type },',
      '    .name = MP_QSTR_T,',
      '    .print = t_print,',
      '    .getiter = mp_identity_getiter,',
      '    .iternext = t_next,',
      '    .buffer_p = { .get_buffer = t_buf },',
      '    .locals_dict = (mp_obj_dict_t *)&t_locals,',
      '};',
    );
    const [t] = declsOf(src, 'obj_type');
    expect(
      t && {
        name: t.name,
        typeName: t.typeName,
        flags: t.flags,
        slots: t.slots.map((s) => (s.kind === 'item' ? `${s.item.slot}=${s.item.value}` : s.text)),
      },
    ).toEqual({
      name: 't_type',
      typeName: 'T',
      flags: 'MP_TYPE_FLAG_ITER_IS_ITERNEXT',
      slots: ['print=t_print', 'buffer=t_buf', 'locals_dict=&t_locals', 'iter=t_next'],
    });
  });

  test('mp_map_elem_t tables with MP_OBJ_NEW_QSTR keys and (mp_obj_t)&obj values', () => {
    const src = c(
      'STATIC const mp_map_elem_t t[] = {',
      '    { MP_OBJ_NEW_QSTR(MP_QSTR_f), (mp_obj_t)&f_obj },',
      '    { MP_OBJ_NEW_QSTR(MP_QSTR_n), MP_OBJ_NEW_SMALL_INT(3) },',
      '    { MP_OBJ_NEW_QSTR(MP_QSTR_z), mp_const_none },',
      '};',
    );
    const [t] = declsOf(src, 'rom_table', { defines: ['STATIC=static'] });
    expect(t.isStatic).toBe(true);
    expect(t.items.map((it) => (it.kind === 'item' ? [it.item.key, it.item.value.kind] : []))).toEqual([
      ['f', 'ptr'],
      ['n', 'int'],
      ['z', 'none'],
    ]);
  });

  test('MP_OBJ_FROM_PTR(&obj) values in an mp_rom_map_elem_t table read as MP_ROM_PTR(&obj) (dmazzella/ucryptography)', () => {
    const src = c(
      'static const mp_rom_map_elem_t t[] = {',
      '    { MP_ROM_QSTR(MP_QSTR_f), MP_OBJ_FROM_PTR(&f_obj) },',
      '    { MP_ROM_QSTR(MP_QSTR_g), MP_ROM_PTR(&g_obj) },',
      '};',
    );
    const [t] = declsOf(src, 'rom_table');
    expect(t.items.map((it) => (it.kind === 'item' && it.item.value.kind === 'ptr' ? [it.item.key, it.item.value.target] : []))).toEqual([
      ['f', 'f_obj'],
      ['g', 'g_obj'],
    ]);
  });

  test('a mutable mp_map_elem_t array is not a table', () => {
    expect(declsOf(c('static mp_map_elem_t t[] = { { MP_OBJ_NEW_QSTR(MP_QSTR_f), mp_const_none } };'), 'rom_table')).toEqual([]);
  });

  test.each<[string, { third: string; want: number }]>([
    ['3-argument MP_REGISTER_MODULE registers', { third: '1', want: 1 }],
    ['... an enable switch the module defines', { third: 'MOD_ON', want: 1 }],
    ['... not when the switch is 0', { third: 'MOD_OFF', want: 0 }],
  ])('%s', (_n, { third, want }) => {
    const src = c('#define MOD_ON (1)', '#define MOD_OFF (0)', `MP_REGISTER_MODULE(MP_QSTR_m, m_module, ${third});`);
    expect(declsOf(src, 'registration').length).toBe(want);
  });
});

describe('NMG2001 names the files searched', () => {
  test('with several inputs, all are listed and the first is the location', () => {
    const r = resolveModule(models([c('int a;'), c('int b;')]));
    const d = r.diagnostics.find((x) => x.code === 'NMG2001');
    expect(d?.span?.file).toBe('unit0.c');
    expect(d?.message).toContain('unit0.c, unit1.c');
  });
});
