import type { SyntaxNode, Tree, TreeCursor } from 'tree-sitter';

/**
 * Structural query patterns answered in JavaScript during a walk of the tree the token stream
 * already makes, instead of by a tree-sitter query run over the whole tree once more (its own
 * walk in native code plus a JavaScript object, and a BigInt, per returned node).
 *
 * The subset read here is what grammar-queries/ writes: `(type child...) @capture`, children
 * with a field (`declarator: (...)`), alternatives of bare node types (`[(a) (b)] @c`).
 * A pattern using anything else (wildcards, anonymous nodes, anchors, quantifiers, predicates,
 * negated fields) is not compiled ({@link compilePattern} gives undefined) and stays with
 * tree-sitter. As tree-sitter does, a node matches a child step when it is a direct child of
 * the right type (and field), children match steps in order, and one match is given per
 * distinct set of captured nodes (matches differing only in uncaptured nodes are one).
 */
export interface PatternNode {
  types: ReadonlySet<string>;
  /** The field the node must fill in its parent (child steps only). */
  field?: string;
  captures: string[];
  children: PatternNode[];
}

export interface QueryCapture {
  name: string;
  node: SyntaxNode;
  /** The node's start, when known without asking the node (a walk's captures). */
  start?: number;
  /** The node's end, when known without asking the node (a leaf's captures). */
  end?: number;
}

/**
 * A captured leaf whose node object is made when first asked for: most captures (the calls of a
 * file) are read only for their start, and a node object is the costly part of a capture. A
 * non-empty leaf is the one node tree-sitter finds for its exact range (no sibling overlaps it,
 * and it has no children), so asking for the range later gives the same node.
 */
export class LeafCapture implements QueryCapture {
  private made?: SyntaxNode;
  constructor(
    readonly name: string,
    readonly start: number,
    readonly end: number,
    private readonly tree: Tree,
  ) {}
  get node(): SyntaxNode {
    return (this.made ??= this.tree.rootNode.descendantForIndex(this.start, this.end));
  }
}

export interface QueryMatch {
  captures: QueryCapture[];
  /** Where its last step matched (a walk's matches). */
  start?: number;
  /** Start of the root's child the match lies in, -1 for a match at the root (a walk's matches): see walkPatterns. */
  top?: number;
}

/** The syntax tree of a pattern text, or undefined when it uses more than the subset above. */
export function compilePattern(text: string): PatternNode | undefined {
  const toks = text.match(/"(?:[^"\\]|\\.)*"|[()[\]]|@[\w.-]+|[\w.-]+:|[^\s()[\]]+/g) ?? [];
  let i = 0;
  const fail = (): undefined => undefined;
  const captures = (): string[] => {
    const out: string[] = [];
    while (toks[i]?.startsWith('@')) out.push(toks[i++].slice(1));
    return out;
  };
  // One node step: `(type child*)` or `[(type) (type)...]`, then its captures.
  const step = (field?: string): PatternNode | undefined => {
    if (toks[i] === '[') {
      i++;
      const types = new Set<string>();
      while (toks[i] === '(') {
        const t = toks[i + 1];
        if (!t || !/^[a-z_]\w*$|^ERROR$/.test(t) || t === '_' || toks[i + 2] !== ')') return fail();
        types.add(t);
        i += 3;
      }
      if (toks[i++] !== ']' || types.size === 0) return fail();
      return { types, field, captures: captures(), children: [] };
    }
    if (toks[i] !== '(') return fail();
    const t = toks[i + 1];
    if (!t || !/^[a-z_]\w*$|^ERROR$/.test(t) || t === '_') return fail();
    i += 2;
    const children: PatternNode[] = [];
    while (toks[i] !== ')') {
      let f: string | undefined;
      if (toks[i]?.endsWith(':')) f = toks[i++].slice(0, -1);
      const c = step(f);
      if (!c) return fail();
      children.push(c);
    }
    i++;
    return { types: new Set([t]), field, captures: captures(), children };
  };
  const p = step();
  return p && i === toks.length ? p : undefined;
}

/** A compiled pattern and the query it belongs to. */
export interface WalkPattern {
  query: string;
  root: PatternNode;
}

