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

  test('span is the directive; condition recorded', () => {
    const given = c('#ifdef X', '#include "x.h"', '#endif');
    const [d] = declsOf(given, 'include');
    expect(given.slice(d.span.start, d.span.end)).toBe('#include "x.h"');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'ifdef', arg: 'X' }] }]);
  });
});
