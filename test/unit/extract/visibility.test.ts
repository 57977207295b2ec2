// Hidden data is addressed without the GOT, which mpy_ld needs for BSS: natmodgen reads such
// attributes as default only when every `visibility` word has the attribute's shape.
import { hidesSymbols } from '../../../src/extract/visibility';
import { lexPP } from '../../../src/preprocess';

describe('hidesSymbols', () => {
  test.each<[string, { texts: string[]; macros?: string[]; want: boolean }]>([
    ['an attribute in the file', { texts: ['__attribute__((visibility("hidden"))) int x;'], want: true }],
    ['the underscored spelling, internal', { texts: ['int y __attribute__((__visibility__("internal")));'], want: true }],
    ['through a macro of a header', { texts: ['#define PRIV __attribute__((visibility("hidden")))\nPRIV extern int x;'], want: true }],
    ['a -D macro body', { texts: ['int x;'], macros: ['__attribute__((visibility("protected")))'], want: true }],
    ['default visibility only', { texts: ['__attribute__((visibility("default"))) int x;'], want: false }],
    ['no attribute', { texts: ['static int hidden = 1;'], want: false }],
    [
      'another use of the word keeps the module as written',
      { texts: ['__attribute__((visibility("hidden"))) int x;', 'void visibility(int on);'], want: false },
    ],
    [
      'a field of that name is no call',
      { texts: ['__attribute__((visibility("hidden"))) int x; struct s { int visibility; };'], want: true },
    ],
  ])('%s', (_n, { texts, macros, want }) => {
    expect(
      hidesSymbols(
        texts,
        (macros ?? []).map((m) => lexPP(m)),
      ),
    ).toBe(want);
  });
});
