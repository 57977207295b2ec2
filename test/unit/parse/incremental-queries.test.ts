// The grammar queries of a file re-parsed after an edit (src/parse/queries.ts: a walk of its own
// over the incremental tree, whose tokens are read only where it changed) must give what they
// give on a fresh parse of the same text: the same matches, in the same order, with the same nodes. Random edits in sequence, as
// test/unit/parse/incremental.test.ts makes them, of the examples and of a synthetic module.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { ParseCache, parseFile, ParsedFile, withParseCache } from '../../../src/parse/parser';
import { carriedCounts, errorNodes, queryCaptures, queryMatches, queryNames } from '../../../src/parse/queries';
import { repoRoot } from '../../support/cases';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { syntheticOfSize } = require('../../../bench/synthetic.cjs') as { syntheticOfSize: (n: number, o?: object) => string };

const examples = ['functions', 'classes', 'conditional', 'objects', 'statics'].flatMap((d) => {
  const dir = path.join(repoRoot, 'examples', d);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.c'))
        .map((f): [string, string] => [`examples/${d}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')])
    : [];
});
const cases: Array<[string, string]> = [...examples, ['synthetic 12 KB', syntheticOfSize(12 * 1024, { name: 'nmg_q' })]];

/** Every query's matches and captures as data: names, node types, spans, the parent's type. */
function results(file: ParsedFile): string {
  const node = (n: { type: string; startIndex: number; endIndex: number; parent: { type: string } | null }) =>
    `${n.type}@${n.startIndex}-${n.endIndex}<${n.parent?.type ?? ''}`;
  const out: string[] = [];
  for (const q of queryNames()) {
    out.push(
      `${q}: ${queryMatches(file, q)
        .map((m) => m.captures.map((c) => `${c.name}=${node(c.node)}`).join(' '))
        .join(' | ')}`,
    );
    out.push(
      `${q} captures: ${queryCaptures(file, q)
        .map((c) => `${c.name}=${c.node.startIndex}`)
        .join(' ')}`,
    );
  }
  out.push(
    `errors: ${errorNodes(file)
      .map((e) => `${e.start}-${e.end}:${e.node.type}@${e.node.startIndex}-${e.node.endIndex}`)
      .join(' ')}`,
  );
  return out.join('\n');
}

const PIECES = ['', ' ', '\n', '}', '{', '#if X\n', '#endif\n', '/* c */', '"s"', 'int y = 2;\n', 'static int z;\n', ');', 'f(a);', '\r\n'];

describe('grammar queries after an incremental parse', () => {
  test.each(cases)('%s: a sequence of random edits gives the matches of a fresh parse', (name, original) => {
    let seed = name.length * 7919;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % Math.max(1, n);
    };
    const cache = new ParseCache();
    let text = original;
    results(withParseCache(cache, () => parseFile('f.c', text)));
    for (let step = 0; step < 40; step++) {
      const at = rnd(text.length + 1);
      if (rnd(2) === 0) {
        // Typing in a function or between declarations, far from most of the module's errors.
        const line = text.lastIndexOf('\n', at - 1) + 1;
        text = text.slice(0, line) + (rnd(2) ? '    q = g(q) + 1;\n' : 'static int w;\n') + text.slice(line);
      } else {
        const put = PIECES[rnd(PIECES.length)] + (rnd(3) === 0 ? text.slice(rnd(text.length), rnd(text.length)) : '');
        text = text.slice(0, at) + put + text.slice(at + (rnd(4) === 0 ? rnd(200) : rnd(8)));
      }
      const inc = withParseCache(cache, () => parseFile('f.c', text));
      expect(results(inc)).toBe(results(parseFile('f.c', text)));
    }
  });

  test('typing in one function walks that function again, and carries the matches of the rest over', () => {
    const text = syntheticOfSize(12 * 1024, { name: 'nmg_c' });
    const at = text.indexOf('return ') + 'return '.length;
    const cache = new ParseCache();
    results(withParseCache(cache, () => parseFile('f.c', text)));
    const before = { ...carriedCounts };
    for (let i = 1; i <= 5; i++) {
      const typed = `${text.slice(0, at)}${'1'.repeat(i)} * 0 + ${text.slice(at)}`;
      const inc = withParseCache(cache, () => parseFile('f.c', typed));
      expect(results(inc)).toBe(results(parseFile('f.c', typed)));
    }
    expect(cache.counts.incremental).toBe(5);
    // One child of the root (the function typed in) walked per edit; the others carried.
    expect(carriedCounts.walked - before.walked).toBeLessThanOrEqual(5 * 2);
    expect(carriedCounts.carried - before.carried).toBeGreaterThan(5 * 20);
  });
});

describe('versions of a file in the parse cache', () => {
  test('an earlier version is not kept alive by the ones after it', async () => {
    // A closure in parseFile that named the previous version shared its context with the tree's
    // input callback: every tree kept the version before it, and the language server grew by a tree per change.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const cache = new ParseCache();
    const text = syntheticOfSize(4 * 1024, { name: 'nmg_gc' });
    const first = new WeakRef(withParseCache(cache, () => parseFile('f.c', text)));
    results(first.deref()!);
    for (let i = 0; i < 4; i++) results(withParseCache(cache, () => parseFile('f.c', text.replace('return ', `return ${i} + `))));
    for (let k = 0; k < 3; k++) {
      gc();
      await new Promise((r) => setImmediate(r));
    }
    expect(first.deref()).toBeUndefined();
  });
});
