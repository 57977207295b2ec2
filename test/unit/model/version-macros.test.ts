import { versionMacros } from '../../../src/model/firmware';
import { evaluateCondition, lexPP, preprocess } from '../../../src/preprocess';

/** py/mpconfig.h's version macros, as a natmod built against a tree of that version sees them. */
describe('versionMacros', () => {
  const valueOf = (version: string, expr: string) => {
    const pp = preprocess('m.c', '', { defines: versionMacros(version) });
    return evaluateCondition(lexPP(expr), pp.lookupAt(Infinity));
  };

  test.each<[string, { version: string; expr: string; want: number }]>([
    ['MICROPY_VERSION of 1.28.0', { version: '1.28.0', expr: 'MICROPY_VERSION', want: 0x011c00 }],
    ['a v1.19 test', { version: '1.28.0', expr: 'MICROPY_VERSION >= 0x011300', want: 1 }],
    ['MICROPY_MAKE_VERSION', { version: '1.28.0', expr: 'MICROPY_VERSION < MICROPY_MAKE_VERSION(1, 22, 0)', want: 0 }],
    ['the minor number', { version: '1.28.0', expr: 'MICROPY_VERSION_MINOR == 28', want: 1 }],
    ['a preview release', { version: '1.29.0-preview', expr: 'MICROPY_VERSION_PRERELEASE', want: 1 }],
  ])('%s', (_n, { version, expr, want }) => expect(valueOf(version, expr)).toBe(want));

  test('no macros for a version that is not major.minor.micro', () => expect(versionMacros('unknown')).toEqual([]));
});
