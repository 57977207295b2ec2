import { mapConditions } from '../../../src/extract/conditions';
import { conditionExpr } from '../../../src/model/condition';
import { parseFile } from '../../../src/parse/parser';
import { c } from '../helpers';

const tokens = (text: string) => parseFile('t.c', text).tokens;

describe('mapConditions', () => {
  test('every token gets the condition around it; directives get the one outside their chain', () => {
    const toks = tokens(c('#if A', 'x;', '#elif B', 'y;', '#endif', 'z;'));
    const m = mapConditions(toks);
    expect(toks.map((t, i) => [t.text, conditionExpr(m.at[i]) ?? '-'])).toEqual([
      ['#if A', '-'],
      ['x', '(A)'],
      [';', '(A)'],
      ['#elif B', '-'],
      ['y', '!(A) && (B)'],
      [';', '!(A) && (B)'],
      ['#endif', '-'],
      ['z', '-'],
      [';', '-'],
    ]);
    expect(m.unbalanced).toEqual([]);
  });

  test.each<[string, { given: string; want: string[] }]>([
    ['an #endif without #if', { given: c('x;', '#endif'), want: ['#endif'] }],
    ['an #else without #if', { given: c('#else', 'x;'), want: ['#else'] }],
    ['an #elif without #if', { given: c('#elif A', 'x;'), want: ['#elif A'] }],
    ['balanced', { given: c('#ifdef A', '#else', '#endif'), want: [] }],
  ])('unbalanced directives: %s', (_name, { given, want }) => {
    const toks = tokens(given);
    expect(mapConditions(toks).unbalanced.map((i) => toks[i].text)).toEqual(want);
  });

  test('an include guard holds no condition (its code is compiled wherever it is read); its #else does', () => {
    const toks = tokens(c('#ifndef H_H', '#define H_H', 'x;', '#ifdef A', 'y;', '#endif', '#else', 'z;', '#endif', 'w;'));
    const m = mapConditions(toks);
    const at = (text: string) => conditionExpr(m.at[toks.findIndex((t) => t.text === text)]) ?? '-';
    expect([at('x'), at('y'), at('w')]).toEqual(['-', 'defined(A)', '-']);
    expect(at('z')).not.toBe('-');
    expect(m.unbalanced).toEqual([]);
    // `#ifndef X / #define X (1)` is a default the build may override: a condition.
    const d = tokens(c('#ifndef X', '#define X (1)', 'x;', '#endif'));
    expect(conditionExpr(mapConditions(d).at[d.findIndex((t) => t.text === 'x')])).toBe('!defined(X)');
  });

  test('the frames of sibling constructs in one chain are shared', () => {
    const toks = tokens(c('#if A', 'x;', 'y;', '#endif'));
    const m = mapConditions(toks);
    const x = toks.findIndex((t) => t.text === 'x');
    const y = toks.findIndex((t) => t.text === 'y');
    expect(m.at[x][0]).toBe(m.at[y][0]);
  });
});
