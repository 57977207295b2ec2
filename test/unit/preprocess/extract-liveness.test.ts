import { Liveness } from '../../../src/preprocess';
import { ExtractContext } from '../../../src/extract/context';
import { parseFile } from '../../../src/parse/parser';
import { parseDefine } from '../../../src/pipeline';
import { c } from '../helpers';

/** Liveness of every variable declared as `int NAME;` in the snippet, by name. */
function liveness(text: string, defines: string[] = []): Record<string, Liveness> {
  const file = parseFile('t.c', text);
  const tokens = file.tokens;
  const live = new ExtractContext(file, 0, defines.map(parseDefine)).liveness;
  const out: Record<string, Liveness> = {};
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && tokens[i - 1]?.text === 'int' && tokens[i + 1]?.text === ';') out[t.text] = live[i];
  });
  return out;
}

type Case = [string, { given: string; defines?: string[]; want: Record<string, Liveness> }];

describe('ExtractContext liveness: -D values', () => {
  const ifElse = c('int before;', '#if MICROPY_PY_X', 'int x;', '#else', 'int not_x;', '#endif', 'int after;');
  test.each<Case>([
    ['no -D: both branches unknown', { given: ifElse, want: { before: 'on', x: 'unknown', not_x: 'unknown', after: 'on' } }],
    ['-D X=1', { given: ifElse, defines: ['MICROPY_PY_X=1'], want: { before: 'on', x: 'on', not_x: 'off', after: 'on' } }],
    ['-D X=0', { given: ifElse, defines: ['MICROPY_PY_X=0'], want: { before: 'on', x: 'off', not_x: 'on', after: 'on' } }],
    ['-D X (means 1)', { given: ifElse, defines: ['MICROPY_PY_X'], want: { before: 'on', x: 'on', not_x: 'off', after: 'on' } }],
    [
      '-D X=(0) in parentheses',
      { given: ifElse, defines: ['MICROPY_PY_X=(0)'], want: { before: 'on', x: 'off', not_x: 'on', after: 'on' } },
    ],
    [
      '-D X=OTHER, OTHER unknown',
      { given: ifElse, defines: ['MICROPY_PY_X=OTHER'], want: { before: 'on', x: 'unknown', not_x: 'unknown', after: 'on' } },
    ],
    ['-D of a function-like macro makes it defined', { given: c('#ifdef F', 'int f;', '#endif'), defines: ['F(x)=x'], want: { f: 'on' } }],
    ['#ifdef of a -D name', { given: c('#ifdef A', 'int a;', '#else', 'int b;', '#endif'), defines: ['A=0'], want: { a: 'on', b: 'off' } }],
    ['#ifdef of an unknown name', { given: c('#ifdef A', 'int a;', '#else', 'int b;', '#endif'), want: { a: 'unknown', b: 'unknown' } }],
    ['#ifndef of a -D name', { given: c('#ifndef A', 'int a;', '#else', 'int b;', '#endif'), defines: ['A'], want: { a: 'off', b: 'on' } }],
    ['#if 0 needs no -D', { given: c('#if 0', 'int a;', '#else', 'int b;', '#endif'), want: { a: 'off', b: 'on' } }],
    ['#if 1', { given: c('#if 1', 'int a;', '#else', 'int b;', '#endif'), want: { a: 'on', b: 'off' } }],
    [
      'a condition decided by short-circuit around an unknown',
      { given: c('#if MICROPY_PY_X && UNKNOWN', 'int a;', '#endif'), defines: ['MICROPY_PY_X=0'], want: { a: 'off' } },
    ],
  ])('%s', (_name, { given, defines, want }) => {
    expect(liveness(given, defines)).toEqual(want);
  });
});

describe('ExtractContext liveness: #elif chains', () => {
  const chain = c('#if A', 'int a;', '#elif B', 'int b;', '#else', 'int e;', '#endif');
  test.each<Case>([
    ['first branch taken', { given: chain, defines: ['A=1', 'B=1'], want: { a: 'on', b: 'off', e: 'off' } }],
    ['second branch taken', { given: chain, defines: ['A=0', 'B=1'], want: { a: 'off', b: 'on', e: 'off' } }],
    ['else taken', { given: chain, defines: ['A=0', 'B=0'], want: { a: 'off', b: 'off', e: 'on' } }],
    ['first unknown: the rest unknown', { given: chain, defines: ['B=0'], want: { a: 'unknown', b: 'off', e: 'unknown' } }],
    ['first false, second unknown', { given: chain, defines: ['A=0'], want: { a: 'off', b: 'unknown', e: 'unknown' } }],
    ['first true: later unknowns are off', { given: chain, defines: ['A=1'], want: { a: 'on', b: 'off', e: 'off' } }],
    ['#elifdef', { given: c('#if 0', 'int a;', '#elifdef D', 'int d;', '#endif'), defines: ['D'], want: { a: 'off', d: 'on' } }],
    ['#elifndef', { given: c('#if 0', 'int a;', '#elifndef D', 'int d;', '#endif'), defines: ['D'], want: { a: 'off', d: 'off' } }],
  ])('%s', (_name, { given, defines, want }) => {
    expect(liveness(given, defines)).toEqual(want);
  });
});

