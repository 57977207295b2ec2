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
const { ParseCache, parseFile, syntaxErrors, withParseCache } = require(path.join(ROOT, 'dist', 'src', 'parse', 'parser.js'));

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
// node-tree-sitter frees trees on an event-loop turn: yield after every file.
const tick = () => new Promise((r) => setImmediate(r));
(async () => {
  for (const f of files) {
    await tick();
    // Each file's edits depend on its name only, so one file can be checked again alone.
    seed = [...path.basename(f)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) & 0x7fffffff, 7);
    let text = fs.readFileSync(f, 'utf8').replace(/\r\n?/g, '\n');
    const cache = new ParseCache();
    withParseCache(cache, () => parseFile('f.c', text));
    const history = [text];
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
      if (k % 10 === 0) await tick();
      const inc = withParseCache(cache, () => parseFile('f.c', next));
      const fresh = parseFile('f.c', next);
      checked++;
      // The errors the cache keeps for the next edit (read only where the edit changed the tree) are a full walk's.
      const errorsKept = JSON.stringify(cache.errors(inc)) === JSON.stringify(syntaxErrors(inc.tree));
      if (shape(inc.tree) !== shape(fresh.tree) || JSON.stringify(inc.tokens) !== JSON.stringify(fresh.tokens) || !errorsKept) {
        differ++;
        const what = shape(inc.tree) !== shape(fresh.tree) ? 'tree' : !errorsKept ? 'errors' : 'tokens';
        console.log(
          `DIFFERS (${what}) ${path.relative(process.cwd(), f)} edit ${k} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))} -> ${JSON.stringify(next.slice(Math.max(0, at - 30), at + 30))}`,
        );
        if (process.env.DEBUG) {
          for (let i = 0; i < Math.max(inc.tokens.length, fresh.tokens.length); i++) {
            const a = JSON.stringify(inc.tokens[i]);
            const b = JSON.stringify(fresh.tokens[i]);
            if (a !== b) {
              console.log(` token ${i}\n  incremental ${a}\n  fresh       ${b}`);
              const at = (fresh.tokens[i] || inc.tokens[i]).start;
              for (const [name, t] of [
                ['inc', inc.tree],
                ['fresh', fresh.tree],
              ]) {
                const c = t.walk();
                const seen = [];
                for (;;) {
                  if (c.startIndex === at) seen.push(`${c.nodeTypeId}:${c.nodeType}`);
                  if (c.gotoFirstChild()) continue;
                  let done = false;
                  while (!c.gotoNextSibling())
                    if (!c.gotoParent()) {
                      done = true;
                      break;
                    }
                  if (done) break;
                }
                console.log(`  ${name} nodes at ${at}: ${seen.join(' ')}`);
              }
              break;
            }
          }
        }
        if (process.env.DUMP) fs.writeFileSync(process.env.DUMP, JSON.stringify([...history, next]));
      }
      text = next;
      history.push(text);
    }
    counts.incremental += cache.counts.incremental;
    counts.afresh += cache.counts.afresh;
  }
  console.log(
    `${files.length} files, ${checked} edits: incremental tree kept ${counts.incremental}, parsed afresh ${counts.afresh}; ${differ} differ from a fresh parse`,
  );
  process.exit(differ ? 1 : 0);
})();
