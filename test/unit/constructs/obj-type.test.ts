import { CondItem, TypeSlot } from '../../../src/model/declarations';
import { generate } from '../../../src/pipeline';
import { c, declsOf, extract, lineCol, PRELUDE } from '../helpers';

const slots = (items: CondItem<TypeSlot>[]): string[] =>
  items.map((s) => (s.kind === 'directive' ? s.text.replace(/\s+/g, ' ') : `${s.item.slot}=${s.item.value}`));

describe('extractObjTypes', () => {
  test.each<[string, { given: string; want: { name: string; typeName: string; flags: string; isStatic: boolean; slots: string[] } }]>([
    [
      'one slot per line, static',
      {
        given: c(
          'static MP_DEFINE_CONST_OBJ_TYPE(',
          '    a_type,',
          '    MP_QSTR_A,',
          '    MP_TYPE_FLAG_NONE,',
          '    make_new, a_make_new,',
          '    print, a_print,',
          '    locals_dict, &a_locals_dict',
          '    );',
        ),
        want: {
          name: 'a_type',
          typeName: 'A',
          flags: 'MP_TYPE_FLAG_NONE',
          isStatic: true,
          slots: ['make_new=a_make_new', 'print=a_print', 'locals_dict=&a_locals_dict'],
        },
      },
    ],
    [
      'the name through a pasting macro (one identifier), on its own line',
      {
        given: c(
          '#define CAT_(a, b) a##b',
          '#define CAT(a, b) CAT_(a, b)',
          '#define TYPE(n) CAT(n, _type)',
          'MP_DEFINE_CONST_OBJ_TYPE(',
          '    TYPE(lines), MP_QSTR_Lines, MP_TYPE_FLAG_NONE,',
          '    print, lines_print',
          '    );',
        ),
        want: { name: 'lines_type', typeName: 'Lines', flags: 'MP_TYPE_FLAG_NONE', isStatic: false, slots: ['print=lines_print'] },
      },
    ],
    [
      "the qstr through the module's pasting macro",
      {
        given: c('#define Q(x) MP_QSTR_##x', 'MP_DEFINE_CONST_OBJ_TYPE(c_type, Q(Counter), MP_TYPE_FLAG_NONE, print, c_print);'),
        want: { name: 'c_type', typeName: 'Counter', flags: 'MP_TYPE_FLAG_NONE', isStatic: false, slots: ['print=c_print'] },
      },
    ],
    [
      'no slots, not static',
      {
        given: 'MP_DEFINE_CONST_OBJ_TYPE(b_type, MP_QSTR_B, MP_TYPE_FLAG_NONE);\n',
        want: { name: 'b_type', typeName: 'B', flags: 'MP_TYPE_FLAG_NONE', isStatic: false, slots: [] },
      },
    ],
    [
      'the empty name MP_QSTR_ (a callable helper type with no name of its own)',
      {
        given: 'MP_DEFINE_CONST_OBJ_TYPE(f_type, MP_QSTR_, MP_TYPE_FLAG_NONE, call, f_call);\n',
        want: { name: 'f_type', typeName: '', flags: 'MP_TYPE_FLAG_NONE', isStatic: false, slots: ['call=f_call'] },
      },
    ],
    [
      'flags as an expression, kept as written',
      {
        given:
          'MP_DEFINE_CONST_OBJ_TYPE(b_type, MP_QSTR_B, MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE, call, b_call);\n',
        want: {
          name: 'b_type',
          typeName: 'B',
          flags: 'MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE',
          isStatic: false,
          slots: ['call=b_call'],
        },
      },
    ],
    [
      'getiter is an alias of the iter slot',
      {
        given: 'MP_DEFINE_CONST_OBJ_TYPE(c_type, MP_QSTR_C, MP_TYPE_FLAG_ITER_IS_GETITER, getiter, c_getiter);\n',
        want: { name: 'c_type', typeName: 'C', flags: 'MP_TYPE_FLAG_ITER_IS_GETITER', isStatic: false, slots: ['iter=c_getiter'] },
      },
    ],
    [
      'iter itself',
      {
        given: 'MP_DEFINE_CONST_OBJ_TYPE(c_type, MP_QSTR_C, MP_TYPE_FLAG_ITER_IS_ITERNEXT, iter, c_iternext);\n',
        want: { name: 'c_type', typeName: 'C', flags: 'MP_TYPE_FLAG_ITER_IS_ITERNEXT', isStatic: false, slots: ['iter=c_iternext'] },
      },
    ],
    [
      '#if between slots',
      {
        given: c(
          'static MP_DEFINE_CONST_OBJ_TYPE(',
          '    d_type, MP_QSTR_D, MP_TYPE_FLAG_NONE,',
          '    make_new, d_make_new,',
          '    #if MICROPY_PY_D_PRINT',
          '    print, d_print,',
          '    #endif',
          '    locals_dict, &d_locals_dict',
          '    );',
        ),
        want: {
          name: 'd_type',
          typeName: 'D',
          flags: 'MP_TYPE_FLAG_NONE',
          isStatic: true,
          slots: ['make_new=d_make_new', '#if MICROPY_PY_D_PRINT', 'print=d_print', '#endif', 'locals_dict=&d_locals_dict'],
        },
      },
    ],
    [
      '#if / #else choosing between values of the same slot',
      {
        given: c(
          'MP_DEFINE_CONST_OBJ_TYPE(e_type, MP_QSTR_E, MP_TYPE_FLAG_NONE,',
          '    #if MICROPY_PY_E_FAST',
          '    binary_op, e_binary_op_fast,',
          '    #else',
          '    binary_op, e_binary_op,',
          '    #endif',
          '    unary_op, e_unary_op);',
        ),
        want: {
          name: 'e_type',
          typeName: 'E',
          flags: 'MP_TYPE_FLAG_NONE',
          isStatic: false,
          slots: ['#if MICROPY_PY_E_FAST', 'binary_op=e_binary_op_fast', '#else', 'binary_op=e_binary_op', '#endif', 'unary_op=e_unary_op'],
        },
      },
    ],
    [
      'the last slot under #if with the comma inside the conditional',
      {
        given: c(
          'static MP_DEFINE_CONST_OBJ_TYPE(f_type, MP_QSTR_F, MP_TYPE_FLAG_NONE, make_new, f_make_new',
          '    #if X',
          '    , print, f_print',
          '    #endif',
          '    );',
        ),
        want: {
          name: 'f_type',
          typeName: 'F',
          flags: 'MP_TYPE_FLAG_NONE',
          isStatic: true,
          slots: ['make_new=f_make_new', '#if X', 'print=f_print', '#endif'],
        },
      },
    ],
    [
      'flags chosen by #if / #elif / #else, a comma in each branch (the slots start after #endif)',
      {
        given: c(
          'MP_DEFINE_CONST_OBJ_TYPE(',
          '    h_type, MP_QSTR_H,',
          '    #if H_LEVEL >= 2',
          '    MP_TYPE_FLAG_EQ_HAS_NEQ_TEST | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,',
          '    #elif defined(H_ITER)',
          '    MP_TYPE_FLAG_ITER_IS_GETITER,',
          '    #else',
          '    MP_TYPE_FLAG_NONE,',
          '    #endif',
          '    make_new, h_make_new,',
          '    #if H_PRINT',
          '    print, h_print,',
          '    #endif',
          '    binary_op, h_binary_op);',
        ),
        want: {
          name: 'h_type',
          typeName: 'H',
          flags: [
            '',
            '#if H_LEVEL >= 2',
            'MP_TYPE_FLAG_EQ_HAS_NEQ_TEST|MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE',
            '#elif defined(H_ITER)',
            'MP_TYPE_FLAG_ITER_IS_GETITER',
            '#else',
            'MP_TYPE_FLAG_NONE',
            '#endif',
            '',
            '',
          ].join('\n'),
          isStatic: false,
          slots: ['make_new=h_make_new', '#if H_PRINT', 'print=h_print', '#endif', 'binary_op=h_binary_op'],
        },
      },
    ],
    [
      'every slot name',
      {
        given:
          'MP_DEFINE_CONST_OBJ_TYPE(g, MP_QSTR_G, 0, make_new, a, print, b, call, c, unary_op, d, binary_op, e, attr, f, subscr, g, iter, h, buffer, i, protocol, &j, parent, &k, locals_dict, &l);\n',
        want: {
          name: 'g',
          typeName: 'G',
          flags: '0',
          isStatic: false,
          slots: [
            'make_new=a',
            'print=b',
            'call=c',
            'unary_op=d',
            'binary_op=e',
            'attr=f',
            'subscr=g',
            'iter=h',
            'buffer=i',
            'protocol=&j',
            'parent=&k',
            'locals_dict=&l',
          ],
        },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const r = extract(PRELUDE + given);
    expect(r.diagnostics).toEqual([]);
    const got = r.model.decls.flatMap((d) =>
      d.kind === 'obj_type' ? [{ name: d.name, typeName: d.typeName, flags: d.flags, isStatic: d.isStatic, slots: slots(d.slots) }] : [],
    );
    expect(got).toEqual([want]);
  });

  test('span covers static through the semicolon; condition', () => {
    const given = c(
      '#ifdef MICROPY_PY_T',
      'static MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, t_make_new);',
      '#endif',
    );
    const [t] = declsOf(given, 'obj_type');
    expect(given.slice(t.span.start, t.span.end)).toBe(
      'static MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE, make_new, t_make_new);',
    );
    expect(t.cond).toEqual([{ branches: [{ keyword: 'ifdef', arg: 'MICROPY_PY_T' }] }]);
  });

  test.each<[string, { given: string; code: string; at: string; left: string[] }]>([
    [
      'an unknown slot (NMG2009), at the slot name',
      {
        given: 'MP_DEFINE_CONST_OBJ_TYPE(c_type, MP_QSTR_C, 0, make_new, m, bogus, x);\n',
        code: 'NMG2009',
        at: 'bogus',
        left: ['make_new=m'],
      },
    ],
    [
      'a slot without a value (NMG2010)',
      { given: 'MP_DEFINE_CONST_OBJ_TYPE(d_type, MP_QSTR_D, 0, print);\n', code: 'NMG2010', at: 'print', left: [] },
    ],
    [
      'a name that is not MP_QSTR_ (NMG2010)',
      { given: 'MP_DEFINE_CONST_OBJ_TYPE(e_type, E, 0);\n', code: 'NMG2010', at: 'MP_DEFINE', left: [] },
    ],
  ])('malformed: %s', (_name, { given, code, at, left }) => {
    const r = extract(given);
    const pos = lineCol(given, at);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code, span: expect.objectContaining({ line: pos.line, col: pos.col }) })]);
    expect(r.model.decls.flatMap((d) => (d.kind === 'obj_type' ? slots(d.slots) : []))).toEqual(left);
  });
});

