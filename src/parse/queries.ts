import type ParserType from 'tree-sitter';
import type { SyntaxNode, Tree } from 'tree-sitter';
import { C, Parser } from './native';
import { onReparse, ParsedFile } from './parser';
import { combinedQuery, Pattern, readQuery, structuralMatcher } from './grammar-queries';
import { LeafCapture, QueryCapture, QueryMatch, walkPatterns } from './patterns';
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
      const carry = carriedTo.get(file);
      walked = carry ? walkAfterEdit(file.tree, carry) : undefined;
      if (!walked) {
        const m = structuralMatcher();
        if (!m.empty) walkPatterns(file.tree.walk(), m, (t) => ATOMIC.has(t));
        walked = m.matches;
      }
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

  /** The structural patterns' matches, per query. */
  structuralMatches(): ReadonlyMap<string, QueryMatch[]> {
    return this.structural;
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

/** A capture as data, for the next version of its file (no node: that belongs to the previous tree). */
interface CaptureData {
  name: string;
  start: number;
  end: number;
  /** The node's type; undefined for a non-empty leaf (the one node with its range). */
  type?: string;
}

/** A structural match as data: see QueryMatch. */
interface MatchData {
  start: number;
  top: number;
  captures: CaptureData[];
}

/** What the structural matches of a version carry over to the next, with the edit between them. */
interface Carried {
  matches: Map<string, MatchData[]>;
  /** Starts of the root's children (previous version) whose matches cannot be carried: walked again. */
  rewalk: Set<number>;
  edit: { start: number; oldEnd: number; newEnd: number };
  dirty: [number, number];
}

/**
 * A capture carried over from the previous version of its file: its node in this version's tree,
 * found when first asked for, is the one of its type with its range (the tree there is the previous
 * one moved by the edit).
 */
class CarriedCapture implements QueryCapture {
  private made?: SyntaxNode;
  constructor(
    readonly name: string,
    readonly start: number,
    readonly end: number,
    readonly type: string,
    private readonly tree: Tree,
  ) {}
  get node(): SyntaxNode {
    if (this.made) return this.made;
    let n: SyntaxNode | null = this.tree.rootNode.descendantForIndex(this.start, this.end);
    while (n && n.type !== this.type && n.startIndex === this.start && n.endIndex === this.end) n = n.parent;
    if (!n || n.type !== this.type || n.startIndex !== this.start || n.endIndex !== this.end)
      throw new Error(`natmodgen: a ${this.type} node carried over an edit is not at ${this.start}-${this.end}`);
    return (this.made = n);
  }
}

const carriedTo = new WeakMap<ParsedFile, Carried>();

/** Children of the root walked for the structural patterns after an edit, and those carried over (for tests and benches). */
export const carriedCounts = { walked: 0, carried: 0 };

/**
 * The structural matches of a version, as data: read before its tree is edited for the next one.
 * A match whose node cannot be told by its type and range (an empty node) is not carried: the
 * root's child holding it is walked again.
 */
function matchData(q: FileQueries): Pick<Carried, 'matches' | 'rewalk'> | undefined {
  const matches = new Map<string, MatchData[]>();
  const rewalk = new Set<number>();
  for (const [name, list] of q.structuralMatches()) {
    const out: MatchData[] = [];
    for (const m of list) {
      // Only a walk's matches say where they lie.
      if (m.start === undefined || m.top === undefined) return undefined;
      if (m.top < 0) continue;
      const captures: CaptureData[] = [];
      for (const c of m.captures) {
        if (c instanceof CarriedCapture) captures.push({ name: c.name, start: c.start, end: c.end, type: c.type });
        else if (c instanceof LeafCapture) captures.push({ name: c.name, start: c.start, end: c.end });
        else {
          const start = c.start ?? c.node.startIndex;
          const end = c.node.endIndex;
          if (end <= start) break;
          captures.push({ name: c.name, start, end, type: c.node.type });
        }
      }
      if (captures.length === m.captures.length) out.push({ start: m.start, top: m.top, captures });
      else rewalk.add(m.top);
    }
    matches.set(name, out);
  }
  return { matches, rewalk };
}

// After an incremental parse, only the root's children the edit touched are walked for the
// structural patterns; the other children's matches are the previous version's, moved.
onReparse((before) => {
  const q = perFile.get(before);
  const data = q && !before.blanked ? matchData(q) : undefined;
  if (!data) return undefined;
  return (after, edit, dirty) => {
    if (after.blanked) return;
    carriedTo.set(after, { ...data, edit: { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex }, dirty });
  };
});

/**
 * The structural matches of a tree re-parsed after an edit: the root and the children of the root
 * that meet the dirty span (or hold a match that could not be carried) are walked; every other
 * child is the previous version's moved by the edit, and so are the matches that lie in it. In
 * the order of a whole walk: by where the last step matched, then the child, then walk order.
 */
function walkAfterEdit(tree: Tree, carry: Carried): Map<string, QueryMatch[]> {
  const [lo, hi] = carry.dirty;
  const delta = carry.edit.newEnd - carry.edit.oldEnd;
  // Previous start of each child of the root kept as it was -> its start now.
  const kept = new Map<number, number>();
  const c = tree.walk();
  if (c.gotoFirstChild()) {
    do {
      const s = c.startIndex;
      const e = c.endIndex;
      const before = s > hi ? s - delta : s;
      if ((e < lo || s > hi) && (s > hi ? before >= carry.edit.oldEnd : e <= carry.edit.start) && !carry.rewalk.has(before))
        kept.set(before, s);
    } while (c.gotoNextSibling());
  }
  const m = structuralMatcher();
  const now = new Set(kept.values());
  carriedCounts.carried += now.size;
  carriedCounts.walked += tree.rootNode.childCount - now.size;
  if (!m.empty)
    walkPatterns(
      tree.walk(),
      m,
      (t) => ATOMIC.has(t),
      (s) => now.has(s),
    );
  const out = new Map<string, QueryMatch[]>();
  const names = new Set([...carry.matches.keys(), ...m.matches.keys()]);
  for (const name of names) {
    const all: Array<{ m: QueryMatch; start: number; top: number; seq: number }> = [];
    (m.matches.get(name) ?? []).forEach((x, seq) => all.push({ m: x, start: x.start!, top: x.top!, seq }));
    (carry.matches.get(name) ?? []).forEach((x, seq) => {
      const top = kept.get(x.top);
      if (top === undefined) return;
      const shift = top - x.top;
      const captures = x.captures.map((d) =>
        d.type === undefined
          ? new LeafCapture(d.name, d.start + shift, d.end + shift, tree)
          : new CarriedCapture(d.name, d.start + shift, d.end + shift, d.type, tree),
      );
      all.push({ m: { captures, start: x.start + shift, top }, start: x.start + shift, top, seq });
    });
    all.sort((a, b) => a.start - b.start || a.top - b.top || a.seq - b.seq);
    out.set(
      name,
      all.map((x) => x.m),
    );
  }
  return out;
}

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
  return (
    all
      // A capture's start is mostly known without its node, whose object is the costly part of a capture.
      .map((c) => ({ c, s: c.start ?? c.node.startIndex }))
      .sort((a, b) => a.s - b.s)
      .map((x) => x.c)
  );
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
