import {
  CondBranch,
  CondFrame,
  Condition,
  conditionExpr,
  firmwareSide,
  frameExpr,
  mentionsDynruntime,
  relativeTo,
} from '../../../src/model/condition';
import { declsOf, c } from '../helpers';

const b = (keyword: CondBranch['keyword'], arg = ''): CondBranch => ({ keyword, arg });
const frame = (...branches: CondBranch[]): CondFrame => ({ branches });

describe('frameExpr', () => {
  test.each<[string, { given: CondFrame; want: string }]>([
    ['#if', { given: frame(b('if', 'A')), want: '(A)' }],
    ['#ifdef', { given: frame(b('ifdef', 'A')), want: 'defined(A)' }],
    ['#ifndef', { given: frame(b('ifndef', 'A')), want: '!defined(A)' }],
    ['#if A / #elif B: in the #elif', { given: frame(b('if', 'A'), b('elif', 'B')), want: '!(A) && (B)' }],
    ['#if A / #else: in the #else', { given: frame(b('if', 'A'), b('else')), want: '!(A)' }],
    ['#if A / #elif B / #else', { given: frame(b('if', 'A'), b('elif', 'B'), b('else')), want: '!(A) && !(B)' }],
    ['#if A / #elif B / #elif C', { given: frame(b('if', 'A'), b('elif', 'B'), b('elif', 'C')), want: '!(A) && !(B) && (C)' }],
    ['#ifdef A / #else', { given: frame(b('ifdef', 'A'), b('else')), want: '!defined(A)' }],
    ['#ifndef A / #else', { given: frame(b('ifndef', 'A'), b('else')), want: '!!defined(A)' }],
    ['#ifdef A / #elifdef B', { given: frame(b('ifdef', 'A'), b('elifdef', 'B')), want: '!defined(A) && defined(B)' }],
    ['#ifdef A / #elifndef B', { given: frame(b('ifdef', 'A'), b('elifndef', 'B')), want: '!defined(A) && !defined(B)' }],
    ['an operator-laden condition keeps its parentheses', { given: frame(b('if', 'A || B'), b('else')), want: '!(A || B)' }],
    ['no branches', { given: frame(), want: '1' }],
  ])('%s', (_name, { given, want }) => {
    expect(frameExpr(given)).toBe(want);
  });
});

