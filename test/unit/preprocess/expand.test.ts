import { lexPP } from '../../../src/preprocess/lexer';
import { expand, spell, MAX_TOKENS } from '../../../src/preprocess/expand';
import { MacroDef, MacroLookup, parseDefine } from '../../../src/preprocess/macros';

/** A lookup over `#define` lines given as text (the part after `#define`). */
function table(defs: string[]): MacroLookup {
  const m = new Map<string, MacroDef>();
  for (const d of defs) {
    const def = parseDefine(lexPP(d), 'defs.h')!;
    m.set(def.name, def);
  }
  return (n) => m.get(n);
}

const run = (defs: string[], src: string) => spell(expand(lexPP(src), table(defs)).tokens);

type Case = [string, { defs: string[]; given: string; want: string }];

describe('expand: C11 6.10.3 examples and MicroPython idioms', () => {
  test.each<Case>([
    ['object-like', { defs: ['STATIC static'], given: 'STATIC int x;', want: 'static int x;' }],
    ['empty object-like (attribute macro)', { defs: ['API'], given: 'API int f(void);', want: 'int f(void);' }],
    ['function-like with arguments', { defs: ['ADD(a, b) ((a) + (b))'], given: 'ADD(1, x)', want: '((1) + (x))' }],
    ['name without ( is not an invocation', { defs: ['F(x) x'], given: 'int F;', want: 'int F;' }],
    ['# stringizes', { defs: ['S(x) #x'], given: 'S(a  "b" c)', want: '"a \\"b\\" c"' }],
    ['## pastes (MATH_FUN_1 style)', { defs: ['OBJ(n) mp_math_##n##_obj'], given: 'OBJ(sin)', want: 'mp_math_sin_obj' }],
    ['## operand is not pre-expanded', { defs: ['CAT(a, b) a##b', 'x 1'], given: 'CAT(x, y)', want: 'xy' }],
    ['arguments are fully expanded first', { defs: ['ID(a) a', 'TWO 2'], given: 'ID(TWO)', want: '2' }],
    ['__VA_ARGS__', { defs: ['CALL(f, ...) f(__VA_ARGS__)'], given: 'CALL(g, 1, (2, 3))', want: 'g(1, (2, 3))' }],
    ['GNU named variadic', { defs: ['CALL(f, args...) f(args)'], given: 'CALL(g, 1, 2)', want: 'g(1, 2)' }],
    ['GNU , ## __VA_ARGS__ drops the comma when empty', { defs: ['P(fmt, ...) p(fmt, ## __VA_ARGS__)'], given: 'P("x")', want: 'p("x")' }],
    ['no re-expansion inside itself', { defs: ['foo foo + 1'], given: 'foo', want: 'foo + 1' }],
    ['indirect self-reference stops', { defs: ['a b', 'b a'], given: 'a', want: 'a' }],
    ['C11 6.10.3.5 example 3 (partial)', { defs: ['x 3', 'f(a) f(x * (a))', 'z z[0]'], given: 'f(z)', want: 'f(3 * (z[0]))' }],
    ['macro producing a function-like name then args', { defs: ['G g', 'g(x) [x]'], given: 'G(1)', want: '[1]' }],
    ['X-macro list', { defs: ['LIST X(A) X(B)', 'X(e) { e, #e },'], given: 'LIST', want: '{ A, "A" }, { B, "B" },' }],
    [
      'slot macro with commas',
      {
        defs: ['SUBSCR subscr, my_subscr,'],
        given: 'make_new, f, SUBSCR locals_dict, &d',
        want: 'make_new, f, subscr, my_subscr, locals_dict, &d',
      },
    ],
    ['F() with one parameter passes an empty argument', { defs: ['E(x) [x]'], given: 'E()', want: '[]' }],
    ['unclosed invocation stays as written', { defs: ['F(x) x'], given: 'F(1, 2', want: 'F(1, 2' }],
  ])('%s', (_n, { defs, given, want }) => expect(run(defs, given)).toBe(want));

  test('tokens from a body carry the use site and the macro; argument tokens keep their own place', () => {
    const src = 'int y = ADD(1, x);';
    const r = expand(lexPP(src), table(['ADD(a, b) ((a) + (b))']));
    const x = r.tokens.find((t) => t.text === 'x')!;
    const plus = r.tokens.find((t) => t.text === '+')!;
    expect([x.start, x.end]).toEqual([src.indexOf('x'), src.indexOf('x') + 1]);
    expect([plus.start, plus.end]).toEqual([src.indexOf('ADD'), src.indexOf(')') + 1]);
    expect(plus.macro?.name).toBe('ADD');
    expect(plus.macro?.file).toBe('defs.h');
  });

  test('exponential macros stop at the token budget and say so', () => {
    const defs = ['A0 x x'];
    for (let k = 1; k < 30; k++) defs.push(`A${k} A${k - 1} A${k - 1}`);
    const r = expand(lexPP('A29'), table(defs));
    expect(r.truncated).toBe(true);
    expect(r.tokens.length).toBeLessThanOrEqual(MAX_TOKENS + 2);
  });

  test('deeply nested arguments do not overflow the stack', () => {
    const depth = 5000;
    const src = 'F('.repeat(depth) + '1' + ')'.repeat(depth);
    const r = expand(lexPP(src), table(['F(x) (x)']));
    expect(r.truncated).toBe(true);
  });
});
