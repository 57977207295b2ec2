/**
 * The language server analyses each new version of a document with what it kept from the previous
 * ones: the tree (re-parsed incrementally), the structural matches of untouched root children, the
 * extraction of files whose text and reads did not change, and process-wide memos (-D
 * definitions, the tree's configuration values). Whatever it keeps, each version's diagnostics
 * and synced text must be those of a from-scratch analysis of the same text. Random edit
 * sequences (seeded: a failure reproduces; LSP_FUZZ_SEED changes the draw) over the examples check it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyseDocument, AnalysisOptions, DocumentAnalysis } from '../../../src/lsp/analysis';
import { ParseCache, withParseCache } from '../../../src/parse/parser';

const ROOT = path.join(__dirname, '..', '..', '..');
const SEED = Number(process.env.LSP_FUZZ_SEED ?? 20261129);
const EDITS = 14;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Edits as an editor sends them: one place changed per version. */
const EDIT_KINDS: Array<(t: string, r: () => number) => string> = [
  // A digit typed into a `return`.
  (t, r) => {
    const at = [...t.matchAll(/return /g)].map((m) => m.index! + 7);
    const k = at.length ? at[Math.floor(r() * at.length)] : Math.floor(r() * t.length);
    return `${t.slice(0, k)}${Math.floor(r() * 10)}${t.slice(k)}`;
  },
  // A letter typed into a name.
  (t, r) => {
    const names = [...t.matchAll(/\b[a-z_]\w{3,}\b/g)];
    if (!names.length) return t;
    const m = names[Math.floor(r() * names.length)];
    const k = m.index! + Math.floor(r() * m[0].length);
    return `${t.slice(0, k)}${'xyz'[Math.floor(r() * 3)]}${t.slice(k)}`;
  },
  // A line deleted, or duplicated.
  (t, r) => {
    const ls = t.split('\n');
    const k = Math.floor(r() * ls.length);
    if (r() < 0.5) ls.splice(k, 1);
    else ls.splice(k, 0, ls[k]);
    return ls.join('\n');
  },
  // A comment edited on the first line.
  (t, r) => `// edit ${Math.floor(r() * 1000)}\n${t.replace(/^\/\/ edit \d+\n/, '')}`,
  // A brace or an #if typed somewhere.
  (t, r) => {
    const k = Math.floor(r() * t.length);
    return `${t.slice(0, k)}${['{', '}', '\n#if 0\n', '\n#endif\n', ';'][Math.floor(r() * 5)]}${t.slice(k)}`;
  },
];

const options = (file: string): AnalysisOptions => ({ defines: [], readSibling: (f) => (f === file ? undefined : readOrNone(f)) });
const readOrNone = (f: string): string | undefined => {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};

/** What the server publishes and formats with, comparable. */
function observed(a: DocumentAnalysis): string {
  const diagnostics = a.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    span: d.span,
    related: d.related,
  }));
  return JSON.stringify({ diagnostics, synced: a.synced() ?? null, forced: a.forced ?? null });
}

describe('the server analysis of edited versions equals a fresh analysis of each', () => {
  const examples = ['functions', 'classes', 'conditional', 'macros'].map((n) => path.join(ROOT, 'examples', n, `${n}.c`));
  it.each(examples.map((f) => [path.basename(f), f]))('%s, %# under random edits', (_name, file) => {
    const r = rng(SEED ^ file.length);
    const kept = new ParseCache();
    let text = fs.readFileSync(file, 'utf8');
    for (let version = 1; version <= EDITS + 1; version++) {
      if (version > 1) text = EDIT_KINDS[Math.floor(r() * EDIT_KINDS.length)](text, r);
      const incremental = withParseCache(kept, () => analyseDocument(file, text, version, options(file)));
      const fresh = withParseCache(new ParseCache(), () => analyseDocument(file, text, version, options(file)));
      expect({ version, text, result: observed(incremental) }).toEqual({ version, text, result: observed(fresh) });
    }
    // The sequence exercised the incremental parse, not only fresh ones.
    expect(kept.counts.incremental).toBeGreaterThan(0);
  });
});