/** Node type names by numeric id, read from the cursor once per process. */
const typeNames: string[] = [];
/** Field names by numeric id (0: none). */
const fieldNames: Array<string | undefined> = [];

export function cursorType(c: TreeCursor): string {
  const id = c.nodeTypeId;
  let t = typeNames[id];
  if (t === undefined) t = typeNames[id] = c.nodeType;
  return t;
}

/** One way a pattern matched: its captures, and where its last step matched (tree-sitter gives matches in that order). */
interface Found {
  captures: QueryCapture[];
  start: number;
  /** Start of the root's child holding the node the match was made at (-1: the root). */
  top?: number;
}

/** A pattern whose every step has at most one child step, as its steps from the root down. */
interface Chain {
  query: string;
  steps: PatternNode[];
  /** Whether two matches can capture the same nodes (the last step captures nothing): those are one match. */
  mayRepeat: boolean;
}

interface TypeRole {
  chains?: Chain[];
  trees?: WalkPattern[];
  /** The node's field is read when it is visited (a chain constrains it above its last step). */
  field: boolean;
  /** The node object is kept when it is visited (a chain captures it above its last step). */
  kept: boolean;
}

/** Not read yet (a node's field is read from the cursor only when a pattern asks). */
const UNREAD = -1;

/**
 * Matches a set of patterns at the nodes of a walk in document order: the walk calls
 * `visit(cursor, type, start, depth)` for every node, with the cursor on it, and gets the cursor
 * back where it was. A chain pattern (`(a f: (b (c) @x))`, every step with at most one child
 * step) is matched bottom-up at a node of its last step's type, from what the walk recorded of
 * that node's ancestors: their types, and fields and nodes only where a pattern needs them; no
 * node is visited twice. Other patterns are matched top-down at their root's nodes, reading
 * the root's children again. `matches` holds the matches per query in tree-sitter's order: by
 * where each match ends (its last step's node), walk order among equals.
 */
export class PatternMatcher {
  private readonly found = new Map<string, Found[]>();
  private readonly trees = new Map<string, WalkPattern[]>();
  private readonly chains = new Map<string, Chain[]>();
  /** Types whose field a chain step constrains above its last step: read when such a node is visited. */
  private readonly fieldTypes = new Set<string>();
  /** Types a chain step above its last step captures: their node is kept when visited. */
  private readonly keptTypes = new Set<string>();
  /** Per depth, what the walk recorded of the node it is in: type, field id, node (when kept). */
  private readonly types: string[] = [];
  private readonly fields: number[] = [];
  private readonly nodes: Array<SyntaxNode | undefined> = [];
  private readonly starts: number[] = [];
  private readonly seen = new Map<Chain, Set<string>>();
  private sorted?: Map<string, QueryMatch[]>;

  constructor(patterns: ReadonlyArray<WalkPattern>) {
    for (const p of patterns) {
      const steps: PatternNode[] = [];
      for (let n: PatternNode | undefined = p.root; n; n = n.children.length === 1 ? n.children[0] : undefined) {
        steps.push(n);
        if (n.children.length > 1) break;
      }
      const last = steps[steps.length - 1];
      if (last.children.length > 1) {
        for (const t of p.root.types) push(this.trees, t, p);
        continue;
      }
      const chain: Chain = { query: p.query, steps, mayRepeat: last.captures.length === 0 };
      for (const t of last.types) push(this.chains, t, chain);
      steps.slice(0, -1).forEach((st, i) => {
        if (i > 0 && st.field !== undefined) for (const t of st.types) this.fieldTypes.add(t);
        if (st.captures.length) for (const t of st.types) this.keptTypes.add(t);
      });
    }
    this.empty = patterns.length === 0;
  }

  /** No pattern to match (a walk need not call {@link visit}). */
  readonly empty: boolean;

  /** What the patterns do at a node type, by the type's numeric id (null: nothing but recording its type). */
  private readonly byId: Array<TypeRole | null | undefined> = [];

