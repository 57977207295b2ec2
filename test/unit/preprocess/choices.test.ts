import { Expansion, lexPP, preprocess, PreprocessOptions, spell, testKey } from '../../../src/preprocess';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** The expansion of `use` written at the end of `text`, as nested `#if` text: what the compiler may see. */
function choices(text: string, use: string, opts: PreprocessOptions = {}): string {
  const full = text + use + '\n';
  const p = preprocess('/m/mod.c', full, opts);
  const at = text.length;
  const toks = lexPP(use).map((t) => ({ ...t, start: t.start + at, end: t.end + at }));
  const show = (e: Expansion): string[] =>
    e.kind === 'tokens'
      ? [spell(e.tokens)]
      : [
          ...e.branches.flatMap((b, k) => [
            `${k === 0 ? '#if' : b.when === undefined ? '#else' : '#elif'}${b.when ? ' ' + b.when : ''}`,
            ...show(b.body),
          ]),
          '#endif',
        ];
  return show(p.expandChoicesAt(toks, at)).join('\n');
}

type Case = [string, { given: string; use: string; opts?: PreprocessOptions; want: string }];

describe('preprocess: expansions under #if natmodgen cannot decide keep the compiler’s choice', () => {
  const list = lines('#if BOARD_HAS_LED', '#define LIST X(a) X(b)', '#else', '#define LIST X(c)', '#endif', '#define X(n) n,');
  test.each<Case>([
    ['#if / #else: each branch under its own test', { given: list, use: 'LIST', want: '#if !(BOARD_HAS_LED)\nc,\n#else\na, b,\n#endif' }],
    [
      'decided by -D: one expansion',
      { given: list, use: 'LIST', opts: { defines: [{ name: 'BOARD_HAS_LED', body: '1' }] }, want: 'a, b,' },
    ],
    [
      '#if without #else over an earlier definition: that one is the #else',
      {
        given: lines('#define N 1', '#ifdef BOARD_BIG', '#undef N', '#define N 2', '#endif'),
        use: 'N',
        want: '#if defined(BOARD_BIG)\n2\n#else\n1\n#endif',
      },
    ],
    [
      '#elif chain: every branch',
      {
        given: lines('#if BOARD == 1', '#define N one', '#elif BOARD == 2', '#define N two', '#else', '#define N other', '#endif'),
        use: 'N',
        want: '#if !(BOARD == 1) && !(BOARD == 2)\nother\n#elif !(BOARD == 1) && (BOARD == 2)\ntwo\n#else\none\n#endif',
      },
    ],
    [
      'an #undef under the #if: the name stays',
      { given: lines('#define N 1', '#if BOARD_NO_N', '#undef N', '#endif'), use: 'N', want: '#if (BOARD_NO_N)\nN\n#else\n1\n#endif' },
    ],
    [
      'nested in a decided #if: only the undecided test',
      {
        given: lines('#define HAS 1', '#if HAS', '#if BOARD_X', '#define N 1', '#else', '#define N 2', '#endif', '#endif'),
        use: 'N',
        want: '#if !(BOARD_X)\n2\n#else\n1\n#endif',
      },
    ],
    [
      'MICROPY_ENABLE_DYNRUNTIME read as the firmware does',
      {
        given: lines('#if !MICROPY_ENABLE_DYNRUNTIME && BOARD_X', '#define N 1', '#else', '#define N 2', '#endif'),
        use: 'N',
        want: '#if !(!0 && BOARD_X)\n2\n#else\n1\n#endif',
      },
    ],
    [
      'alternatives that expand alike: one expansion',
      { given: lines('#if BOARD_X', '#define N 1', '#else', '#define N 1', '#endif'), use: 'N', want: '1' },
    ],
    [
      'a module default (#ifndef X / #define X): its condition tests a name defined after it, read as the default',
      { given: lines('#ifndef MOD_N', '#define MOD_N (3)', '#endif'), use: 'MOD_N', want: '(3)' },
    ],
    [
      'in a guarded header: the guard is no condition',
      {
        given: lines('#include "cfg.h"'),
        opts: {
          host: {
            readFile: (f) =>
              f === '/m/cfg.h'
                ? lines('#ifndef CFG_H', '#define CFG_H', '#if BOARD_X', '#define N 1', '#else', '#define N 2', '#endif', '#endif')
                : undefined,
          },
        },
        use: 'N',
        want: '#if !(BOARD_X)\n2\n#else\n1\n#endif',
      },
    ],
    [
      'two undecided macros: nested choices',
      {
        given: lines(
          '#if BOARD_A',
          '#define P a',
          '#else',
          '#define P b',
          '#endif',
          '#if BOARD_C',
          '#define Q c',
          '#else',
          '#define Q d',
          '#endif',
        ),
        use: 'P Q',
        want: '#if !(BOARD_A)\n#if !(BOARD_C)\nb d\n#else\nb c\n#endif\n#else\n#if !(BOARD_C)\na d\n#else\na c\n#endif\n#endif',
      },
    ],
    [
      'macros chosen by one test in several chains (#ifdef, #ifndef, #if defined()): the branches follow the first choice',
      {
        given: lines(
          '#ifdef BOARD_A',
          '#define P a',
          '#else',
          '#define P b',
          '#endif',
          '#ifndef BOARD_A',
          '#define Q nq',
          '#else',
          '#define Q q',
          '#endif',
          '#if defined(BOARD_A)',
          '#define R r',
          '#endif',
        ),
        use: 'P Q R',
        want: '#if !defined(BOARD_A)\nb nq R\n#else\na q r\n#endif',
      },
    ],
    [
      'a test that includes another (!(A) && (B)) is no same test: both stay choices',
      {
        given: lines('#if BOARD_A', '#define P a', '#elif BOARD_B', '#define P b', '#endif', '#if BOARD_A', '#define Q q', '#endif'),
        use: 'P Q',
        want: '#if !(BOARD_A) && (BOARD_B)\n#if (BOARD_A)\nb q\n#else\nb Q\n#endif\n#elif (BOARD_A)\na q\n#else\nP Q\n#endif',
      },
    ],
  ])('%s', (_name, { given, use, opts, want }) => {
    expect(choices(given, use, opts)).toBe(want);
  });

  test('six entries each under its own #if over one name: two expansions, not 64 (the limit is 32)', () => {
    const given = [1, 2, 3, 4, 5, 6]
      .map((n) => lines('#ifdef BOARD_A', `#define E${n} X(e${n})`, '#else', `#define E${n} X(n${n})`, '#endif'))
      .join('');
    expect(choices(given + lines('#define X(n) n,'), 'E1 E2 E3 E4 E5 E6')).toBe(
      '#if !defined(BOARD_A)\nn1, n2, n3, n4, n5, n6,\n#else\ne1, e2, e3, e4, e5, e6,\n#endif',
    );
  });

  test('past 32 combinations of independent tests: the default reading, with the names it depends on', () => {
    const given = [1, 2, 3, 4, 5, 6]
      .map((n) => lines(`#ifdef BOARD_${n}`, `#define E${n} X(e${n})`, '#else', `#define E${n} X(n${n})`, '#endif'))
      .join('');
    const full = given + lines('#define X(n) n,') + 'E1 E2 E3 E4 E5 E6\n';
    const p = preprocess('/m/mod.c', full);
    const at = full.length - 'E1 E2 E3 E4 E5 E6\n'.length;
    const toks = lexPP('E1 E2 E3 E4 E5 E6').map((t) => ({ ...t, start: t.start + at, end: t.end + at }));
    const e = p.expandChoicesAt(toks, at);
    expect(e.kind === 'tokens' && [spell(e.tokens), e.undecided]).toEqual([
      'n1, n2, n3, n4, n5, n6,',
      ['BOARD_1', 'BOARD_2', 'BOARD_3', 'BOARD_4', 'BOARD_5', 'BOARD_6'],
    ]);
  });
});

