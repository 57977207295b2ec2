import { c, declsOf, extract, lineCol } from '../helpers';

describe('extractFunObjs', () => {
  test.each<[string, { given: string; want: Array<{ name: string; macro: string; isStatic: boolean; text: string }> }]>([
    [
      'static, in the macro_type_specifier shape',
      {
        given: 'static MP_DEFINE_CONST_FUN_OBJ_2(f_obj, f);\n',
        want: [{ name: 'f_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_2', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_2(f_obj, f);' }],
      },
    ],
    [
      'without static (a call_expression)',
      {
        given: 'MP_DEFINE_CONST_FUN_OBJ_1(g_obj, g);\n',
        want: [{ name: 'g_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_1', isStatic: false, text: 'MP_DEFINE_CONST_FUN_OBJ_1(g_obj, g);' }],
      },
    ],
    [
      'every arity and kind',
      {
        given: c(
          'static MP_DEFINE_CONST_FUN_OBJ_0(a_obj, a);',
          'static MP_DEFINE_CONST_FUN_OBJ_3(b_obj, b);',
          'static MP_DEFINE_CONST_FUN_OBJ_VAR(c_obj, 1, c);',
          'static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(d_obj, 1, 3, d);',
          'static MP_DEFINE_CONST_FUN_OBJ_KW(e_obj, 1, e);',
        ),
        want: [
          { name: 'a_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_0', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_0(a_obj, a);' },
          { name: 'b_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_3', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_3(b_obj, b);' },
          { name: 'c_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_VAR', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_VAR(c_obj, 1, c);' },
          {
            name: 'd_obj',
            macro: 'MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN',
            isStatic: true,
            text: 'static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(d_obj, 1, 3, d);',
          },
          { name: 'e_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_KW', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_KW(e_obj, 1, e);' },
        ],
      },
    ],
    [
      'two on one line',
      {
        given: 'static MP_DEFINE_CONST_FUN_OBJ_1(a_obj, a); MP_DEFINE_CONST_FUN_OBJ_1(b_obj, b);\n',
        want: [
          { name: 'a_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_1', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_1(a_obj, a);' },
          { name: 'b_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_1', isStatic: false, text: 'MP_DEFINE_CONST_FUN_OBJ_1(b_obj, b);' },
        ],
      },
    ],
    [
      'right after static MP_DEFINE_CONST_DICT',
      {
        given: 'static MP_DEFINE_CONST_DICT(d, t);\nstatic MP_DEFINE_CONST_FUN_OBJ_1(a_obj, a);\n',
        want: [{ name: 'a_obj', macro: 'MP_DEFINE_CONST_FUN_OBJ_1', isStatic: true, text: 'static MP_DEFINE_CONST_FUN_OBJ_1(a_obj, a);' }],
      },
    ],
    [
      'other macros are not fun objects',
      { given: 'static MP_DEFINE_CONST_FUN_OBJ_4(x_obj, x);\nMP_DEFINE_CONST_FUN_OBJ_KW_EXTRA(y_obj, 1, y);\n', want: [] },
    ],
  ])('%s', (_name, { given, want }) => {
    const got = declsOf(given, 'fun_obj');
    expect(got.map((d) => ({ name: d.name, macro: d.macro, isStatic: d.isStatic, text: given.slice(d.span.start, d.span.end) }))).toEqual(
      want,
    );
  });

  test('an object-like X-macro list of definitions under an #if natmodgen cannot decide: the objects of every branch', () => {
    const given = c(
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define FUNS F(half) F(third)',
      '#else',
      '#define FUNS F(whole)',
      '#endif',
      '#define F(n) static MP_DEFINE_CONST_FUN_OBJ_1(n##_obj, n);',
      'FUNS',
      '#undef F',
    );
    expect(declsOf(given, 'fun_obj').map((d) => [d.name, d.isStatic, given.slice(d.span.start, d.span.end)])).toEqual([
      ['whole_obj', true, 'FUNS'],
      ['half_obj', true, 'FUNS'],
      ['third_obj', true, 'FUNS'],
    ]);
    // Decided by -D: that branch's alone.
    expect(declsOf(given, 'fun_obj', { defines: ['MICROPY_PY_BUILTINS_FLOAT=1'] }).map((d) => d.name)).toEqual(['half_obj', 'third_obj']);
  });

  test('span, unit and condition', () => {
    const given = c('#include "py/runtime.h"', '#if MICROPY_PY_F', 'static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);', '#endif');
    const [d] = declsOf(given, 'fun_obj', { unit: 3, path: 'dir/m.c' });
    const at = lineCol(given, 'static MP_');
    expect(d).toMatchObject({
      unit: 3,
      span: { file: 'dir/m.c', line: at.line, col: at.col },
      cond: [{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_F' }] }],
    });
  });

  test.each<[string, { given: string; code: string; at: string }]>([
    ['a name without a function', { given: 'static MP_DEFINE_CONST_FUN_OBJ_1(only_name);\n', code: 'NMG2010', at: 'MP_DEFINE' }],
    ['unbalanced brackets', { given: 'MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f;\nint x;\n', code: 'NMG1005', at: 'MP_DEFINE' }],
  ])('malformed: %s', (_name, { given, code, at }) => {
    const r = extract(given);
    expect(r.model.decls.filter((d) => d.kind === 'fun_obj')).toEqual([]);
    const pos = lineCol(given, at);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code, span: expect.objectContaining({ line: pos.line, col: pos.col }) })]);
  });
});