  private roleOf(id: number, type: string): TypeRole | null {
    let r = this.byId[id];
    if (r === undefined) {
      const chains = this.chains.get(type);
      const trees = this.trees.get(type);
      const field = this.fieldTypes.has(type);
      const kept = this.keptTypes.has(type);
      r = this.byId[id] = chains || trees || field || kept ? { chains, trees, field, kept } : null;
    }
    return r;
  }

  /** The walk is on a node of `type` (numeric id `id`) at `depth` (the root's is 0), starting at `start`. */
  visit(c: TreeCursor, id: number, type: string, start: number, depth: number): void {
    this.types[depth] = type;
    this.starts[depth] = start;
    const r = this.roleOf(id, type);
    if (r === null) {
      this.fields[depth] = UNREAD;
      this.nodes[depth] = undefined;
      return;
    }
    this.fields[depth] = r.field ? fieldId(c) : UNREAD;
    this.nodes[depth] = r.kept ? c.currentNode : undefined;
    if (r.chains) for (const ch of r.chains) this.matchChain(ch, c, start, depth);
    if (r.trees) {
      for (const p of r.trees) {
        const found = matchAt(p.root, c, type);
        if (found.length) for (const f of found) this.add(p.query, { ...f, top: depth >= 1 ? this.starts[1] : -1 });
      }
    }
  }

  private matchChain(ch: Chain, c: TreeCursor, start: number, depth: number): void {
    const k = ch.steps.length - 1;
    if (depth < k) return;
    // Types first (no native call), then fields.
    for (let i = k - 1; i >= 0; i--) if (!ch.steps[i].types.has(this.types[depth - (k - i)])) return;
    for (let i = k; i >= 1; i--) {
      const want = ch.steps[i].field;
      if (want === undefined) continue;
      const d = depth - (k - i);
      if (d === depth && this.fields[d] === UNREAD) this.fields[d] = fieldId(c);
      if (fieldNames[this.fields[d]] !== want) return;
    }
    const captures: QueryCapture[] = [];
    for (let i = 0; i <= k; i++) {
      const st = ch.steps[i];
      if (!st.captures.length) continue;
      const d = depth - (k - i);
      let node = this.nodes[d];
      if (!node && d === depth) {
        // A non-empty leaf is captured by its range; any other node now.
        const inner = c.gotoFirstChild();
        if (inner) c.gotoParent();
        const end = inner ? start : c.endIndex;
        if (end > start) {
          const tree = (c as unknown as { tree: Tree }).tree;
          for (const name of st.captures) captures.push(new LeafCapture(name, start, end, tree));
          continue;
        }
        node = this.nodes[d] = c.currentNode;
      }
      if (!node) return;
      for (const name of st.captures) captures.push({ name, node, start: this.starts[d] });
    }
    if (ch.mayRepeat) {
      let seen = this.seen.get(ch);
      if (!seen) this.seen.set(ch, (seen = new Set()));
      const key = captures.map((x) => `${x.name}@${x instanceof LeafCapture ? x.start : nodeKey(x.node)}`).join(' ');
      if (seen.has(key)) return;
      seen.add(key);
    }
    this.add(ch.query, { captures, start, top: depth >= 1 ? this.starts[1] : -1 });
  }

  private add(query: string, f: Found): void {
    let list = this.found.get(query);
    if (!list) this.found.set(query, (list = []));
    list.push(f);
    this.sorted = undefined;
  }

