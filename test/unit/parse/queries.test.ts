/**
 * The one-pass query runner (src/parse/queries.ts) gives each query exactly the captures
 * tree-sitter gives that query run alone, on every example and every query fixture.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseFile } from '../../../src/parse/parser';
import { captureStarts, leafTest, loadQuery, queryCaptures, queryNames, splitPatterns } from '../../../src/parse/queries';
import { syntheticModuleText } from '../../support/synthetic';

const ROOT = path.join(__dirname, '..', '..', '..');

function cFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? cFiles(p) : e.name.endsWith('.c') ? [p] : [];
  });
}

const inputs: Array<[string, string]> = [
  ...cFiles(path.join(ROOT, 'examples')).map((f): [string, string] => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')]),
  ...cFiles(path.join(ROOT, 'test', 'unit', 'queries', 'fixtures')).map((f): [string, string] => [
    path.relative(ROOT, f),
    fs.readFileSync(f, 'utf8'),
  ]),
  ['synthetic', syntheticModuleText(3)],
];

describe('one pass over a file answers every query as tree-sitter alone would', () => {
  test.each(inputs)('%s', (name, text) => {
    const file = parseFile(name, text);
    const tokenStarts = new Set(file.tokens.map((t) => t.start));
    for (const q of queryNames()) {
      const alone = loadQuery(q).captures(file.tree.rootNode);
      const names = new Set(alone.map((c) => c.name));
      for (const capture of names) {
        // The pipeline reads captures through the token stream: compare what it can see.
        const want = [...new Set(alone.filter((c) => c.name === capture).map((c) => c.node.startIndex))]
          .filter((s) => tokenStarts.has(s))
          .sort((a, b) => a - b);
        const got = captureStarts(file, q, capture).filter((s) => tokenStarts.has(s));
        expect({ q, capture, starts: got }).toEqual({ q, capture, starts: want });
      }
      const structuralOnly = splitPatterns(fs.readFileSync(path.join(ROOT, 'grammar-queries', `${q}.scm`), 'utf8')).every(
        (p) => !leafTest(p),
      );
      if (structuralOnly) {
        const key = (c: { name: string; node: { startIndex: number; endIndex: number; type: string } }): string =>
          `${c.name}@${c.node.startIndex}-${c.node.endIndex}:${c.node.type}`;
        expect(queryCaptures(file, q).map(key).sort()).toEqual(alone.map(key).sort());
      }
    }
  });
});

describe('splitPatterns and leafTest', () => {
  test.each<[string, { given: string; want: string[] }]>([
    ['comments and two patterns', { given: '; a ( comment\n(a) @x\n((b) @y (#eq? @y ")"))\n', want: ['(a) @x', '((b) @y (#eq? @y ")"))'] }],
    ['quantifier and capture after an alternation', { given: '[(a) (b)]+ @c', want: ['[(a) (b)]+ @c'] }],
  ])('%s', (_n, { given, want }) => {
    expect(splitPatterns(given)).toEqual(want);
  });

  test('a leaf pattern tests node type and text', () => {
    const t = leafTest('([(identifier) (type_identifier)] @m (#match? @m "^A(B|C)$"))')!;
    expect([...t.types]).toEqual(['identifier', 'type_identifier']);
    expect(['AB', 'AC', 'AD', 'xAB'].map(t.test)).toEqual([true, true, false, false]);
    expect(leafTest('((type_identifier) @t (#eq? @t "mp_arg_t"))')!.test('mp_arg_t')).toBe(true);
  });

  test('structural patterns are not leaf patterns', () => {
    expect(leafTest('(call_expression function: (identifier) @call.name)')).toBeUndefined();
    expect(leafTest('((identifier) @a (#eq? @b "x"))')).toBeUndefined();
  });
});
