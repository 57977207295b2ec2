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

/**
 * A function with a keyword table whose nested loops open and close in separate #if branches
 * (ulab's create_concatenate): tree-sitter loses the function, and the table's only ancestor
 * is an ERROR node, as if it stood at file scope.
 */
const tableAndSplitLoops = c(
  'mp_obj_t f(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {',
  '    static const mp_arg_t allowed_args[] = {',
  '        { MP_QSTR_a, MP_ARG_OBJ, { .u_rom_obj = MP_ROM_NONE } },',
  '    };',
  '    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];',
  '    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);',
  '    size_t *shape = m_new0(size_t, 4);',
  '    for(uint8_t p = 0; p < 2; p++) {',
  '        #if DIMS > 2',
  '        size_t j = 0;',
  '        do {',
  '        #endif',
  '            #if DIMS > 1',
  '            size_t k = 0;',
  '            do {',
  '            #endif',
  '                shape[0]++;',
  '            #if DIMS > 1',
  '                k++;',
  '            } while(k < shape[1]);',
  '            #endif',
  '        #if DIMS > 2',
  '            j++;',
  '        } while(j < shape[2]);',
  '        #endif',
  '    }',
  '    return mp_const_none;',
  '}',
);

describe("extractArgTables: entries written through the module's macros", () => {
  const ARGS = '#define ARGS { MP_QSTR_a, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} }, { MP_QSTR_b, MP_ARG_INT, {.u_int = 5} }';

  test('in a function: found through the macro, so its static goes', () => {
    const [t] = declsOf(c(ARGS, inFunction('static const mp_arg_t allowed_args[]', 'ARGS')), 'arg_table');
    expect(t).toMatchObject({ name: 'allowed_args', atFileScope: false });
    expect(t.staticSpan).toBeDefined();
  });

  test('at file scope: its entries as the compiler sees them', () => {
    const [t] = declsOf(c(ARGS, atFileScope('static const mp_arg_t args_table[]', 'ARGS')), 'arg_table');
    expect(t.atFileScope).toBe(true);
    expect(t.entries.map((e) => (e.kind === 'item' ? e.item.replace(/\s+/g, '') : e.text))).toEqual([
      '{MP_QSTR_a,MP_ARG_REQUIRED|MP_ARG_INT,{.u_int=0}}',
      '{MP_QSTR_b,MP_ARG_INT,{.u_int=5}}',
    ]);
  });
});

describe('extractArgTables: scope where tree-sitter lost the function', () => {
  test('a table in a function whose loops #if splits is a local (its static goes, no macro)', () => {
    expect(declsOf(tableAndSplitLoops, 'arg_table').map((d) => [d.name, d.atFileScope])).toEqual([['allowed_args', false]]);
  });

  test('a file-scope table after #if/#else branches that each open the same block is at file scope', () => {
    const given = c(
      'static mp_obj_t g(mp_obj_t x) {',
      '#if A',
      '    if (x == mp_const_none) {',
      '#else',
      '    if (x == mp_const_true) {',
      '#endif',
      '        x = mp_const_false;',
      '    }',
      '    return x;',
      '}',
      atFileScope('static const mp_arg_t file_args[]', '{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },'),
    );
    expect(declsOf(given, 'arg_table').map((d) => [d.name, d.atFileScope])).toEqual([['file_args', true]]);
  });
});
