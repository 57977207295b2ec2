#!/usr/bin/env node
/**
 * The language server re-parses a changed buffer against its previous tree
 * (src/parse/parser.ts, ParseCache) and keeps that tree only when its syntax errors are the
 * previous version's, moved by the edit. This checks that rule on many more texts than the
 * unit test can: random edits (junk characters, typed statements, letters typed into names)
 * of every `.c` file under the given folders, each incremental parse compared node by node
 * (type, field, byte span) with a fresh parse of the same text.
 *
 *   npm run build && node bench/incremental-fuzz.cjs [--edits N] DIR...
 *
 * Prints how many edits were checked, how many kept the incremental tree, and every
 * difference found (exit 1 if any).
 */
const fs = require('node:fs');
const path = require('node:path');
const ROOT = path.resolve(__dirname, '..');
const { ParseCache, parseFile, withParseCache } = require(path.join(ROOT, 'dist', 'src', 'parse', 'parser.js'));

const args = process.argv.slice(2);
let edits = 60;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--edits') edits = Number(args[++i]);
  else dirs.push(args[i]);
}
if (dirs.length === 0) dirs.push(path.join(ROOT, 'examples'));

const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.c') && fs.statSync(p).size < 100 * 1024) files.push(p);
  }
};
dirs.forEach(walk);
files.sort();

function shape(tree) {
  const out = [];
  const c = tree.walk();
  let depth = 0;
  for (;;) {
    out.push(`${depth} ${c.nodeType} ${c.currentFieldName} ${c.startIndex} ${c.endIndex} ${c.nodeIsMissing}`);
    if (c.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return out.join('\n');
      depth--;
    }
  }
}

const JUNK = ['{', '}', '(', ')', ';', 'x', ' ', '\n', '#if 0\n', '#endif\n', '"', '/*', '*/', 'static ', 'int y = 3;', ','];
let seed = 12345;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % Math.max(1, n);
};
let checked = 0;
let differ = 0;
const counts = { incremental: 0, afresh: 0 };
for (const f of files) {
  let text = fs.readFileSync(f, 'utf8').replace(/\r\n?/g, '\n');
  const cache = new ParseCache();
  withParseCache(cache, () => parseFile('f.c', text));
  for (let k = 0; k < edits; k++) {
    const at = rnd(text.length + 1);
    let next;
    const kind = rnd(3);
    if (kind === 0) next = text.slice(0, at) + (rnd(4) ? JUNK[rnd(JUNK.length)] : '') + text.slice(at + (rnd(3) === 0 ? rnd(20) : 0));
    else if (kind === 1) {
      const line = text.lastIndexOf('\n', at - 1) + 1;
      next = text.slice(0, line) + '    q = q + 1;\n' + text.slice(line);
    } else {
      const name = /[A-Za-z_]\w*/g;
      name.lastIndex = at;
      const m = name.exec(text);
      if (!m) continue;
      const pos = m.index + rnd(m[0].length + 1);
      next = text.slice(0, pos) + 'z' + text.slice(pos);
    }
    if (next === text) continue;
    const inc = withParseCache(cache, () => parseFile('f.c', next));
    const fresh = parseFile('f.c', next);
    checked++;
    if (shape(inc.tree) !== shape(fresh.tree) || JSON.stringify(inc.tokens) !== JSON.stringify(fresh.tokens)) {
      differ++;
      console.log(`DIFFERS ${path.relative(process.cwd(), f)} edit ${k} at ${at}`);
    }
    text = next;
  }
  counts.incremental += cache.counts.incremental;
  counts.afresh += cache.counts.afresh;
}
console.log(
  `${files.length} files, ${checked} edits: incremental tree kept ${counts.incremental}, parsed afresh ${counts.afresh}; ${differ} differ from a fresh parse`,
);
process.exit(differ ? 1 : 0);
