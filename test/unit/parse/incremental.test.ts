// ParseCache (src/parse/parser.ts): re-parsing a new version of a file against the previous
// tree must give what a fresh parse gives: same tree, same tokens. Random edits of the
// examples (insertions, deletions, replacements, across lines, at both ends), in sequence.
import * as fs from 'fs';
import * as path from 'path';
import { ParseCache, parseFile, textEdit, withParseCache } from '../../../src/parse/parser';
import { SourceText } from '../../../src/parse/source';
import { repoRoot } from '../../support/cases';

const examples = ['functions', 'classes', 'conditional', 'objects'].flatMap((d) =>
  fs
    .readdirSync(path.join(repoRoot, 'examples', d))
    .filter((f) => f.endsWith('.c'))
    .map((f) => path.join(repoRoot, 'examples', d, f)),
);

const PIECES = ['', ' ', '\n', '}', '{', '#if X\n', '#endif\n', '/* c */', '"s"', 'int y = 2;\n', 'MP_ROM_QSTR(MP_QSTR_z)', ');', '\r\n'];

describe('incremental parse', () => {
  test('textEdit: the span between common prefix and suffix, with rows and columns', () => {
    const before = new SourceText('f.c', 'ab\ncd\nef');
    const e = textEdit(before, 'ab\ncXYZ\nQd\nef');
    expect(e).toEqual({
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 9,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 2, column: 1 },
    });
  });

  test.each(examples.map((f) => [path.relative(repoRoot, f), f]))('%s: a sequence of random edits parses as fresh', (_n, file) => {
    let seed = path.relative(repoRoot, file).length * 7919;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % Math.max(1, n);
    };
    const cache = new ParseCache();
    let text = fs.readFileSync(file, 'utf8');
    withParseCache(cache, () => parseFile('f.c', text));
    for (let step = 0; step < 25; step++) {
      const at = rnd(text.length + 1);
      const cut = rnd(4) === 0 ? rnd(200) : rnd(8);
      const put = PIECES[rnd(PIECES.length)] + (rnd(3) === 0 ? text.slice(rnd(text.length), rnd(text.length)) : '');
      text = text.slice(0, at) + put + text.slice(at + cut);
      const inc = withParseCache(cache, () => parseFile('f.c', text));
      const fresh = parseFile('f.c', text);
      expect(inc.tree.rootNode.toString()).toBe(fresh.tree.rootNode.toString());
      expect(inc.tokens).toEqual(fresh.tokens);
    }
  });

  test('an unchanged file is not parsed again', () => {
    const cache = new ParseCache();
    const text = fs.readFileSync(examples[0], 'utf8');
    const a = withParseCache(cache, () => parseFile('f.c', text));
    expect(withParseCache(cache, () => parseFile('f.c', text))).toBe(a);
    expect(parseFile('f.c', text)).not.toBe(a);
  });
});
