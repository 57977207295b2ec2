/**
 * Table tests of the templates: given a view (as plan makes it), want this C. Each view
 * type is declared with its construct (src/constructs/) or in src/plan/view.ts.
 */
import { renderView } from '../../../src/render';
import { View } from '../../../src/plan/view';
import { c } from '../helpers';

describe('templates render their views', () => {
  test.each<[string, { given: View & Record<string, unknown>; want: string }]>([
    [
      'a type without #if among its slots: indexes fixed',
      {
        given: {
          partial: 'obj-type',
          storage: 'S',
          initFn: 'natmodgen_init_type_T',
          flags: 'MP_TYPE_FLAG_NONE',
          typeName: 'Foo',
          slots: [{ partial: 'obj-type-slot', storage: 'S', slot: 'make_new', value: 'foo_make_new', index: 0 }],
        },
        want: c(
          'mp_obj_full_type_t S;',
          'static void natmodgen_init_type_T(void) {',
          '    size_t natmodgen_slot = 0;',
          '    (void)natmodgen_slot;',
          '    S.base.type = &mp_type_type;',
          '    S.flags = MP_TYPE_FLAG_NONE;',
          '    S.name = MP_QSTR_Foo;',
          '    MP_OBJ_TYPE_SET_SLOT(&S, make_new, foo_make_new, 0);',
          '}',
        ),
      },
    ],
    [
      "a type whose name's qstr the compiler chooses: the module's macro use as written",
      {
        given: {
          partial: 'obj-type',
          storage: 'S',
          initFn: 'f',
          typeName: 'Other',
          typeNameAsWritten: 'BOARD_TYPE_NAME',
          slots: [],
        },
        want: c(
          'mp_obj_full_type_t S;',
          'static void f(void) {',
          '    size_t natmodgen_slot = 0;',
          '    (void)natmodgen_slot;',
          '    S.base.type = &mp_type_type;',
          '    S.name = BOARD_TYPE_NAME;',
          '}',
        ),
      },
    ],
    [
      'a type with #if among its slots: indexes counted at run time',
      {
        given: {
          partial: 'obj-type',
          storage: 'S',
          initFn: 'f',
          flags: '0',
          typeName: 'Foo',
          slots: [
            { partial: 'line-directive', text: '#if X' },
            { partial: 'obj-type-slot-counted', storage: 'S', slot: 'print', value: 'p', index: 0 },
            { partial: 'line-directive', text: '#endif' },
          ],
        },
        want: c(
          'mp_obj_full_type_t S;',
          'static void f(void) {',
          '    size_t natmodgen_slot = 0;',
          '    (void)natmodgen_slot;',
          '    S.base.type = &mp_type_type;',
          '    S.flags = 0;',
          '    S.name = MP_QSTR_Foo;',
          '#if X',
          '    MP_OBJ_TYPE_SET_SLOT(&S, print, p, natmodgen_slot);',
          '    ++natmodgen_slot;',
          '#endif',
          '}',
        ),
      },
    ],
    [
      'a table: one size term and one fill call per entry',
      {
        given: {
          partial: 'rom-table',
          name: 't',
          storage: 'natmodgen_u_t',
          fillFn: 'natmodgen_fill_t',
          sizeLines: [{ partial: 'size-term' }],
          lines: [{ partial: 'rom-table-entry', key: 'k', value: 'MP_OBJ_NEW_SMALL_INT(1)' }],
        },
        want: c(
          'mp_map_elem_t natmodgen_u_t[0',
          '    + 1',
          '];',
          '#define t natmodgen_u_t',
          'static void natmodgen_fill_t(void) {',
          '    mp_map_elem_t *natmodgen_e = natmodgen_u_t;',
          '    natmodgen_e = natmodgen_map_elem_set(natmodgen_e, MP_QSTR_k, MP_OBJ_NEW_SMALL_INT(1));',
          '    (void)natmodgen_e;',
          '}',
        ),
      },
    ],
    [
      'the globals: stored into the module in order',
      {
        given: {
          partial: 'rom-table-globals',
          fn: 'g',
          linkage: 'static ',
          lines: [{ partial: 'rom-table-global-entry', key: 'k', value: 'v' }],
        },
        want: c('static void g(void);', 'static void g(void) {', '    mp_store_global(MP_QSTR_k, v);', '}'),
      },
    ],
    [
      'a file-scope keyword table without #if: a compound literal',
      {
        given: { partial: 'arg-table-macro', name: 'allowed', init: '{ { MP_QSTR_a, MP_ARG_INT, {.u_int = 0} } }' },
        want: '#define allowed ((const mp_arg_t[]){ { MP_QSTR_a, MP_ARG_INT, {.u_int = 0} } })',
      },
    ],
    [
      '`static` removed from a keyword table in a function',
      {
        given: { partial: 'arg-table-unstatic' },
        want: '',
      },
    ],
    [
      'a tuple built at import',
      {
        given: {
          partial: 'runtime-obj-tuple',
          name: 'tup',
          storage: 'natmodgen_u_tup',
          initFn: 'natmodgen_init_obj_tup',
          count: 2,
          items: ['MP_ROM_INT(1)', 'MP_ROM_INT(2)'],
        },
        want: c(
          '/* natmodgen: a tuple is a run-time object in a natmod; mpy_init builds it. */',
          'mp_obj_t natmodgen_u_tup;',
          '#define tup (*(struct _mp_obj_tuple_t *)MP_OBJ_TO_PTR(natmodgen_u_tup))',
          'static void natmodgen_init_obj_tup(void) {',
          '    const mp_obj_t natmodgen_items[2] = {',
          '        (mp_obj_t)(MP_ROM_INT(1)),',
          '        (mp_obj_t)(MP_ROM_INT(2)),',
          '    };',
          '    natmodgen_u_tup = mp_obj_new_tuple(2, natmodgen_items);',
          '}',
        ),
      },
    ],
    [
      'writable data keeps its C name; its symbol is unit-unique',
      {
        given: {
          partial: 'writable-data',
          vars: [{ partial: 'writable-data-var', specifiers: 'int', asmName: 'natmodgen_u_x', declarator: 'x' }],
        },
        want: c(
          '/* natmodgen: mpy_ld loads neither static BSS nor initialised data; this storage is zeroed, then initialised by mpy_init. */',
          'int x __asm__("natmodgen_u_x");',
        ),
      },
    ],
    [
      'a qstr switch condition: the label position',
      {
        given: { partial: 'qstr-switch-cond', cond: 'attr', labels: ['a', 'b'], count: 2 },
        want: '(natmodgen_qstr_case((qstr)(attr), (const qstr[]){ MP_QSTR_a, MP_QSTR_b,  }, 2))',
      },
    ],
    [
      'a qstr case label: its position, the qstr kept in a comment',
      {
        given: { partial: 'qstr-switch-label', index: 1, qstr: 'b' },
        want: '1 /* MP_QSTR_b */',
      },
    ],
    [
      'the prelude: -D guarded and ahead of py/dynruntime.h',
      {
        given: { partial: 'natmod-prelude', defines: [{ name: 'F(x)', body: '(x)', bare: 'F' }], shims: [] },
        want:
          c(
            '#if defined(__ARM_ARCH_6M__)',
            '/* natmodgen: Thumb-1 switch tables call libgcc, which natmods do not link. */',
            '#pragma GCC optimize ("no-jump-tables")',
            '#endif',
            '#ifndef F',
            '#define F(x) (x)',
            '#endif',
            '#include "py/dynruntime.h"',
            '#undef MP_ROM_NONE',
            '#define MP_ROM_NONE ((mp_rom_obj_t)mp_const_none)',
            '#undef MP_ROM_FALSE',
            '#define MP_ROM_FALSE ((mp_rom_obj_t)mp_const_false)',
            '#undef MP_ROM_TRUE',
            '#define MP_ROM_TRUE ((mp_rom_obj_t)mp_const_true)',
            '#define MP_ROM_QSTR(q) MP_OBJ_NEW_QSTR(q)',
          ) + renderView({ partial: 'builtins' }),
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(renderView(given)).toBe(want);
  });

  test("builtins: every type py/dynruntime.h loads by name comes from the builtins module, not the script's globals", () => {
    const text = renderView({ partial: 'builtins' });
    for (const t of [
      'int',
      'bytes',
      'bytearray',
      'EOFError',
      'IndexError',
      'KeyError',
      'NotImplementedError',
      'RuntimeError',
      'TypeError',
      'ValueError',
    ]) {
      expect(text).toContain(
        `#undef mp_type_${t}\n#define mp_type_${t} (*(mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_builtin(MP_QSTR_${t})))`,
      );
    }
    expect(text).toContain('mp_import_name(MP_QSTR_builtins');
    expect(text).not.toContain('mp_load_global');
  });
});