describe('testKey: one test however it is negated and parenthesised', () => {
  test.each<[string, [string, boolean]]>([
    ['defined(A)', ['defined(A)', true]],
    ['!defined(A)', ['defined(A)', false]],
    ['(defined(A))', ['defined(A)', true]],
    ['!(defined(A))', ['defined(A)', false]],
    ['!!defined(A)', ['defined(A)', true]],
    ['!defined A', ['defined(A)', false]],
    ['(BOARD_X)', ['BOARD_X', true]],
    ['!(A) && (B)', ['!(A) && (B)', true]],
    ['(A) || (B)', ['(A) || (B)', true]],
  ])('%s', (when, want) => {
    expect(testKey(when)).toEqual(want);
  });
});

describe('preprocess: __has_include', () => {
  const files: Record<string, string> = { '/m/cfg.h': '#define N 1\n' };
  const host = { readFile: (f: string) => files[f] };
  test.each<[string, { given: string; want: string }]>([
    [
      'a header beside the file: found',
      { given: lines('#if __has_include("cfg.h")', '#include "cfg.h"', '#else', '#define N 2', '#endif'), want: '1' },
    ],
    [
      'a quoted header nowhere in the module: not found',
      { given: lines('#if __has_include("nope.h")', '#define N 3', '#else', '#define N 2', '#endif'), want: '2' },
    ],
    [
      'a system header: the compiler decides',
      {
        given: lines('#if __has_include(<board.h>)', '#define N 3', '#else', '#define N 2', '#endif'),
        want: '#if !(__has_include(<board.h>))\n2\n#else\n3\n#endif',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(choices(given, 'N', { host })).toBe(want);
  });
});
