import { lexPP } from '../../../src/preprocess/lexer';
import { evaluateCondition } from '../../../src/preprocess/condition';
import { MacroDef, MacroState, parseDefine } from '../../../src/preprocess/macros';

/** defs: `NAME body` definitions; undef: names known to be undefined; everything else unknown. */
function lookup(defs: string[], undef: string[] = []): (n: string) => MacroState | undefined {
  const m = new Map<string, MacroState>();
  for (const d of defs) {
    const def = parseDefine(lexPP(d), 'h') as MacroDef;
    m.set(def.name, def);
  }
  for (const u of undef) m.set(u, null);
  return (n) => m.get(n);
}

type Case = [string, { expr: string; defs?: string[]; undef?: string[]; want: number | undefined }];

describe('evaluateCondition: three-valued #if', () => {
  test.each<Case>([
    ['literal', { expr: '1 + 2 * 3 == 7', want: 1 }],
    ['precedence of shifts and bitwise', { expr: '(1 << 4 | 1) == 17', want: 1 }],
    ['hex, octal, suffixes, char', { expr: "0x10 + 010 + 1UL + 'A'", want: 16 + 8 + 1 + 65 }],
    ['defined known', { expr: 'defined(A) && defined B', defs: ['A 1', 'B'], want: 1 }],
    ['defined known-undefined', { expr: 'defined(A)', undef: ['A'], want: 0 }],
    ['defined unknown', { expr: 'defined(A)', want: undefined }],
    ['unknown || true decides', { expr: 'MICROPY_X || 1', want: 1 }],
    ['unknown && false decides', { expr: 'MICROPY_X && 0', want: 0 }],
    ['unknown alone', { expr: 'MICROPY_PY_BUILTINS_FLOAT', want: undefined }],
    ['macro chain', { expr: 'HAS_FFT', defs: ['HAS_FFT (ULAB_LEVEL >= 2)', 'ULAB_LEVEL 3'], want: 1 }],
    ['function-like macro', { expr: 'AT_LEAST(2)', defs: ['LEVEL 3', 'AT_LEAST(n) (LEVEL >= (n))'], want: 1 }],
    ['unknown function-like use', { expr: '__has_include("x.h")', want: undefined }],
    ['known-undefined identifier is 0', { expr: '!X', undef: ['X'], want: 1 }],
    ['ternary with unknown condition and equal arms', { expr: 'U ? 1 : 1', want: 1 }],
    ['division by zero is not decided', { expr: '1 / 0', want: undefined }],
    ['malformed', { expr: '1 +', want: undefined }],
  ])('%s', (_n, { expr, defs, undef, want }) => expect(evaluateCondition(lexPP(expr), lookup(defs ?? [], undef))).toBe(want));

  test('deep parentheses are refused, not a stack overflow', () => {
    const e = '('.repeat(100000) + '1' + ')'.repeat(100000);
    expect(evaluateCondition(lexPP(e), lookup([]))).toBeUndefined();
  });
});