describe('conditionExpr', () => {
  test.each<[string, { given: Condition; want: string | undefined }]>([
    ['unconditional', { given: [], want: undefined }],
    ['one #if', { given: [frame(b('if', 'A'))], want: '(A)' }],
    ['one #elif: no extra parentheses with one frame', { given: [frame(b('if', 'A'), b('elif', 'B'))], want: '!(A) && (B)' }],
    ['nested single branches', { given: [frame(b('if', 'A')), frame(b('ifdef', 'B'))], want: '(A) && defined(B)' }],
    ['nested with an #else outside', { given: [frame(b('if', 'A'), b('else')), frame(b('if', 'B'))], want: '(!(A)) && (B)' }],
    [
      'nested with an #elif inside',
      { given: [frame(b('ifndef', 'A')), frame(b('if', 'B'), b('elif', 'C'))], want: '!defined(A) && (!(B) && (C))' },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(conditionExpr(given)).toBe(want);
  });
});

describe('conditions recorded by the extractors', () => {
  test.each<[string, { given: string; want: string | undefined }]>([
    ['no conditional', { given: c('static int x;'), want: undefined }],
    ['#if', { given: c('#if A', 'static int x;', '#endif'), want: '(A)' }],
    ['#ifdef', { given: c('#ifdef A', 'static int x;', '#endif'), want: 'defined(A)' }],
    ['#ifndef', { given: c('#ifndef A', 'static int x;', '#endif'), want: '!defined(A)' }],
    ['#elif', { given: c('#if A', '#elif B', 'static int x;', '#endif'), want: '!(A) && (B)' }],
    ['#else after #elif', { given: c('#if A', '#elif B', '#else', 'static int x;', '#endif'), want: '!(A) && !(B)' }],
    ['nested in #else', { given: c('#ifdef A', '#else', '#if B', 'static int x;', '#endif', '#endif'), want: '(!defined(A)) && (B)' }],
    ['after the chain ends', { given: c('#if A', '#endif', 'static int x;'), want: undefined }],
    ['comments in the directive are dropped', { given: c('#if A /* why */ // and', 'static int x;', '#endif'), want: '(A)' }],
    [
      'MICROPY_ENABLE_DYNRUNTIME reads as the firmware side',
      { given: c('#if !MICROPY_ENABLE_DYNRUNTIME', 'static int x;', '#endif'), want: '(!0)' },
    ],
    [
      '#ifdef MICROPY_ENABLE_DYNRUNTIME / #else',
      { given: c('#ifdef MICROPY_ENABLE_DYNRUNTIME', '#else', 'static int x;', '#endif'), want: '!(0)' },
    ],
  ])('%s', (_name, { given, want }) => {
    const [d] = declsOf(given, 'writable_data');
    expect(conditionExpr(d.cond)).toBe(want);
  });
});

describe('relativeTo', () => {
  test('drops the frames shared with the outer condition', () => {
    const outer = frame(b('if', 'A'));
    const inner = frame(b('ifdef', 'B'));
    expect(relativeTo([outer, inner], [outer])).toEqual([inner]);
    expect(relativeTo([outer], [outer])).toEqual([]);
    expect(relativeTo([inner], [outer])).toEqual([inner]);
    expect(relativeTo([], [outer])).toEqual([]);
  });
});

describe('firmwareSide', () => {
  test.each<[string, { given: CondBranch; want: CondBranch }]>([
    ['#if !MICROPY_ENABLE_DYNRUNTIME', { given: b('if', '!MICROPY_ENABLE_DYNRUNTIME'), want: b('if', '!0') }],
    ['#if MICROPY_ENABLE_DYNRUNTIME', { given: b('if', 'MICROPY_ENABLE_DYNRUNTIME'), want: b('if', '0') }],
    ['#ifdef', { given: b('ifdef', 'MICROPY_ENABLE_DYNRUNTIME'), want: b('if', '0') }],
    ['#ifndef', { given: b('ifndef', 'MICROPY_ENABLE_DYNRUNTIME'), want: b('if', '1') }],
    ['#elifdef', { given: b('elifdef', 'MICROPY_ENABLE_DYNRUNTIME'), want: b('elif', '0') }],
    ['#elifndef', { given: b('elifndef', 'MICROPY_ENABLE_DYNRUNTIME'), want: b('elif', '1') }],
    ['defined(...)', { given: b('if', 'defined(MICROPY_ENABLE_DYNRUNTIME) && X'), want: b('if', '0 && X') }],
    ['defined ( ... ) with spaces', { given: b('elif', '!defined ( MICROPY_ENABLE_DYNRUNTIME )'), want: b('elif', '!0') }],
    ['defined without parentheses', { given: b('if', 'defined MICROPY_ENABLE_DYNRUNTIME || Y'), want: b('if', '0 || Y') }],
    ['several mentions', { given: b('if', 'MICROPY_ENABLE_DYNRUNTIME || defined(MICROPY_ENABLE_DYNRUNTIME)'), want: b('if', '0 || 0') }],
    ['other conditions are unchanged', { given: b('if', 'MICROPY_PY_X'), want: b('if', 'MICROPY_PY_X') }],
    ['#else is unchanged', { given: b('else'), want: b('else') }],
  ])('%s', (_name, { given, want }) => {
    expect(firmwareSide(given)).toEqual(want);
  });

  test('a branch without MICROPY_ENABLE_DYNRUNTIME is returned as is', () => {
    const br = b('ifdef', 'X');
    expect(firmwareSide(br)).toBe(br);
  });

  test('mentionsDynruntime', () => {
    expect(mentionsDynruntime('!MICROPY_ENABLE_DYNRUNTIME')).toBe(true);
    expect(mentionsDynruntime('MICROPY_PY_X')).toBe(false);
  });

  // Regression, once a bug (src/model/condition.ts): the test is a substring match, so any macro whose name
  // starts with MICROPY_ENABLE_DYNRUNTIME counts as a test of it; for #ifdef/#ifndef the
  // whole branch is then replaced, e.g. `#ifdef MICROPY_ENABLE_DYNRUNTIME_EXTRAS` → `#if 0`.
  test('a longer macro name that starts with MICROPY_ENABLE_DYNRUNTIME is not rewritten', () => {
    expect(firmwareSide(b('ifdef', 'MICROPY_ENABLE_DYNRUNTIME_EXTRAS'))).toEqual(b('ifdef', 'MICROPY_ENABLE_DYNRUNTIME_EXTRAS'));
  });
});
