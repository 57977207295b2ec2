import { evaluateCondition, Known } from '../../../src/preprocess/condition';
import { lexPP } from '../../../src/preprocess/lexer';
import { MacroLookup, parseDefine } from '../../../src/preprocess/macros';

/** Object-like macros: a body, or null for a macro known to be undefined (#undef). Others are unknown. */
const table =
  (macros: Record<string, string | null> = {}): MacroLookup =>
  (n) => {
    if (!(n in macros)) return undefined;
    const body = macros[n];
    return body === null ? null : parseDefine(lexPP(`${n} ${body}`), 't.h');
  };
const evaluate = (expr: string, lookup: MacroLookup): Known => evaluateCondition(lexPP(expr), lookup);

type Case = [string, { given: string; macros?: Record<string, string | null>; want: Known }];

describe('evaluate: defined()', () => {
  test.each<Case>([
    ['defined(X) of a macro with a body', { given: 'defined(X)', macros: { X: '1' }, want: 1 }],
    ['defined(X) of a macro with an empty body', { given: 'defined(X)', macros: { X: '' }, want: 1 }],
    ['defined(X) of a macro defined as 0 is still 1', { given: 'defined(X)', macros: { X: '0' }, want: 1 }],
    ['defined X without parentheses', { given: 'defined X', macros: { X: '' }, want: 1 }],
    ['defined ( X ) with spaces', { given: 'defined ( X )', macros: { X: '0' }, want: 1 }],
    ['defined(X) of an #undef-ed macro', { given: 'defined(X)', macros: { X: null }, want: 0 }],
    ['defined(X) of an unknown macro is unknown', { given: 'defined(X)', want: undefined }],
    ['!defined(X) of an unknown macro is unknown', { given: '!defined(X)', want: undefined }],
    ['!defined(X) of an #undef-ed macro', { given: '!defined(X)', macros: { X: null }, want: 1 }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });
});

describe('evaluate: macros', () => {
  test.each<Case>([
    ['a known macro', { given: 'X', macros: { X: '1' }, want: 1 }],
    ['a macro with a parenthesised body', { given: 'MICROPY_PY_X', macros: { MICROPY_PY_X: '(0)' }, want: 0 }],
    ['a macro expanding to another', { given: 'A', macros: { A: 'B', B: '(2 + 3)' }, want: 5 }],
    ['an unknown macro is unknown (not 0: natmodgen cannot see mpconfig)', { given: 'MICROPY_PY_X', want: undefined }],
    ['an #undef-ed macro is 0', { given: 'X', macros: { X: null }, want: 0 }],
    ['a self-referencing macro ends as an identifier, 0 as in C', { given: 'A', macros: { A: 'A' }, want: 0 }],
    ['mutually recursive macros end as an identifier, 0 as in C', { given: 'A', macros: { A: 'B', B: 'A' }, want: 0 }],
    ['a macro with an empty body used as a value is unknown', { given: 'X', macros: { X: '' }, want: undefined }],
    ['an empty object-like macro before parentheses leaves them', { given: 'F(1)', macros: { F: '' }, want: 1 }],
    ['a use of an unknown function-like macro is unknown', { given: 'F(1)', want: undefined }],
    ['a macro compared with a number', { given: 'MICROPY_FLOAT_IMPL == 2', macros: { MICROPY_FLOAT_IMPL: '(2)' }, want: 1 }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });
});

describe('evaluate: && and || with unknowns', () => {
  test.each<Case>([
    ['1 && 1', { given: '1 && 1', want: 1 }],
    ['1 && 0', { given: '1 && 0', want: 0 }],
    ['0 && unknown is 0', { given: '0 && U', want: 0 }],
    ['unknown && 0 is 0', { given: 'U && 0', want: 0 }],
    ['unknown && 1 is unknown', { given: 'U && 1', want: undefined }],
    ['1 && unknown is unknown', { given: '1 && U', want: undefined }],
    ['1 || unknown is 1', { given: '1 || U', want: 1 }],
    ['unknown || 1 is 1', { given: 'U || 1', want: 1 }],
    ['0 || unknown is unknown', { given: '0 || U', want: undefined }],
    ['unknown || 0 is unknown', { given: 'U || 0', want: undefined }],
    ['0 || 0', { given: '0 || 0', want: 0 }],
    ['&& binds tighter than ||', { given: '1 || 0 && 0', want: 1 }],
    ['a chain with an unknown that does not matter', { given: 'defined(A) && A || U', macros: { A: '1' }, want: 1 }],
    ['a chain with an unknown that matters', { given: 'defined(A) && A || U', macros: { A: '0' }, want: undefined }],
    ['division by zero where short-circuit skips it', { given: '0 && 10 / 0', want: 0 }],
    ['and on the other side', { given: '1 || 10 / 0', want: 1 }],
    ['!unknown is unknown', { given: '!U', want: undefined }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });
});

describe('evaluate: arithmetic and comparison', () => {
  test.each<Case>([
    ['precedence of * over +', { given: '2 + 3 * 4', want: 14 }],
    ['parentheses', { given: '2 * (3 + 4)', want: 14 }],
    ['subtraction is left-associative', { given: '10 - 3 - 2', want: 5 }],
    ['integer division truncates toward zero', { given: '-7 / 2', want: -3 }],
    ['remainder has the sign of the dividend', { given: '-7 % 2', want: -1 }],
    ['division by zero is unknown', { given: '10 / 0', want: undefined }],
    ['remainder by zero is unknown', { given: '10 % 0', want: undefined }],
    ['shifts', { given: '(1 << 4) | 1', want: 17 }],
    ['right shift', { given: '256 >> 4', want: 16 }],
    ['bitwise precedence: & over ^ over |', { given: '1 | 2 ^ 3 & 4', want: 3 }],
    ['unary minus', { given: '-1 < 0', want: 1 }],
    ['double negation', { given: '1 - - 1', want: 2 }],
    ['bitwise not', { given: '~0', want: -1 }],
    ['logical not', { given: '!0 + !5', want: 1 }],
    ['relational', { given: '3 >= 3', want: 1 }],
    ['equality', { given: '3 != 3', want: 0 }],
    ['relational binds tighter than equality', { given: '1 < 2 == 1', want: 1 }],
    ['hex', { given: '0x1F == 31', want: 1 }],
    ['integer suffixes', { given: '10UL + 1u', want: 11 }],
    ['an unknown operand makes arithmetic unknown', { given: 'U + 1', want: undefined }],
    ['even an unknown times 0', { given: 'U * 0', want: undefined }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });
});

describe('evaluate: ternary', () => {
  test.each<Case>([
    ['true condition', { given: '1 ? 2 : 3', want: 2 }],
    ['false condition', { given: '0 ? 2 : 3', want: 3 }],
    ['an unknown condition with equal branches', { given: 'U ? 1 : 1', want: 1 }],
    ['an unknown condition with different branches', { given: 'U ? 1 : 2', want: undefined }],
    ['the branch not taken may be unknown', { given: '0 ? U : 5', want: 5 }],
    ['nested, right-associative', { given: '1 ? 0 ? 5 : 6 : 7', want: 6 }],
    ['in a comparison', { given: '(A ? 4 : 8) == 4', macros: { A: '1' }, want: 1 }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });
});

describe('evaluate: what it cannot read is unknown', () => {
  test.each<Case>([
    ['an empty expression', { given: '', want: undefined }],
    ['two numbers in a row', { given: '1 2', want: undefined }],
    ['a trailing operator', { given: '1 +', want: undefined }],
    ['a character constant', { given: "'a' == 97", want: 1 }],
    ['a string', { given: '"a"', want: undefined }],
  ])('%s', (_name, { given, macros, want }) => {
    expect(evaluate(given, table(macros))).toBe(want);
  });

  // Regression, once a bug (src/extract/pp-expr.ts lex): `Number('010')` is 10, but a leading 0 makes an
  // octal constant in C, so `#if 010 == 8` is true to the compiler and false here.
  test('an octal constant', () => {
    expect(evaluate('010 == 8', table())).toBe(1);
  });

  // Regression, once a bug (src/extract/pp-expr.ts apply): #if arithmetic is done in intmax_t (64 bits), but
  // the JavaScript bitwise operators work on 32-bit integers: `1 << 31` is negative and
  // `1 << 40` is 256 here.
  test('shifts past 31 bits', () => {
    expect(evaluate('(1 << 31) > 0', table())).toBe(1);
    expect(evaluate('(1 << 40) == 1099511627776', table())).toBe(1);
  });
});
