// errorNodes (src/parse/queries.ts) walks only subtrees that hold an error; it must find
// what tree-sitter's own `(ERROR) @error` query finds, outermost nodes only, in order.
import * as fs from 'fs';
import * as path from 'path';
import { parseFile, ParsedFile } from '../../../src/parse/parser';
import { errorNodes } from '../../../src/parse/queries';
import { C, Parser } from '../../../src/parse/native';
import { repoRoot } from '../../support/cases';

function byQuery(file: ParsedFile): Array<[number, number]> {
  const root = file.tree.rootNode;
  if (root.type === 'ERROR') return [[root.startIndex, root.endIndex]];
  const q = new Parser.Query(C as never, '(ERROR) @error');
  const found = q.captures(root).map((c) => ({ start: c.node.startIndex, end: c.node.endIndex }));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<[number, number]> = [];
  let covered = -1;
  for (const f of found) {
    if (f.end <= covered && out.length) continue;
    out.push([f.start, f.end]);
    covered = f.end;
  }
  return out;
}

const sources = fs
  .readdirSync(path.join(repoRoot, 'examples'))
  .flatMap((d) => {
    const dir = path.join(repoRoot, 'examples', d);
    return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  })
  .filter((f) => /\.[ch]$/.test(f));

describe('errorNodes', () => {
  test.each(sources.map((f) => [path.relative(repoRoot, f), f]))('%s and broken variants: as the query finds them', (_n, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const variants = [text, text.slice(0, Math.floor(text.length / 2)), text.replace('}', ''), text.replace(/;/g, ''), `}}${text}`, '@@@'];
    for (const v of variants) {
      const p = parseFile('f.c', v);
      const found = errorNodes(p);
      expect(found.map((e) => [e.start, e.end])).toEqual(byQuery(p));
      for (const e of found) expect(e.node.type).toBe('ERROR');
    }
  });
});