  get matches(): Map<string, QueryMatch[]> {
    if (!this.sorted) {
      this.sorted = new Map();
      for (const [query, list] of this.found) {
        // Stable: matches ending at one node keep the walk's order.
        const inOrder = [...list].sort((a, b) => a.start - b.start);
        this.sorted.set(
          query,
          inOrder.map((f) => ({ captures: f.captures, start: f.start, top: f.top })),
        );
      }
    }
    return this.sorted;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The field id of the cursor's node in its parent (0: none), its name learnt once per id. */
function fieldId(c: TreeCursor): number {
  const id = (c as unknown as { currentFieldId: number }).currentFieldId;
  if (id && !(id in fieldNames)) fieldNames[id] = c.currentFieldName ?? undefined;
  return id;
}

/**
 * Whether `p` matches at the cursor's node (of type `type`), capturing nothing: most roots of a
 * top-down pattern do not match, and reading a node object is the costly part.
 */
function canMatch(p: PatternNode, c: TreeCursor, type: string): boolean {
  if (!p.types.has(type)) return false;
  if (p.children.length === 0) return true;
  let j = 0;
  if (c.gotoFirstChild()) {
    do {
      const step = p.children[j];
      const t = cursorType(c);
      if (step.types.has(t) && (step.field === undefined || fieldNames[fieldId(c)] === step.field) && canMatch(step, c, t)) j++;
    } while (j < p.children.length && c.gotoNextSibling());
    c.gotoParent();
  }
  return j === p.children.length;
}

/**
 * The ways `p` matches at the cursor's node (of type `type`), one per distinct set of captured
 * nodes, in the order of the children they use. Recursion follows the pattern's depth (a few
 * steps), not the tree's.
 */
function matchAt(p: PatternNode, c: TreeCursor, type: string): Found[] {
  if (!canMatch(p, c, type)) return [];
  return matchesAt(p, c, type);
}

function matchesAt(p: PatternNode, c: TreeCursor, type: string): Found[] {
  if (!p.types.has(type)) return [];
  const self: QueryCapture[] = p.captures.length ? captured(p.captures, c) : [];
  if (p.children.length === 0) return [{ captures: self, start: c.startIndex }];
  // rows[i][j]: what child step j finds at child i.
  const rows: Found[][][] = [];
  if (c.gotoFirstChild()) {
    do {
      const t = cursorType(c);
      let field: string | undefined | null = null;
      const row: Found[][] = [];
      let any = false;
      for (const step of p.children) {
        let r: Found[] = [];
        if (step.types.has(t)) {
          if (step.field !== undefined && field === null) field = fieldNames[fieldId(c)];
          if (step.field === undefined || step.field === field) r = matchesAt(step, c, t);
        }
        if (r.length) any = true;
        row.push(r);
      }
      rows.push(any ? row : []);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }
  // Child steps take children in order (step j at a later child than step j - 1).
  const all: Found[] = [];
  const k = p.children.length;
  const extend = (j: number, from: number, acc: Found): void => {
    if (j === k) {
      all.push(acc);
      return;
    }
    for (let i = from; i < rows.length; i++) {
      const r = rows[i][j];
      if (r) for (const f of r) extend(j + 1, i + 1, { captures: [...acc.captures, ...f.captures], start: f.start });
    }
  };
  extend(0, 0, { captures: self, start: -1 });
  if (all.length < 2) return all;
  const seen = new Set<string>();
  return all.filter((found) => {
    const key = found.captures.map((x) => `${x.name}@${nodeKey(x.node)}`).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The node under the cursor, captured under each name (one node object for all). */
function captured(names: string[], c: TreeCursor): QueryCapture[] {
  const node = c.currentNode;
  return names.map((name) => ({ name, node }));
}

/** What tells two nodes of one tree apart: their id and start (node-tree-sitter keeps them in the node's first three fields). */
function nodeKey(n: SyntaxNode): string {
  const raw = n as unknown as Record<number, number | undefined>;
  return raw[0] !== undefined && raw[2] !== undefined ? `${raw[0]}:${raw[1]}:${raw[2]}` : `${n.startIndex}-${n.endIndex}:${n.type}`;
}

/**
 * Runs a matcher over a whole tree (when no token walk did): every node but the inside of literals,
 * in document order. With `skipTop`, a child of the root for which it says true is not visited,
 * nor anything under it (its matches are known from elsewhere: src/parse/queries.ts).
 */
export function walkPatterns(
  c: TreeCursor,
  m: PatternMatcher,
  atomic: (type: string) => boolean,
  skipTop?: (start: number, end: number) => boolean,
): void {
  let depth = 0;
  for (;;) {
    const id = c.nodeTypeId;
    const t = cursorType(c);
    const start = c.startIndex;
    if (depth !== 1 || !skipTop?.(start, c.endIndex)) {
      m.visit(c, id, t, start, depth);
      if (!atomic(t) && c.gotoFirstChild()) {
        depth++;
        continue;
      }
    }
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return;
      depth--;
    }
  }
}
