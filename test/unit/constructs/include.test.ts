import { c, declsOf } from '../helpers';

describe('extractIncludes', () => {
  test.each<[string, { given: string; want: Array<{ target: string; quoted: boolean }> }]>([
    ['quoted', { given: '#include "py/runtime.h"\n', want: [{ target: 'py/runtime.h', quoted: true }] }],
    ['angle brackets', { given: '#include <string.h>\n', want: [{ target: 'string.h', quoted: false }] }],
    ['spaces and a trailing comment', { given: '#  include   "x.h" // why\n', want: [{ target: 'x.h', quoted: true }] }],
    ['under #if', { given: c('#if X', '#include "x.h"', '#endif'), want: [{ target: 'x.h', quoted: true }] }],
    ['a computed include is skipped', { given: '#include INCLUDE_FILE\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(declsOf(given, 'include').map((d) => ({ target: d.target, quoted: d.quoted }))).toEqual(want);
  });

  test('a header name tested by __has_include in #if/#elif is one too, its span the quoted name; angle brackets are not', () => {
    const given = c(
      '#if __has_include("a.h") && X',
      '#elif defined(Y) || __has_include( "b/c.h" )',
      '#elif __has_include(<d.h>)',
      '#endif',
    );
    const found = declsOf(given, 'include');
    expect(found.map((d) => [d.target, d.inTest, given.slice(d.span.start, d.span.end)])).toEqual([
      ['a.h', true, '"a.h"'],
      ['b/c.h', true, '"b/c.h"'],
    ]);
  });

  test('span is the directive; condition recorded', () => {
    const given = c('#ifdef X', '#include "x.h"', '#endif');
    const [d] = declsOf(given, 'include');
    expect(given.slice(d.span.start, d.span.end)).toBe('#include "x.h"');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'ifdef', arg: 'X' }] }]);
  });
});
