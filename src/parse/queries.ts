import type ParserType from 'tree-sitter';
import type { SyntaxNode } from 'tree-sitter';
import { C, Parser } from './native';
import { ParsedFile } from './parser';
import { combinedQuery, Pattern, readQuery, structuralMatcher } from './grammar-queries';
import { QueryCapture, QueryMatch, walkPatterns } from './patterns';
import { ATOMIC } from './tokens';

export { leafTest, QUERY_DIR, queryNames, splitPatterns } from './grammar-queries';
export type { QueryCapture, QueryMatch } from './patterns';

const cache = new Map<string, ParserType.Query>();

/** One query compiled alone, as tree-sitter reads it (for tests and tools; the pipeline uses {@link fileQueries}). */
export function loadQuery(name: string): ParserType.Query {
  let q = cache.get(name);
  if (!q) {
    q = new Parser.Query(C as never, readQuery(name));
    cache.set(name, q);
  }
  return q;
}

/** Every query's results for one file, computed in one pass. */
class FileQueries {
  private readonly structural = new Map<string, QueryMatch[]>();
  private readonly leaves = new Map<string, Array<{ capture: string; start: number; end: number }>>();

  constructor(private readonly file: ParsedFile) {
    const c = combinedQuery();
    // The structural patterns' matches: those the token walk collected, or one walk now (an
    // incremental parse reads only the tokens of what changed).
    let walked = file.structural;
    if (!walked) {
      const m = structuralMatcher();
      if (!m.empty) walkPatterns(file.tree.walk(), m, (t) => ATOMIC.has(t));
      walked = m.matches;
    }
    for (const [name, list] of walked) this.structural.set(name, [...list]);
    if (c.query) {
      for (const m of c.query.matches(file.tree.rootNode)) {
        const name = c.native[m.pattern].query;
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
    for (const m of this.structural.get(name) ?? [])
      for (const c of m.captures) if (c.name === capture) out.push(c.start ?? c.node.startIndex);
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
