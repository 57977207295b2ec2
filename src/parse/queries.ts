import * as fs from 'fs';
import * as path from 'path';
import type ParserType from 'tree-sitter';
import { Parser } from './native';
import type { SyntaxNode } from 'tree-sitter';
import type { Edit } from 'tree-sitter';
import { cLanguage, onReparse, ParsedFile, parsedSyntaxErrors } from './parser';
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
  /** The node's span, known without reading the tree (the node is found when asked for). */
  start: number;
  end: number;
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

/** A captured node by its type and span; the node itself is found in the tree when asked for. */
interface CaptureAt {
  name: string;
  type: string;
  start: number;
  end: number;
  node?: SyntaxNode;
}

/** A match of the combined query: the construct query its pattern belongs to, its captures. */
interface MatchAt {
  query: string;
  captures: CaptureAt[];
}

/** A child of the tree's root (a top-level declaration, definition, directive, comment or ERROR). */
interface TopNode {
  type: string;
  start: number;
  end: number;
}

/**
 * What a file's structural matches are made of, without its tree: the root's children and, for
 * each, the matches whose captures lie in it, in the order tree-sitter found them. Every
 * structural pattern matches inside one child of the root (or is the child, under
 * `translation_unit`); `undefined` where a match does not (then nothing is carried over).
 */
interface StructuralData {
  top: TopNode[];
  byTop: MatchAt[][];
}

/** The previous version's structural data and how the new text differs from it (src/parse/parser.ts onReparse). */
interface Carried {
  data: StructuralData;
  edit: Edit;
  dirty: [number, number];
}

const carried = new WeakMap<ParsedFile, Carried>();

/** Structural matches counted by how they were found (for tests and benches). */
export const queryCounts = { full: 0, incremental: 0, reusedTop: 0, queriedTop: 0 };

/** Every query's results for one file, computed in one pass. */
class FileQueries {
  /** Structural matches in the order the combined query finds them. */
  private readonly all: MatchAt[];
  private readonly structural = new Map<string, MatchAt[]>();
  private readonly leaves = new Map<string, Array<{ capture: string; start: number; end: number }>>();
  private data: StructuralData | undefined | null = null;

