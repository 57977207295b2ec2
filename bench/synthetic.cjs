/**
 * A synthetic user C module of a chosen size: `classes` classes, each with `perClass`
 * methods (a locals table, a print slot, an arg table) and a module globals table naming
 * every class and a free function per class. Valid MicroPython C: it converts without
 * errors, so a benchmark times the whole pipeline, not an early refusal.
 */
function syntheticModule({ classes = 320, perClass = 9, name = 'nmg_synth' } = {}) {
  const out = ['// Synthetic module for natmodgen benchmarks.', '#include "py/runtime.h"', ''];
  const globals = [];
  for (let c = 0; c < classes; c++) {
    const T = `synth_c${c}`;
    out.push(`typedef struct _${T}_obj_t {`, '    mp_obj_base_t base;', '    mp_int_t value;', `} ${T}_obj_t;`, '');
    out.push(`static const mp_obj_type_t ${T}_type;`, '');
    out.push(
      `static mp_obj_t ${T}_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {`,
      '    mp_arg_check_num(n_args, n_kw, 0, 1, false);',
      `    ${T}_obj_t *self = mp_obj_malloc(${T}_obj_t, type);`,
      '    self->value = n_args > 0 ? mp_obj_get_int(args[0]) : 0;',
      '    return MP_OBJ_FROM_PTR(self);',
      '}',
      '',
      `static void ${T}_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {`,
      `    ${T}_obj_t *self = MP_OBJ_TO_PTR(self_in);`,
      `    mp_printf(print, "${T}(%d)", (int)self->value);`,
      '}',
      '',
    );
    const locals = [];
    for (let m = 0; m < perClass; m++) {
      const f = `${T}_m${m}`;
      out.push(
        `// ${f}(self, k): adds k * ${m + 1} to the value and returns the new value.`,
        `static mp_obj_t ${f}(mp_obj_t self_in, mp_obj_t k_in) {`,
        `    ${T}_obj_t *self = MP_OBJ_TO_PTR(self_in);`,
        `    mp_int_t k = mp_obj_get_int(k_in);`,
        `    if (k < 0) {`,
        `        mp_raise_ValueError(MP_ERROR_TEXT("negative"));`,
        '    }',
        `    self->value += k * ${m + 1};`,
        '    return mp_obj_new_int(self->value);',
        '}',
        `static MP_DEFINE_CONST_FUN_OBJ_2(${f}_obj, ${f});`,
        '',
      );
      locals.push(`    { MP_ROM_QSTR(MP_QSTR_m${m}), MP_ROM_PTR(&${f}_obj) },`);
    }
    out.push(
      `static mp_obj_t ${T}_configure(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {`,
      '    enum { ARG_scale, ARG_offset };',
      '    static const mp_arg_t allowed_args[] = {',
      '        { MP_QSTR_scale, MP_ARG_INT, {.u_int = 1} },',
      '        { MP_QSTR_offset, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },',
      '    };',
      '    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];',
      '    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);',
      `    ${T}_obj_t *self = MP_OBJ_TO_PTR(pos_args[0]);`,
      '    self->value = self->value * args[ARG_scale].u_int + args[ARG_offset].u_int;',
      '    return mp_const_none;',
      '}',
      `static MP_DEFINE_CONST_FUN_OBJ_KW(${T}_configure_obj, 1, ${T}_configure);`,
      '',
    );
    locals.push(`    { MP_ROM_QSTR(MP_QSTR_configure), MP_ROM_PTR(&${T}_configure_obj) },`);
    out.push(`static const mp_rom_map_elem_t ${T}_locals_dict_table[] = {`, ...locals, '};');
    out.push(`static MP_DEFINE_CONST_DICT(${T}_locals_dict, ${T}_locals_dict_table);`, '');
    out.push(
      'static MP_DEFINE_CONST_OBJ_TYPE(',
      `    ${T}_type,`,
      `    MP_QSTR_C${c},`,
      '    MP_TYPE_FLAG_NONE,',
      `    make_new, ${T}_make_new,`,
      `    print, ${T}_print,`,
      `    locals_dict, &${T}_locals_dict`,
      '    );',
      '',
    );
    out.push(
      `static mp_obj_t ${T}_twice(mp_obj_t x_in) {`,
      '    return mp_obj_new_int(2 * mp_obj_get_int(x_in));',
      '}',
      `static MP_DEFINE_CONST_FUN_OBJ_1(${T}_twice_obj, ${T}_twice);`,
      '',
    );
    globals.push(`    { MP_ROM_QSTR(MP_QSTR_C${c}), MP_ROM_PTR(&${T}_type) },`);
    globals.push(`    { MP_ROM_QSTR(MP_QSTR_twice${c}), MP_ROM_PTR(&${T}_twice_obj) },`);
  }
  out.push(
    `static const mp_rom_map_elem_t ${name}_globals_table[] = {`,
    `    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_${name}) },`,
    ...globals,
    '};',
    `static MP_DEFINE_CONST_DICT(${name}_globals, ${name}_globals_table);`,
    '',
    `const mp_obj_module_t ${name}_user_cmodule = {`,
    '    .base = { &mp_type_module },',
    `    .globals = (mp_obj_dict_t *)&${name}_globals,`,
    '};',
    '',
    `MP_REGISTER_MODULE(MP_QSTR_${name}, ${name}_user_cmodule);`,
    '',
  );
  return out.join('\n');
}

/** The synthetic module with about `bytes` bytes of text (classes scaled to fit). */
function syntheticOfSize(bytes, opts = {}) {
  const one = syntheticModule({ ...opts, classes: 10 }).length / 10;
  return syntheticModule({ ...opts, classes: Math.max(1, Math.round(bytes / one)) });
}

module.exports = { syntheticModule, syntheticOfSize };
