import * as fs from 'fs';
import * as path from 'path';
import type ParserType from 'tree-sitter';
import { Parser } from './native';
import type { SyntaxNode } from 'tree-sitter';
import { cLanguage, ParsedFile } from './parser';
import { packageRoot } from '../paths';

/** Folder holding one `.scm` file per construct. */
export const QUERY_DIR = path.join(packageRoot(), 'grammar-queries');

/**
 * Running each construct's query over the whole tree, with tree-sitter evaluating text
 * predicates in JavaScript node by node, cost 7-15x the parse. So every file is read once:
 *  - a *leaf* pattern (`([(identifier) (type_identifier)] @x (#eq? @x "NAME"))`: a token
 *    of some node types whose text passes a test) is answered from the token stream;
 *  - every other (*structural*) pattern of every query goes into one combined query,
 *    compiled once per process and run once per file.
 * test/unit/queries checks both against each query run alone by tree-sitter.
 */
interface LeafTest {
  types: Set<string>;
  capture: string;
  test: (text: string) => boolean;
}

interface Pattern {
  query: string;
  text: string;
  leaf?: LeafTest;
}

export interface QueryCapture {
  name: string;
  node: SyntaxNode;
}

export interface QueryMatch {
  captures: QueryCapture[];
}

const cache = new Map<string, ParserType.Query>();

/** One query compiled alone, as tree-sitter reads it (for tests and tools; the pipeline uses {@link fileQueries}). */
export function loadQuery(name: string): ParserType.Query {
  let q = cache.get(name);
  if (!q) {
    q = new Parser.Query(cLanguage() as never, readQuery(name));
    cache.set(name, q);
  }
  return q;
}

function readQuery(name: string): string {
  return fs.readFileSync(path.join(QUERY_DIR, `${name}.scm`), 'utf8');
}

export function queryNames(): string[] {
  return fs
    .readdirSync(QUERY_DIR)
    .filter((f) => f.endsWith('.scm'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The top-level patterns of a query text, comments dropped. */
export function splitPatterns(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ';') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) {
        // Quantifiers and captures after the closing bracket belong to the pattern.
        let j = i + 1;
        for (;;) {
          const m = /^\s*(?:[*+?]|@[\w.-]+)/.exec(text.slice(j, j + 200));
          if (!m) break;
          j += m[0].length;
        }
        out.push(text.slice(start, j));
        i = j - 1;
      }
    }
  }
  return out;
}