  constructor(private readonly file: ParsedFile) {
    const c = combinedQuery();
    const seed = carried.get(file);
    carried.delete(file);
    this.all = c.query ? ((seed && this.carriedOver(c.query, c.structural, seed)) ?? this.queried(c.query, c.structural)) : [];
    for (const m of this.all) {
      let list = this.structural.get(m.query);
      if (!list) this.structural.set(m.query, (list = []));
      list.push(m);
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

  /** The combined query's matches over the whole tree (or over [startIndex, endIndex) of it). */
  private queried(query: ParserType.Query, structural: Pattern[], range?: { startIndex: number; endIndex: number }): MatchAt[] {
    if (!range) queryCounts.full++;
    return query.matches(this.file.tree.rootNode, range).map((m) => ({
      query: structural[m.pattern].query,
      captures: m.captures.map((x) => ({ name: x.name, type: x.node.type, start: x.node.startIndex, end: x.node.endIndex, node: x.node })),
    }));
  }

  /**
   * The matches of a tree re-parsed after an edit: those of the root's children outside the dirty
   * span are the previous version's, moved; the other children are queried again. Undefined when
   * the previous version's matches cannot be carried over (the file is then queried whole).
   */
  private carriedOver(query: ParserType.Query, structural: Pattern[], seed: Carried): MatchAt[] | undefined {
    const root = this.file.tree.rootNode;
    if (root.type !== 'translation_unit') return undefined;
    const { data, edit, dirty } = seed;
    const delta = edit.newEndIndex - edit.oldEndIndex;
    // The previous version's children where the new text has them, by span.
    const previous = new Map<string, number>();
    data.top.forEach((t, i) => {
      if (t.end < edit.startIndex) previous.set(`${t.start} ${t.end} ${t.type}`, i);
      else if (t.start > edit.oldEndIndex) previous.set(`${t.start + delta} ${t.end + delta} ${t.type}`, i);
    });
    const top = topNodes(root);
    const byTop: MatchAt[][] = top.map(() => []);
    const fresh: number[] = [];
    top.forEach((t, i) => {
      const was = t.end < dirty[0] || t.start > dirty[1] ? previous.get(`${t.start} ${t.end} ${t.type}`) : undefined;
      if (was === undefined) fresh.push(i);
      else byTop[i] = data.byTop[was].map((m) => moved(m, t.start - data.top[was].start));
    });
    // Runs of children to query again, each as one range of the tree.
    for (let k = 0; k < fresh.length;) {
      let j = k;
      while (j + 1 < fresh.length && fresh[j + 1] === fresh[j] + 1) j++;
      const range = { startIndex: top[fresh[k]].start, endIndex: top[fresh[j]].end };
      for (const m of this.queried(query, structural, range)) {
        const i = topOf(top, m);
        if (i === undefined) return undefined;
        if (i >= fresh[k] && i <= fresh[j]) byTop[i].push(m);
      }
      k = j + 1;
    }
    queryCounts.incremental++;
    queryCounts.reusedTop += top.length - fresh.length;
    queryCounts.queriedTop += fresh.length;
    this.data = { top, byTop };
    return byTop.flat();
  }

  /** This version's structural data, to carry over to the next (undefined where a match spans children of the root). */
  structuralData(): StructuralData | undefined {
    if (this.data !== null) return this.data;
    const root = this.file.tree.rootNode;
    if (root.type !== 'translation_unit') return (this.data = undefined);
    const top = topNodes(root);
    const byTop: MatchAt[][] = top.map(() => []);
    for (const m of this.all) {
      const i = topOf(top, m);
      if (i === undefined) return (this.data = undefined);
      byTop[i].push(m);
    }
    return (this.data = { top, byTop });
  }

  /** Matches of one query, as `loadQuery(name).matches(root)` would give them (leaf matches first). */
  matches(name: string): QueryMatch[] {
    const root = this.file.tree.rootNode;
    const leaves = (this.leaves.get(name) ?? []).map((l) => ({
      captures: [{ name: l.capture, start: l.start, end: l.end, node: root.descendantForIndex(l.start, l.end) }],
    }));
    const structural = (this.structural.get(name) ?? []).map((m) => ({ captures: m.captures.map((c) => this.capture(c)) }));
    return [...leaves, ...structural];
  }

  /** Captures of one query in source order (leaf captures first where two start together). */
  captures(name: string): QueryCapture[] {
    const root = this.file.tree.rootNode;
    const all: Array<{ s: number; c: () => QueryCapture }> = [];
    for (const l of this.leaves.get(name) ?? [])
      all.push({ s: l.start, c: () => ({ name: l.capture, start: l.start, end: l.end, node: root.descendantForIndex(l.start, l.end) }) });
    for (const m of this.structural.get(name) ?? []) for (const c of m.captures) all.push({ s: c.start, c: () => this.capture(c) });
    return all.sort((a, b) => a.s - b.s).map((x) => x.c());
  }

  /** A capture with its node: found in this tree by type and span where it was carried over from the previous version. */
  private capture(c: CaptureAt): QueryCapture {
    const root = this.file.tree.rootNode;
    return {
      name: c.name,
      start: c.start,
      end: c.end,
      get node(): SyntaxNode {
        return (c.node ??= nodeAt(root, c.type, c.start, c.end));
      },
    };
  }

  /** Start offsets of one capture of one query, in source order, each once. */
  starts(name: string, capture: string): number[] {
    const out: number[] = [];
    for (const l of this.leaves.get(name) ?? []) if (l.capture === capture) out.push(l.start);
    for (const m of this.structural.get(name) ?? []) for (const c of m.captures) if (c.name === capture) out.push(c.start);
    out.sort((a, b) => a - b);
    return out.filter((s, i) => i === 0 || out[i - 1] !== s);
  }
}

/** A match moved by an edit before it (by 0 when after it): offsets only, its nodes belong to the previous tree. */
function moved(m: MatchAt, delta: number): MatchAt {
  return { query: m.query, captures: m.captures.map((c) => ({ name: c.name, type: c.type, start: c.start + delta, end: c.end + delta })) };
}

/** The children of the root, by a cursor walk (each is read once). */
function topNodes(root: SyntaxNode): TopNode[] {
  const out: TopNode[] = [];
  const c = root.walk();
  if (!c.gotoFirstChild()) return out;
  do out.push({ type: c.nodeType, start: c.startIndex, end: c.endIndex });
  while (c.gotoNextSibling());
  return out;
}

/**
 * The child of the root that holds every capture of a match, or undefined when none does or a
 * capture is empty (an empty node on the boundary of two children belongs to either).
 */
function topOf(top: TopNode[], m: MatchAt): number | undefined {
  let lo = 0;
  let hi = top.length - 1;
  const s = m.captures[0]?.start;
  if (s === undefined) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (top[mid].start <= s) lo = mid;
    else hi = mid - 1;
  }
  const t = top[lo];
  if (!t) return undefined;
  for (const c of m.captures) if (c.start >= c.end || c.start < t.start || c.end > t.end) return undefined;
  return lo;
}

const perFile = new WeakMap<ParsedFile, FileQueries>();

// A file re-parsed after an edit starts from its previous version's matches, where they were read.
onReparse((before) => {
  const was = perFile.get(before)?.structuralData();
  if (!was) return undefined;
  // Offsets only: a node of the previous tree would keep that tree alive.
  const data = { top: was.top, byTop: was.byTop.map((ms) => ms.map((m) => moved(m, 0))) };
  return (after, edit, dirty) => carried.set(after, { data, edit, dirty });
});

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
  return fileQueries(file).captures(name);
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
  // The parse has read its errors already (for the parse cache): only the nodes are found here, when asked.
  const known = parsedSyntaxErrors(file).filter((e) => e[2] === 1);
  if (known.every(([start, end]) => start < end)) return known.map(([start, end]) => lazyError(root, start, end));
  return errorNodesByWalk(root);
}

/** An ERROR node known by its span, found in the tree on first use (the outermost ERROR spanning exactly that). */
function lazyError(root: SyntaxNode, start: number, end: number): ErrorNode {
  let node: SyntaxNode | undefined;
  return {
    start,
    end,
    get node(): SyntaxNode {
      return (node ??= nodeAt(root, 'ERROR', start, end, true));
    },
  };
}

/**
 * The node of a type spanning exactly [start, end): up from the smallest node that holds the span,
 * the first such (the last of a run of such nested ones, with `outermost`).
 */
function nodeAt(root: SyntaxNode, type: string, start: number, end: number, outermost = false): SyntaxNode {
  let found: SyntaxNode | undefined;
  for (let n: SyntaxNode | null = root.descendantForIndex(start, end); n; n = n.parent) {
    const s = n.startIndex;
    const e = n.endIndex;
    if (s === start && e === end) {
      if (n.type === type) {
        found = n;
        if (!outermost) break;
      }
    } else if (s <= start && e >= end) break;
  }
  if (!found) throw new Error(`natmodgen: no ${type} node at ${start}-${end} of the tree`);
  return found;
}

/** errorNodes by tree-sitter's own walk (descendantsOfType, native, no recursion). */
function errorNodesByWalk(root: SyntaxNode): ErrorNode[] {
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
