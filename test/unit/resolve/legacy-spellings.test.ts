import { resolveModule } from '../../../src/resolve';
import { c, declsOf, extract, models, PRELUDE } from '../helpers';

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

  test('the struct MP_DEFINE_CONST_OBJ_TYPE expands to, written out: slot_index_ fields number the .slots values', () => {
    const src = c(
      'const mp_obj_type_t t_type = {',
      '    .base = { &mp_type_type },',
      '    .flags = MP_TYPE_FLAG_ITER_IS_ITERNEXT,',
      '    .name = MP_QSTR_T,',
      '    .slot_index_make_new = 2,',
      '    .slot_index_print = 0,',
      '    .slot_index_iter = 3,',
      '    .slot_index_locals_dict = 1,',
      '    .slots = { (void *)&t_locals, t_make_new, t_next },',
      '};',
    );
    const { model, diagnostics } = extract(src);
    const [t] = model.decls.filter((d) => d.kind === 'obj_type');
    expect(diagnostics).toEqual([]);
    expect(t && [t.typeName, t.flags, t.slots.map((s) => (s.kind === 'item' ? `${s.item.slot}=${s.item.value}` : s.text))]).toEqual([
      'T',
      'MP_TYPE_FLAG_ITER_IS_ITERNEXT',
      ['locals_dict=(void *)&t_locals', 'make_new=t_make_new', 'iter=t_next'],
    ]);
  });

  test('the same struct as an mp_obj_full_type_t (its name is then of that type)', () => {
    const src = c(
      'static const mp_obj_full_type_t r_type = {',
      '    .base = { &mp_type_type },',
      '    .flags = MP_TYPE_FLAG_NONE,',
      '    .name = MP_QSTR_Raw,',
      '    .slot_index_make_new = 1,',
      '    .slot_index_print = 2,',
      '    .slots = { (const void *)r_make_new, (const void *)r_print },',
      '};',
    );
    const { model, diagnostics } = extract(src);
    const [t] = model.decls.filter((d) => d.kind === 'obj_type');
    expect(diagnostics).toEqual([]);
    expect(
      t && [t.name, t.typeName, t.full, t.isStatic, t.slots.map((s) => (s.kind === 'item' ? `${s.item.slot}=${s.item.value}` : s.text))],
    ).toEqual(['r_type', 'Raw', true, true, ['make_new=(const void *)r_make_new', 'print=(const void *)r_print']]);
  });

  test('positional flags and name, after the base or a designated base', () => {
    for (const base of ['{ &mp_type_type }', '.base = { &mp_type_type }']) {
      const { model, diagnostics } = extract(c(`static const mp_obj_type_t p_type = { ${base}, MP_TYPE_FLAG_NONE, MP_QSTR_Plain };`));
      const [t] = model.decls.filter((d) => d.kind === 'obj_type');
      expect(diagnostics).toEqual([]);
      expect(t && [t.name, t.typeName, t.flags, t.slots]).toEqual(['p_type', 'Plain', 'MP_TYPE_FLAG_NONE', []]);
    }
  });

  test('a slot_index_ without its .slots value, or not a number, is a located error', () => {
    const src = c(
      'const mp_obj_type_t t_type = {',
      '    .base = { &mp_type_type },',
      '    .name = MP_QSTR_T,',
      '    .slot_index_print = 2,',
      '    .slot_index_call = N,',
      '    .slots = { t_print },',
      '};',
    );
    const { model, diagnostics } = extract(src);
    expect(model.decls.filter((d) => d.kind === 'obj_type')).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ['NMG2010', 5, 'malformed slot_index_call: expected a decimal slot number'],
      ['NMG2010', 4, 'malformed slot_index_print: .slots has no value 2'],
    ]);
  });

  test("STATIC (the module's macro for static) before a keyword table in a function: the table is built per call", () => {
    const src = c(
      '#define STATIC static',
      'STATIC mp_obj_t f(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {',
      '    STATIC const mp_arg_t allowed_args[] = {',
      '        { MP_QSTR_width, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },',
      '    };',
      '    return mp_const_none;',
      '}',
    );
    const [t] = declsOf(src, 'arg_table');
    expect(t && [t.name, t.atFileScope, t.staticSpan && src.slice(t.staticSpan.start, t.staticSpan.end)]).toEqual([
      'allowed_args',
      false,
      'STATIC',
    ]);
  });

  test('STATIC before constant objects of firmware types (a tuple struct, static and class methods)', () => {
    const src = c(
      PRELUDE,
      '#define STATIC static',
      'STATIC const mp_obj_tuple_t t = {',
      '    {&mp_type_tuple},',
      '    2,',
      '    {MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_QSTR(MP_QSTR_x)}',
      '};',
      'STATIC const mp_rom_obj_static_class_method_t m_obj = {{&mp_type_staticmethod}, MP_ROM_PTR(&f_obj)};',
      'static const mp_rom_obj_static_class_method_t n_obj = {{&mp_type_classmethod}, MP_ROM_PTR(&f_obj)};',
    );
    const objs = declsOf(src, 'runtime_obj');
    expect(objs.map((o) => [o.name, o.cType, o.baseType, o.isStatic, o.items ?? null])).toEqual([
      ['t', 'mp_obj_tuple_t', 'tuple', true, ['MP_OBJ_NEW_SMALL_INT(2)', 'MP_OBJ_NEW_QSTR(MP_QSTR_x)']],
      ['m_obj', 'mp_rom_obj_static_class_method_t', 'staticmethod', true, null],
      ['n_obj', 'mp_rom_obj_static_class_method_t', 'classmethod', true, null],
    ]);
  });

  test('STATIC before a type tree-sitter does not know (`STATIC mp_int_t x;`, which it splits in two): static data all the same', () => {
    const src = c(
      '#define STATIC static',
      'STATIC mp_int_t h_zeroed;',
      'STATIC mp_int_t h_one = 1;',
      'int f(void) {',
      '    STATIC mp_uint_t calls;',
      '    return ++calls + h_zeroed + h_one;',
      '}',
    );
    const data = declsOf(src, 'writable_data');
    expect(data.map((d) => [d.name, d.isStatic, src.slice(d.span.start, d.span.end)])).toEqual([
      ['h_zeroed', true, 'STATIC mp_int_t h_zeroed;'],
      ['h_one', true, 'STATIC mp_int_t h_one = 1;'],
    ]);
    const locals = declsOf(src, 'static_local');
    expect(locals.map((d) => [d.name, src.slice(d.span.start, d.span.end)])).toEqual([['calls', 'STATIC mp_uint_t calls;']]);
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