describe('ExtractContext liveness: nesting', () => {
  test.each<Case>([
    [
      'inside an off region everything is off',
      {
        given: c('#if 0', '#if 1', 'int a;', '#else', 'int b;', '#endif', 'int c;', '#endif', 'int d;'),
        want: { a: 'off', b: 'off', c: 'off', d: 'on' },
      },
    ],
    [
      'inside an unknown region a true test is unknown',
      { given: c('#if U', '#if 1', 'int a;', '#else', 'int b;', '#endif', '#endif'), want: { a: 'unknown', b: 'off' } },
    ],
    ['inside an on region', { given: c('#if 1', '#if 0', 'int a;', '#endif', 'int b;', '#endif'), want: { a: 'off', b: 'on' } }],
    [
      'an unmatched #endif does not break the walk',
      { given: c('#endif', 'int a;', '#if 0', 'int b;', '#endif'), want: { a: 'on', b: 'off' } },
    ],
  ])('%s', (_name, { given, defines, want }) => {
    expect(liveness(given, defines)).toEqual(want);
  });
});

describe('ExtractContext liveness: the file own #define / #undef', () => {
  const defaults = c(
    '#ifndef MICROPY_PY_X',
    '#define MICROPY_PY_X (1)',
    '#endif',
    '#if MICROPY_PY_X',
    'int x;',
    '#else',
    'int not_x;',
    '#endif',
  );
  test.each<Case>([
    ['#ifndef/#define default without -D: unknown (the config may set it)', { given: defaults, want: { x: 'unknown', not_x: 'unknown' } }],
    ['#ifndef/#define default with -D X=0: the -D wins', { given: defaults, defines: ['MICROPY_PY_X=0'], want: { x: 'off', not_x: 'on' } }],
    ['#ifndef/#define default with -D X=1', { given: defaults, defines: ['MICROPY_PY_X=1'], want: { x: 'on', not_x: 'off' } }],
    [
      'an unconditional #define',
      { given: c('#define USE (0)', '#if USE', 'int a;', '#else', 'int b;', '#endif'), want: { a: 'off', b: 'on' } },
    ],
    ['a #define replaces a -D value', { given: c('#define USE 1', '#if USE', 'int a;', '#endif'), defines: ['USE=0'], want: { a: 'on' } }],
    [
      'a #define used through another macro',
      { given: c('#define A B', '#define B 2', '#if A == 2', 'int a;', '#endif'), want: { a: 'on' } },
    ],
    ['#define makes #ifdef true', { given: c('#define HAVE_X', '#ifdef HAVE_X', 'int a;', '#endif'), want: { a: 'on' } }],
    ['a function-like #define makes #ifdef true', { given: c('#define F(x) (x)', '#ifdef F', 'int a;', '#endif'), want: { a: 'on' } }],
    [
      'a #define in an off region is ignored',
      { given: c('#if 0', '#define USE 1', '#endif', '#if USE', 'int a;', '#endif'), defines: ['USE=0'], want: { a: 'off' } },
    ],
    [
      'a #define in an unknown region makes the macro unknown',
      { given: c('#if U', '#define USE 1', '#endif', '#if USE', 'int a;', '#endif'), defines: ['USE=0'], want: { a: 'unknown' } },
    ],
    [
      '#undef makes the macro undefined (0)',
      {
        given: c('#undef USE', '#if USE', 'int a;', '#endif', '#ifdef USE', 'int b;', '#endif'),
        defines: ['USE=1'],
        want: { a: 'off', b: 'off' },
      },
    ],
    [
      '#undef in an unknown region makes it unknown',
      { given: c('#if U', '#undef USE', '#endif', '#if USE', 'int a;', '#endif'), defines: ['USE=1'], want: { a: 'unknown' } },
    ],
    [
      '#undef in an off region is ignored',
      { given: c('#if 0', '#undef USE', '#endif', '#if USE', 'int a;', '#endif'), defines: ['USE=1'], want: { a: 'on' } },
    ],
  ])('%s', (_name, { given, defines, want }) => {
    expect(liveness(given, defines)).toEqual(want);
  });
});

describe('ExtractContext liveness: directive tokens', () => {
  test('a directive token gets the liveness in force just before it', () => {
    const file = parseFile('t.c', c('#if 0', 'int a;', '#endif'));
    const tokens = file.tokens;
    const live = new ExtractContext(file, 0).liveness;
    expect(tokens.map((t, i) => [t.text, live[i]])).toEqual([
      ['#if 0', 'on'],
      ['int', 'off'],
      ['a', 'off'],
      [';', 'off'],
      ['#endif', 'off'],
    ]);
  });
});
