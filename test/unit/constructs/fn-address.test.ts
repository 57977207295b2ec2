import { extractFile } from '../../../src/constructs';
import { FnAddressDecl } from '../../../src/model/declarations';
import { parseFile } from '../../../src/parse/parser';
import { generate } from '../../../src';
import { c } from '../helpers';

/** Names py/dynruntime.h makes macros: function-like, unknown (no tree), object-like (mp_obj_len, used before, is a runtime function since rt13). */
const NATMOD = new Map<string, string | undefined>([
  ['mp_obj_is_true', '(o) (mp_fun_table.obj_is_true_dyn(o))'],
  ['mp_binary_op', undefined],
  ['mp_obj_get_int', '(o) (mp_fun_table.native_from_obj(o, MP_NATIVE_TYPE_INT))'],
  ['mp_type_int', ' (*mp_fun_table.type_int)'],
]);

function uses(text: string): string[] {
  const file = parseFile('input.c', text);
  return extractFile(file, 0, [], { natmodMacros: NATMOD })
    .value.decls.filter((d): d is FnAddressDecl => d.kind === 'fn_address')
    .map((d) => `${d.name}→${d.replacement} @${text.slice(d.span.start, d.span.end)}`);
}

describe('extractFnAddresses: dynruntime macros used without a call', () => {
  test('a pointer in a table and a callback argument', () => {
    expect(uses(c('static mp_obj_t (*const fns[])(mp_obj_t) = { mp_obj_is_true };', 'void g(void) { h(mp_binary_op); }'))).toEqual([
      'mp_obj_is_true→natmodgen_fnaddr_mp_obj_is_true @mp_obj_is_true',
      'mp_binary_op→natmodgen_fnaddr_mp_binary_op @mp_binary_op',
    ]);
  });
  test.each<[string, string]>([
    ['a call', 'mp_obj_t f(mp_obj_t o) { return mp_obj_is_true(o); }'],
    ['a member of the same name', 'int f(struct s *p) { return p->mp_obj_is_true + p2.mp_obj_is_true; }'],
    ['a name the runtime defines as a function itself', 'void *p = (void *)mp_obj_get_int;'],
    ['an object-like dynruntime macro', 'const void *p = &mp_type_int;'],
    ['a name the module defines as its own macro', '#define mp_obj_is_true my_len\nvoid *p = (void *)mp_obj_is_true;'],
    ['code under #if 0', '#if 0\nvoid *p = (void *)mp_obj_is_true;\n#endif'],
  ])('none for %s', (_name, text) => {
    expect(uses(text)).toEqual([]);
  });
  test('nothing without the names (library use without facts)', () => {
    const file = parseFile('input.c', 'void *p = (void *)mp_obj_is_true;');
    expect(extractFile(file, 0, [], {}).value.decls.filter((d) => d.kind === 'fn_address')).toEqual([]);
  });
});

describe('fn-address in generated code', () => {
  test('the prelude makes the name the runtime function for the module code; the tail restores it; the function comes with it', () => {
    const text = c(
      '#include "py/runtime.h"',
      'typedef bool (*pred_t)(mp_obj_t);',
      'static const pred_t ops[] = { mp_obj_is_true };',
      'static mp_obj_t f(mp_obj_t a) { return mp_obj_new_bool(ops[0](a)); }',
      'static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);',
      'static const mp_rom_map_elem_t g[] = { { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) } };',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const out = r.value.find((f) => f.rel === 'm.c')!.text;
    const push = out.indexOf('#pragma push_macro("mp_obj_is_true")');
    const def = out.indexOf('#define mp_obj_is_true natmodgen_fnaddr_mp_obj_is_true');
    const use = out.indexOf('{ mp_obj_is_true }');
    const pop = out.indexOf('#pragma pop_macro("mp_obj_is_true")');
    const body = out.indexOf('natmodgen_fnaddr_mp_obj_is_true(mp_obj_t arg) {');
    expect([push > 0, def > push, use > def, pop > use, body > pop]).toEqual([true, true, true, true, true]);
  });
});