const LEAF =
  /^\(\s*(?:\[((?:\s*\(\w+\))+)\s*\]|\((\w+)\))\s*@([\w.-]+)\s*\(#(eq|match|any-of)\?\s*@([\w.-]+)((?:\s*"(?:[^"\\]|\\.)*")+)\s*\)\s*\)$/;

/** A pattern that only tests one leaf node's type and text, or undefined. */
export function leafTest(pattern: string): LeafTest | undefined {
  const m = LEAF.exec(pattern.trim());
  if (!m || m[3] !== m[5]) return undefined;
  const types = new Set((m[1] ?? `(${m[2]})`).match(/\w+/g) ?? []);
  const args = [...m[6].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((a) => JSON.parse(`"${a[1]}"`) as string);
  const op = m[4];
  if (op === 'eq' && args.length === 1) return { types, capture: m[3], test: (t) => t === args[0] };
  if (op === 'any-of') {
    const set = new Set(args);
    return { types, capture: m[3], test: (t) => set.has(t) };
  }
  if (op === 'match' && args.length === 1) {
    const re = new RegExp(args[0]);
    return { types, capture: m[3], test: (t) => re.test(t) };
  }
  return undefined;
}

interface Combined {
  patterns: Pattern[];
  structural: Pattern[];
  query: ParserType.Query | undefined;
}

let combined: Combined | undefined;

function combinedQuery(): Combined {
  if (combined) return combined;
  const patterns: Pattern[] = [];
  for (const query of queryNames()) {
    for (const text of splitPatterns(readQuery(query))) patterns.push({ query, text, leaf: leafTest(text) });
  }
  const structural = patterns.filter((p) => !p.leaf);
  const query = structural.length ? new Parser.Query(cLanguage() as never, structural.map((p) => p.text).join('\n')) : undefined;
  // node-tree-sitter keeps one predicate list per pattern: the split must agree with its count.
  const counted = query ? (query as unknown as { predicates: unknown[] }).predicates.length : 0;
  if (counted !== structural.length) {
    throw new Error(`natmodgen: grammar-queries split into ${structural.length} patterns, tree-sitter counts ${counted}`);
  }
  return (combined = { patterns, structural, query });
}

/** Every query's results for one file, computed in one pass. */
class FileQueries {
  private readonly structural = new Map<string, QueryMatch[]>();
  private readonly leaves = new Map<string, Array<{ capture: string; start: number; end: number }>>();

  constructor(private readonly file: ParsedFile) {
    const c = combinedQuery();
    if (c.query) {
      for (const m of c.query.matches(file.tree.rootNode)) {
        const name = c.structural[m.pattern].query;
        let list = this.structural.get(name);
        if (!list) this.structural.set(name, (list = []));
        list.push({ captures: m.captures });
      }
    }
    const leafPatterns = c.patterns.filter((p) => p.leaf);
    const byType = new Map<string, Pattern[]>();
    for (const p of leafPatterns) for (const t of p.leaf!.types) byType.set(t, [...(byType.get(t) ?? []), p]);
    for (const t of file.tokens) {
      const ps = byType.get(t.nodeType);
      if (!ps) continue;
      for (const p of ps) {
        if (!p.leaf!.test(t.text)) continue;
        let list = this.leaves.get(p.query);
        if (!list) this.leaves.set(p.query, (list = []));
        list.push({ capture: p.leaf!.capture, start: t.start, end: t.end });
      }
    }
  }

  /** Matches of one query, as `loadQuery(name).matches(root)` would give them (leaf matches first). */
  matches(name: string): QueryMatch[] {
    const root = this.file.tree.rootNode;
    const leaves = (this.leaves.get(name) ?? []).map((l) => ({
      captures: [{ name: l.capture, node: root.descendantForIndex(l.start, l.end) }],
    }));
    return [...leaves, ...(this.structural.get(name) ?? [])];
  }

  /** Start offsets of one capture of one query, in source order, each once. */
  starts(name: string, capture: string): number[] {
    const out: number[] = [];
    for (const l of this.leaves.get(name) ?? []) if (l.capture === capture) out.push(l.start);
    for (const m of this.structural.get(name) ?? []) for (const c of m.captures) if (c.name === capture) out.push(c.node.startIndex);
    out.sort((a, b) => a - b);
    return out.filter((s, i) => i === 0 || out[i - 1] !== s);
  }
}

const perFile = new WeakMap<ParsedFile, FileQueries>();

/** The results of every grammar query on one parsed file (computed on first use, then kept with the file). */
export function fileQueries(file: ParsedFile): FileQueries {
  let q = perFile.get(file);
  if (!q) perFile.set(file, (q = new FileQueries(file)));
  return q;
}

/** Start offsets of every node captured as `@<capture>` by the named query, in source order. */
export function captureStarts(file: ParsedFile, name: string, capture: string): number[] {
  return fileQueries(file).starts(name, capture);
}

/** Matches of the named query on a file. */
export function queryMatches(file: ParsedFile, name: string): QueryMatch[] {
  return fileQueries(file).matches(name);
}

/** Captures of the named query on a file, in source order. */
export function queryCaptures(file: ParsedFile, name: string): QueryCapture[] {
  const all = queryMatches(file, name).flatMap((m) => m.captures);
  return all
    .map((c) => ({ c, s: c.node.startIndex }))
    .sort((a, b) => a.s - b.s)
    .map((x) => x.c);
}

/** An ERROR node with its offsets, read once. */
export interface ErrorNode {
  node: SyntaxNode;
  start: number;
  end: number;
}

/**
 * The outermost ERROR nodes of a file's tree, in source order. tree-sitter's own walk
 * (descendantsOfType, native, no recursion) finds every ERROR node in preorder; a JS walk
 * would cross into native code for every node of the tree. A node inside an ERROR found
 * before it is nested, so dropped.
 */
export function errorNodes(file: ParsedFile): ErrorNode[] {
  const root = file.tree.rootNode;
  if (root.type === 'ERROR') return [{ node: root, start: root.startIndex, end: root.endIndex }];
  if (!root.hasError) return [];
  const out: ErrorNode[] = [];
  let last: ErrorNode | undefined;
  for (const node of root.descendantsOfType('ERROR')) {
    const start = node.startIndex;
    const end = node.endIndex;
    // Preorder: an ancestor comes first, and every node after an ERROR that does not descend
    // from it starts at or after its end. Only an empty node right at that end needs its parents read.
    if (last && start < last.end && start >= last.start) continue;
    if (last && start === last.end && end === start && underError(node)) continue;
    out.push((last = { node, start, end }));
  }
  return sortErrors(out);
}

function underError(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'ERROR') return true;
  return false;
}

function sortErrors(found: ErrorNode[]): ErrorNode[] {
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}
