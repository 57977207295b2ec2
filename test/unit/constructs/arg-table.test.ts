import { c, declsOf } from '../helpers';

/** A function with one keyword table declared as `decl` holding `entries`. */
const inFunction = (decl: string, ...entries: string[]): string =>
  c(
    'static mp_obj_t f(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {',
    `    ${decl} = {`,
    ...entries.map((e) => `        ${e}`),
    '    };',
    '    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];',
    '    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);',
    '    return mp_const_none;',
    '}',
  );

const atFileScope = (decl: string, ...entries: string[]): string => c(`${decl} = {`, ...entries.map((e) => `    ${e}`), '};');

describe('extractArgTables', () => {
  test.each<[string, { given: string; want: Array<{ name: string; atFileScope: boolean; hasDirectives: boolean; init?: string }> }]>([
    [
      'in a function, with qstrs',
      {
        given: inFunction('static const mp_arg_t allowed_args[]', '{ MP_QSTR_a, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },'),
        want: [{ name: 'allowed_args', atFileScope: false, hasDirectives: false }],
      },
    ],
    [
      'in a function, MP_ROM_NONE default without qstrs',
      {
        given: inFunction('static const mp_arg_t allowed_args[]', '{ 0, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },'),
        want: [{ name: 'allowed_args', atFileScope: false, hasDirectives: false }],
      },
    ],
    [
      'in a function, MP_ROM_QSTR default',
      {
        given: inFunction('static const mp_arg_t allowed_args[]', '{ 0, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(0)} },'),
        want: [{ name: 'allowed_args', atFileScope: false, hasDirectives: false }],
      },
    ],
    [
      'in a function, MP_ROM_TRUE / MP_ROM_FALSE defaults',
      {
        given: inFunction(
          'static const mp_arg_t allowed_args[]',
          '{ 0, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_TRUE} },',
          '{ 1, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_FALSE} },',
        ),
        want: [{ name: 'allowed_args', atFileScope: false, hasDirectives: false }],
      },
    ],
    [
      'in a function, #if between entries',
      {
        given: inFunction(
          'static const mp_arg_t allowed_args[]',
          '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },',
          '#if MICROPY_PY_B',
          '{ MP_QSTR_b, MP_ARG_INT, {.u_int = 0} },',
          '#endif',
        ),
        want: [{ name: 'allowed_args', atFileScope: false, hasDirectives: true }],
      },
    ],
    [
      'at file scope: the flattened initializer is kept',
      {
        given: atFileScope('static const mp_arg_t file_args[]', '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },'),
        want: [{ name: 'file_args', atFileScope: true, hasDirectives: false, init: '{{MP_QSTR_a,MP_ARG_INT,{.u_int=0}},}' }],
      },
    ],
    [
      'at file scope with #if',
      {
        given: atFileScope(
          'static const mp_arg_t file_args[]',
          '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },',
          '#if X',
          '{ MP_QSTR_b, MP_ARG_INT, {.u_int = 0} },',
          '#endif',
        ),
        want: [
          {
            name: 'file_args',
            atFileScope: true,
            hasDirectives: true,
            init: '{{MP_QSTR_a,MP_ARG_INT,{.u_int=0}},{MP_QSTR_b,MP_ARG_INT,{.u_int=0}},}',
          },
        ],
      },
    ],
    [
      'nothing run-time in it: left static',
      { given: inFunction('static const mp_arg_t allowed_args[]', '{ 0, MP_ARG_INT, {.u_int = 7} },'), want: [] },
    ],
    [
      'not static: nothing to remove',
      { given: inFunction('const mp_arg_t allowed_args[]', '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },'), want: [] },
    ],
    [
      'a qstr only in a comment does not count',
      { given: inFunction('static const mp_arg_t allowed_args[]', '{ 0 /* MP_QSTR_a */, MP_ARG_INT, {.u_int = 7} },'), want: [] },
    ],
  ])('%s', (_name, { given, want }) => {
    const got = declsOf(given, 'arg_table').map((d) => ({
      name: d.name,
      atFileScope: d.atFileScope,
      hasDirectives: d.hasDirectives,
      ...(want[0]?.init !== undefined ? { init: d.init } : {}),
    }));
    expect(got).toEqual(want);
  });

  test('static is removed: staticSpan is the static keyword; span covers the declaration', () => {
    const given = inFunction('static const mp_arg_t allowed_args[]', '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },');
    const [d] = declsOf(given, 'arg_table');
    expect(d.isStatic).toBe(true);
    expect(d.staticSpan && given.slice(d.staticSpan.start, d.staticSpan.end)).toBe('static');
    expect(d.staticSpan).toMatchObject({ line: 2, col: 5 });
    expect(given.slice(d.span.start, d.span.end)).toBe(given.slice(given.indexOf('static const mp_arg_t'), given.indexOf('};') + 2));
  });

  test('const before static', () => {
    const given = inFunction('const static mp_arg_t allowed_args[]', '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },');
    const [d] = declsOf(given, 'arg_table');
    expect(d.staticSpan && given.slice(d.staticSpan.start, d.staticSpan.end)).toBe('static');
  });

  test('condition of a table under #if in a function', () => {
    const given = c(
      'static mp_obj_t f(void) {',
      '    #if MICROPY_PY_F',
      '    static const mp_arg_t allowed_args[] = { { MP_QSTR_a, MP_ARG_INT, {.u_int = 0} } };',
      '    #endif',
      '    return mp_const_none;',
      '}',
    );
    const [d] = declsOf(given, 'arg_table');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_F' }] }]);
    expect(d.atFileScope).toBe(false);
  });
});
