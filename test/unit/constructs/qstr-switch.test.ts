import { c, declsOf, extract, lineCol } from '../helpers';
import { labelValue } from '../../../src/constructs/qstr-switch';
import { lexPP } from '../../../src/preprocess';

const fn = (...body: string[]): string =>
  c('static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {', ...body.map((l) => `    ${l}`), '}');

describe('extractQstrSwitches', () => {
  test.each<[string, { given: string; want: Array<{ condText: string; labels: string[] }> }]>([
    [
      'a switch on a qstr',
      {
        given: fn(
          'switch (attr) {',
          '    case MP_QSTR_x: dest[0] = mp_const_none; break;',
          '    case MP_QSTR_y: break;',
          '    default: break;',
          '}',
        ),
        want: [{ condText: 'attr', labels: ['x', 'y'] }],
      },
    ],
    [
      'mixed labels: only the MP_QSTR_ ones are listed',
      { given: fn('switch (attr) {', '    case 3:', '    case MP_QSTR_y: break;', '}'), want: [{ condText: 'attr', labels: ['y'] }] },
    ],
    [
      'labels in a block inside the case',
      {
        given: fn(
          'switch (attr) {',
          '    case MP_QSTR_x: {',
          '        break;',
          '    }',
          '    case MP_QSTR_y: { if (dest) { break; } }',
          '}',
        ),
        want: [{ condText: 'attr', labels: ['x', 'y'] }],
      },
    ],
    [
      'a switch without qstr labels is not one',
      { given: fn('switch (kind) {', '    case PRINT_STR: break;', '    case 1: break;', '}'), want: [] },
    ],
    [
      'a nested switch keeps its own labels; the outer one excludes them',
      {
        given: fn(
          'switch (attr) {',
          '    case MP_QSTR_x:',
          '        switch (dest[0] == MP_OBJ_NULL) {',
          '            case 0: break;',
          '            case MP_QSTR_inner: break;',
          '        }',
          '        break;',
          '    case MP_QSTR_y: break;',
          '}',
        ),
        want: [
          { condText: 'attr', labels: ['x', 'y'] },
          { condText: 'dest[0] == MP_OBJ_NULL', labels: ['inner'] },
        ],
      },
    ],
    [
      'a qstr switch nested in a non-qstr switch is found alone',
      {
        given: fn('switch (kind) {', '    case 1:', '        switch (attr) { case MP_QSTR_deep: break; }', '        break;', '}'),
        want: [{ condText: 'attr', labels: ['deep'] }],
      },
    ],
    [
      'labels under #if in the switch',
      {
        given: fn('switch (attr) {', '    case MP_QSTR_x: break;', '    #if MICROPY_PY_Z', '    case MP_QSTR_z: break;', '    #endif', '}'),
        want: [{ condText: 'attr', labels: ['x', 'z'] }],
      },
    ],
    [
      'a label a macro writes (`case NAME(x):`, NAME pasting MP_QSTR_)',
      {
        given: c(
          '#define QN(x) MP_QSTR_##x',
          'static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {',
          '    switch (attr) {',
          '        case MP_QSTR_x: break;',
          '        case QN(y): break;',
          '        case QN(z) + 0: break;',
          '    }',
          '}',
        ),
        want: [{ condText: 'attr', labels: ['x', 'y', 'z'] }],
      },
    ],
    [
      'labels that are expressions equal to one qstr: parentheses, casts, + 0, through macros',
      {
        given: c(
          '#define QS(x) MP_QSTR_##x',
          '#define ATTR(n) case (MP_QSTR_##n):',
          '#define ATTR0(n) case (qstr)MP_QSTR_##n + 0:',
          'static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {',
          '    switch (attr) {',
          '        case (MP_QSTR_a): break;',
          '        case (qstr)QS(b): break;',
          '        ATTR(c) ATTR0(d) break;',
          '        case 0 + QS(e) - 0: break;',
          '        case MP_QSTR_f: ATTR(g) break;',
          '    }',
          '}',
        ),
        want: [{ condText: 'attr', labels: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }],
      },
    ],
    [
      'an expression condition',
      {
        given: fn('switch (mp_obj_str_get_qstr(dest[1])) {', '    case MP_QSTR_a: break;', '}'),
        want: [{ condText: 'mp_obj_str_get_qstr(dest[1])', labels: ['a'] }],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(declsOf(given, 'qstr_switch').map((d) => ({ condText: d.condText, labels: d.labels.map((l) => l.qstr) }))).toEqual(want);
  });

  test('spans: the switch, its parenthesised condition and each label', () => {
    const given = fn('switch (attr) {', '    case MP_QSTR_x: break;', '}');
    const [d] = declsOf(given, 'qstr_switch');
    expect(given.slice(d.span.start, d.span.end)).toBe('switch (attr) {\n        case MP_QSTR_x: break;\n    }');
    expect(given.slice(d.condSpan.start, d.condSpan.end)).toBe('(attr)');
    const x = lineCol(given, 'MP_QSTR_x');
    expect(d.labels[0].span).toMatchObject({ line: x.line, col: x.col });
    expect(given.slice(d.labels[0].span.start, d.labels[0].span.end)).toBe('MP_QSTR_x');
  });

  test('a switch a macro writes whole is one use: its expansion with the condition and each label as pieces', () => {
    const given = c(
      '#define ATTRS(X) X(a, 1) X(b, 2)',
      '#define CASE(n, v) case MP_QSTR_##n: return v;',
      '#define SWITCH(q) switch (q) { ATTRS(CASE) case 7: break; default: break; }',
      'static int f(qstr attr) {',
      '    SWITCH(attr)',
      '    return 0;',
      '}',
    );
    const [d] = declsOf(given, 'qstr_switch');
    expect([d.inMacro, d.condText, d.labels.map((l) => l.qstr)]).toEqual([true, 'attr', ['a', 'b']]);
    expect(given.slice(d.macroUses[0].span.start, d.macroUses[0].span.end)).toBe('SWITCH(attr)');
    const pieces = d.macroUses[0].pieces.map((p) => ('text' in p ? p.text.trim() : 'cond' in p ? '<cond>' : `<${p.label}>`));
    expect(pieces).toEqual([
      'switch',
      '<cond>',
      '{ case',
      '<0>',
      ': return 1 ; case',
      '<1>',
      ': return 2 ; case 7 : break ; default : break ; }',
    ]);
    // A module without such a macro: nothing read.
    expect(declsOf(c('#define TWICE(x) ((x) * 2)', 'static int g(int v) { return TWICE(v); }'), 'qstr_switch')).toEqual([]);
  });

  test('condition of a switch under #if', () => {
    const [d] = declsOf(fn('#if MICROPY_PY_A', 'switch (attr) { case MP_QSTR_x: break; }', '#endif'), 'qstr_switch');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_A' }] }]);
  });

  test('a label computing with a qstr number is refused where it is written (NMG2031), directly or through a macro', () => {
    const given = c(
      '#define QS(x) MP_QSTR_##x',
      '#define NEXT(n) case MP_QSTR_##n + 1:',
      'static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {',
      '    switch (attr) {',
      '        case MP_QSTR_a: break;',
      '        case QS(b) * 2: break;',
      '        NEXT(c) break;',
      '    }',
      '}',
    );
    const r = extract(given);
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([
      ['NMG2031', lineCol(given, 'QS(b)').line, lineCol(given, 'QS(b)').col],
      ['NMG2031', lineCol(given, 'NEXT(c)').line, lineCol(given, 'NEXT(c)').col],
    ]);
  });

  test('a label through a macro that branches of an undecidable #if define as different qstrs keeps the choice: each branch under the #if, with its own positions; a module default decides', () => {
    const given = c(
      '#ifndef WIDE',
      '#define WIDE (1)',
      '#endif',
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define KIND MP_QSTR_real',
      '#define KINDS case MP_QSTR_real:',
      '#else',
      '#define KIND MP_QSTR_whole',
      '#define KINDS case MP_QSTR_whole: case MP_QSTR_int:',
      '#endif',
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define SAME MP_QSTR_same',
      '#else',
      '#define SAME (qstr)MP_QSTR_same',
      '#endif',
      '#if WIDE',
      '#define SIZE MP_QSTR_wide',
      '#else',
      '#define SIZE MP_QSTR_narrow',
      '#endif',
      'static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {',
      '    switch (attr) {',
      '        case KIND: break;',
      '        KINDS break;',
      '        case SIZE: break;',
      '        case SAME: break;',
      '    }',
      '}',
    );
    const r = extract(given);
    expect(r.diagnostics).toEqual([]);
    const [d] = r.model.decls.filter((x) => x.kind === 'qstr_switch');
    if (d.kind !== 'qstr_switch') throw new Error('not a qstr switch');
    // Every branch's labels, in the order written (the #else first: the latest definition is tested first).
    expect(d.labels.map((l) => [l.qstr, l.viaMacro])).toEqual([
      ['whole', 0],
      ['real', 0],
      ['whole', 1],
      ['int', 1],
      ['real', 1],
      // Decided by the module's default; branches that spell one qstr are one label.
      ['wide', undefined],
      ['same', undefined],
    ]);
    const text = (u: (typeof d.macroUses)[number]) =>
      u.pieces.map((p) => ('label' in p ? `<${d.labels[p.label].qstr}>` : 'cond' in p ? '<cond>' : p.text)).join('');
    expect(d.macroUses.map((u) => given.slice(u.span.start, u.span.end))).toEqual(['KIND', 'KINDS']);
    expect(d.macroUses.map(text)).toEqual([
      '\n#if !(MICROPY_PY_BUILTINS_FLOAT)\n<whole>\n#else\n<real>\n#endif\n ',
      '\n#if !(MICROPY_PY_BUILTINS_FLOAT)\ncase <whole>: case <int> :\n#else\ncase <real> :\n#endif\n ',
    ]);
    // Decided by -D, as the build decides it: one reading, no choice.
    const decided = extract(given, { defines: ['MICROPY_PY_BUILTINS_FLOAT=1', 'WIDE=0'] });
    expect(decided.diagnostics).toEqual([]);
    const [e] = decided.model.decls.filter((x) => x.kind === 'qstr_switch');
    expect(e.kind === 'qstr_switch' && e.labels.map((l) => l.qstr)).toEqual(['real', 'real', 'narrow', 'same']);
  });

  test('a branch whose label computes with a qstr number is refused there (NMG2031), and no label of that use is kept', () => {
    const given = c(
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define KIND MP_QSTR_real',
      '#else',
      '#define KIND MP_QSTR_whole + 1',
      '#endif',
      'static void a_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {',
      '    switch (attr) {',
      '        case MP_QSTR_x: break;',
      '        case KIND: break;',
      '    }',
      '}',
    );
    const r = extract(given);
    expect(r.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['NMG2031', lineCol(given, 'KIND:').line]]);
    const [d] = r.model.decls.filter((x) => x.kind === 'qstr_switch');
    expect(d.kind === 'qstr_switch' && [d.labels.map((l) => l.qstr), d.macroUses.length]).toEqual([['x'], 0]);
  });

  test.each<[string, ReturnType<typeof labelValue>]>([
    ['MP_QSTR_x', { qstr: 'x' }],
    ['((MP_QSTR_x))', { qstr: 'x' }],
    ['(mp_uint_t)MP_QSTR_x + 0', { qstr: 'x' }],
    ['MP_QSTR_x - 0', { qstr: 'x' }],
    ['MP_QSTR_x + 1', 'arith'],
    ['-MP_QSTR_x', 'arith'],
    ['MP_QSTR_x | 1', 'arith'],
    ['MP_QSTR_x + MP_QSTR_y', 'arith'],
    ['3', 'none'],
    ['PRINT_STR', 'none'],
  ])('labelValue(%s)', (label, want) => {
    expect(labelValue(lexPP(label))).toEqual(want);
  });
});
