/**
 * The structural query patterns answered during the token walk (src/parse/patterns.ts) give
 * tree-sitter's matches of the same patterns, in tree-sitter's order: in the walk that makes
 * the tokens (a fresh parse) and in a walk of its own (an incremental parse).
 */
import { C, Parser } from '../../../src/parse/native';
import { parseFile } from '../../../src/parse/parser';
import { combinedQuery } from '../../../src/parse/grammar-queries';
import { compilePattern, PatternMatcher, QueryMatch, walkPatterns } from '../../../src/parse/patterns';
import { ATOMIC, tokenize } from '../../../src/parse/tokens';

type Key = string[];

const keys = (ms: QueryMatch[]): Key[] =>
  ms.map((m) => m.captures.map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}:${c.node.type}`));

/** tree-sitter's matches of one pattern text on a file. */
function treeSitter(pattern: string, text: string): Key[] {
  const q = new Parser.Query(C as never, pattern);
  return keys(q.matches(parseFile('t.c', text).tree.rootNode));
}

/** The matcher's, from the token walk of a fresh parse and from a walk of the tree alone. */
function walked(pattern: string, text: string): { tokenWalk: Key[]; alone: Key[] } {
  const root = compilePattern(pattern);
  if (!root) throw new Error(`not compiled: ${pattern}`);
  const file = parseFile('t.c', text);
  const m = new PatternMatcher([{ query: 'q', root }]);
  walkPatterns(file.tree.walk(), m, (t) => ATOMIC.has(t));
  const viaTokens = new PatternMatcher([{ query: 'q', root }]);
  // parseFile's own walk holds every grammar query's; this one reads a pattern of the test's own.
  tokenize(file.tree, file.src, viaTokens);
  return { tokenWalk: keys(viaTokens.matches.get('q') ?? []), alone: keys(m.matches.get('q') ?? []) };
}

const SOURCES: Array<[string, string]> = [
  ['two declarators, one declaration', 'int a = 1, b = 2;\nstatic int c, d = {3};\nint e[] = {1, 2}, f[] = {3};\n'],
  [
    'nested blocks and #if branches',
    'void f(void) {\n  int a = 1;\n  {\n    static int b;\n  }\n  int c;\n}\n#if X\nint d = 1;\n#elif Y\nint e;\n#else\nint g;\n#endif\n',
  ],
  [
    'calls in code, in #if and in #define',
    '#if F(1) && G(2)\nint x = h(3);\n#endif\n#define M(a) k(a)\nvoid f(void) { p(q(r(1)), s); (t)(2); }\n',
  ],
  ['switches, nested', 'void f(int a) {\n switch (a) {\n case 1: switch (a + 1) { default: break; }\n }\n switch (a) { }\n}\n'],
  [
    'function definitions and pointers',
    'static int *f(void) { return 0; }\nint g(int x) { return x; }\n#define H(x) (x)\nint (*k)(void);\n',
  ],
  ['includes', '#include "a.h"\n#include <b.h>\n#include MACRO\n'],
  ['errors', 'static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);\nint x = ;\nvoid g( { int y = {1}; }\nstruct { int a; } s = {1};\n'],
  ['CRLF', 'int a = 1;\r\nvoid f(void) {\r\n  static int b = {2};\r\n  g(b);\r\n}\r\n'],
];

const GRAMMAR: string[] = combinedQuery()
  .patterns.filter((p) => !p.leaf && compilePattern(p.text) !== undefined)
  .map((p) => p.text);

// Patterns beyond grammar-queries/ that the subset reads: two child steps, alternatives, nesting.
const EXTRA = [
  '(declaration declarator: (init_declarator declarator: (identifier) @n value: (initializer_list) @v)) @d',
  '(declaration declarator: (init_declarator)) @d',
  '(translation_unit (declaration (init_declarator) @i) @d)',
  '(compound_statement (declaration) @a (expression_statement) @b)',
  '(call_expression function: [(identifier) (parenthesized_expression)] @f arguments: (argument_list (call_expression) @inner))',
  '(ERROR (identifier) @e)',
];

describe('the walk matches every compiled pattern as tree-sitter does', () => {
  test('grammar-queries/ has compiled patterns', () => {
    expect(GRAMMAR.length).toBeGreaterThan(10);
    // Every structural pattern of grammar-queries/ is answered by the walk (none needs a tree-sitter query).
    expect(combinedQuery().native).toEqual([]);
  });
  for (const [name, text] of SOURCES) {
    test.each([...GRAMMAR, ...EXTRA].map((p) => [p.replace(/\s+/g, ' '), p]))(`${name}: %s`, (_label, pattern) => {
      const want = treeSitter(pattern, text);
      const got = walked(pattern, text);
      expect(got.tokenWalk).toEqual(want);
      expect(got.alone).toEqual(want);
    });
  }
});

describe('compilePattern', () => {
  test.each<[string, { given: string; want: unknown }]>([
    ['a node with a capture', { given: '(declaration) @d', want: { types: ['declaration'], captures: ['d'], children: [] } }],
    [
      'a field child and alternatives',
      {
        given: '(preproc_include path: [(string_literal) (system_lib_string)] @p) @i',
        want: {
          types: ['preproc_include'],
          captures: ['i'],
          children: [{ types: ['string_literal', 'system_lib_string'], field: 'path', captures: ['p'], children: [] }],
        },
      },
    ],
  ])('%s', (_n, { given, want }) => {
    const plain = (p: ReturnType<typeof compilePattern>): unknown =>
      p && {
        types: [...p.types],
        ...(p.field !== undefined ? { field: p.field } : {}),
        captures: p.captures,
        children: p.children.map(plain),
      };
    expect(plain(compilePattern(given))).toEqual(want);
  });

  test.each([
    ['a wildcard', '(_) @x'],
    ['an anonymous node', '(call_expression "(" @x)'],
    ['a quantifier', '(translation_unit (declaration)* @d)'],
    ['a predicate', '((identifier) @x (#eq? @x "a"))'],
    ['an anchor', '(translation_unit . (declaration) @d)'],
    ['a negated field', '(declaration !declarator) @d'],
  ])('%s is left to tree-sitter', (_n, pattern) => {
    expect(compilePattern(pattern)).toBeUndefined();
  });
});
