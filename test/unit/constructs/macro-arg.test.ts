import { extractFile, PLANNERS } from '../../../src/constructs';
import { MacroArgDecl } from '../../../src/model/declarations';
import { parseFile } from '../../../src/parse/parser';
import { generate } from '../../../src';
import { c } from '../helpers';

/** Names py/dynruntime.h makes macros: one function-like, one object-like, one with its definition unknown (no tree). */
const NATMOD = new Map<string, string | undefined>([
  ['mp_obj_new_tuple', '(n, items) (mp_fun_table.new_tuple((n), (items)))'],
  ['mp_obj_new_list', undefined],
  ['mp_type_int', ' (*mp_fun_table.type_int)'],
]);

function args(text: string, natmodMacros: ReadonlyMap<string, string | undefined> | null = NATMOD): string[] {
  const file = parseFile('input.c', text);
  const decls = extractFile(file, 0, [], { natmodMacros: natmodMacros ?? undefined }).value.decls.filter(
    (d): d is MacroArgDecl => d.kind === 'macro_arg',
  );
  return decls.map((d) => `${d.name}: ${text.slice(d.span.start, d.span.end)}`);
}

describe('extractMacroArgs: arguments the macro would split', () => {
  test('a compound literal with several items', () => {
    expect(args(c('mp_obj_t f(mp_obj_t a, mp_obj_t b) {', '    return mp_obj_new_tuple(2, (mp_obj_t[]){a, b});', '}'))).toEqual([
      'mp_obj_new_tuple: (mp_obj_t[]){a, b}',
    ]);
  });
  test('a macro whose definition is unknown (no tree) is taken as function-like', () => {
    expect(args(c('mp_obj_t f(mp_obj_t a) {', '    return mp_obj_new_list(2, (mp_obj_t[]){a, a});', '}'))).toEqual([
      'mp_obj_new_list: (mp_obj_t[]){a, a}',
    ]);
  });
  test.each<[string, string]>([
    ['one item', '    return mp_obj_new_tuple(1, (mp_obj_t[]){a});'],
    ['already in parentheses', '    return mp_obj_new_tuple(2, ((mp_obj_t[]){a, a}));'],
    ['commas inside a call in the braces', '    return mp_obj_new_tuple(1, (mp_obj_t[]){g(a, a)});'],
    [
      'a function the module defines as its own macro',
      '#define mp_obj_new_tuple(n, i) my_tuple(n, i)\n    return mp_obj_new_tuple(2, (mp_obj_t[]){a, a});',
    ],
    ['not a dynruntime macro', '    return my_tuple(2, (mp_obj_t[]){a, a});'],
  ])('left alone: %s', (_name, line) => {
    expect(args(c('mp_obj_t f(mp_obj_t a) {', line, '}'))).toEqual([]);
  });
  test('nothing without the names (library use without facts)', () => {
    expect(args(c('mp_obj_t f(mp_obj_t a) {', '    return mp_obj_new_tuple(2, (mp_obj_t[]){a, a});', '}'), null)).toEqual([]);
  });
});

describe('macro-arg plan', () => {
  test('the first and last tokens get the parentheses', () => {
    const text = c('mp_obj_t f(mp_obj_t a) {', '    return mp_obj_new_tuple(2, (mp_obj_t[]){a, a});', '}');
    const d = extractFile(parseFile('input.c', text), 0, [], { natmodMacros: NATMOD }).value.decls.find(
      (x): x is MacroArgDecl => x.kind === 'macro_arg',
    )!;
    const plan = PLANNERS.macro_arg!({ decl: d, role: { kind: 'convert' } }, {} as never);
    expect(plan.edits.map((e) => [text.slice(e.start, e.end), e.view])).toEqual([
      ['(', { partial: 'macro-arg-open', token: '(' }],
      ['}', { partial: 'macro-arg-close', token: '}' }],
    ]);
  });
});

describe('library generate() without facts or tree', () => {
  test('still parenthesises the argument: the names come from the shipped facts', () => {
    const text = c(
      '#include "py/runtime.h"',
      'static mp_obj_t f(mp_obj_t a) { return mp_obj_new_tuple(2, (mp_obj_t[]){a, a}); }',
      'static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);',
      'static const mp_rom_map_elem_t g[] = { { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) } };',
      'static MP_DEFINE_CONST_DICT(gd, g);',
      'const mp_obj_module_t m_mod = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&gd };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_mod);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const out = r.value.find((f) => f.rel === 'm.c')!.text;
    expect(out).toContain('mp_obj_new_tuple(2, ((mp_obj_t[]){a, a}))');
  });
});