describe('a type or exception a macro defines inside a function', () => {
  const given = c(
    'static mp_obj_t make(const mp_obj_type_t *t, size_t n, size_t k, const mp_obj_t *a) { return mp_const_none; }',
    'static mp_obj_t f(void) {',
    '    static MP_DEFINE_CONST_OBJ_TYPE(local_type, MP_QSTR_Local, MP_TYPE_FLAG_NONE, make_new, make);',
    '    static MP_DEFINE_EXCEPTION(LocalError, ValueError)',
    '    return MP_OBJ_FROM_PTR(&local_type);',
    '}',
  );

  test('is read with where its function starts; a file-scope one has no such place', () => {
    const fnStart = given.indexOf('static mp_obj_t f(void)');
    expect(declsOf(given, 'obj_type').map((d) => [d.name, d.hoistBefore])).toEqual([
      ['local_type', fnStart],
      ['mp_type_LocalError', fnStart],
    ]);
    const file = c('static MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE);');
    expect(declsOf(file, 'obj_type').map((d) => d.hoistBefore)).toEqual([undefined]);
  });

  test('its storage and init function go before the function, where it was a comment stays', () => {
    const text = c(
      '#include "py/runtime.h"',
      '#include "py/objexcept.h"',
      given,
      'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
      'static const mp_rom_map_elem_t m_table[] = { { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) } };',
      'static MP_DEFINE_CONST_DICT(m_globals, m_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    const fnAt = out.indexOf('static mp_obj_t f(void) {');
    const body = out.slice(fnAt, out.indexOf('static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);'));
    expect(out.slice(0, fnAt)).toMatch(/static void natmodgen_init_type_local_type\(void\) \{/);
    expect(out.slice(0, fnAt)).toMatch(/static void natmodgen_init_type_mp_type_LocalError\(void\) \{/);
    expect(body).not.toMatch(/natmodgen_init_type|MP_DEFINE_CONST_OBJ_TYPE|MP_DEFINE_EXCEPTION/);
    expect(body).toContain('/* natmodgen: type local_type, moved before the function, is built by mpy_init */');
  });
});
