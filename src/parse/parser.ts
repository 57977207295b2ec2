import type ParserType from 'tree-sitter';
import type { Edit, Point, SyntaxNode, Tree } from 'tree-sitter';
import { C, Parser } from './native';
import { SourceText, withLineFeeds } from './source';
import { Token, tokenize } from './tokens';

let parser: ParserType | undefined;

function cParser(): ParserType {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as never);
  }
  return parser;
}

export function cLanguage(): unknown {
  return C;
}

/** A parsed input: text, tree-sitter tree and the token stream extractors read. */
export interface ParsedFile {
  /** Path as given by the user (used in diagnostics). */
  path: string;
  src: SourceText;
  tree: Tree;
  tokens: Token[];
}

export function parseFile(path: string, given: string): ParsedFile {
  const text = withLineFeeds(given);
  const cache = activeCache;
  const before = cache?.get(path);
  if (before && before.src.text === text) return before;
  const src = new SourceText(path, text);
  // tree-sitter's default input callback reads in chunks; pass a callback so large files parse whole.
  const input = (index: number) => text.slice(index, index + 16384);
  let tree: Tree;
  if (before) {
    // Out of the cache while its tree is edited: a failure below must not leave an edited tree behind.
    cache!.forget(path);
    // Re-parse against the previous version's tree, told what changed: tree-sitter then
    // reuses the subtrees outside the change.
    const edit = textEdit(before.src, text);
    const errorsBefore = cache!.errors(before);
    before.tree.edit(edit);
    tree = cParser().parse(input, before.tree);
    // Error recovery can take another path when it starts from reused subtrees, and
    // diagnostics must not depend on the edit history. Every C module has errors (tree-sitter
    // reads `static MP_DEFINE_CONST_FUN_OBJ_1(...);` as a declaration missing its type), so
    // the incremental tree is kept only when its errors are the previous version's, moved by
    // the edit and none of them touching it; otherwise the text is parsed afresh. Random edits
    // of the examples and of 634 corpus files (7,597 edits, 6,378 trees kept: test/unit/parse/
    // incremental.test.ts and bench/incremental-fuzz.cjs) found no tree or token kept this way
    // that differs from a fresh parse.
    const errors = syntaxErrors(tree);
    if (errors.length && !sameErrors(movedErrors(errorsBefore, edit), errors)) {
      tree = cParser().parse(input);
      cache!.counts.afresh++;
    } else {
      cache!.counts.incremental++;
      const parsed = { path, src, tree, tokens: tokenize(tree, src) };
      cache!.set(path, parsed, errors);
      return parsed;
    }
  } else tree = cParser().parse(input);
  const parsed = { path, src, tree, tokens: tokenize(tree, src) };
  cache?.set(path, parsed);
  return parsed;
}

/** An ERROR or MISSING node: [start, end, 1 for ERROR / 0 for MISSING]. */
type SyntaxError = [number, number, number];

/** The outermost ERROR and the MISSING nodes of a tree, in document order (a cursor walk into subtrees with errors only). */
export function syntaxErrors(tree: Tree): SyntaxError[] {
  const out: SyntaxError[] = [];
  if (!tree.rootNode.hasError) return out;
  const c = tree.walk();
  for (;;) {
    const error = c.nodeType === 'ERROR';
    if (error || c.nodeIsMissing) out.push([c.startIndex, c.endIndex, error ? 1 : 0]);
    else if (c.currentNode.hasError && c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return out;
  }
}

/** Errors of the version before an edit where they are after it; undefined when one touches the edited span. */
function movedErrors(errors: SyntaxError[], e: Edit): SyntaxError[] | undefined {
  const delta = e.newEndIndex - e.oldEndIndex;
  const out: SyntaxError[] = [];
  for (const [s, end, k] of errors) {
    if (end < e.startIndex) out.push([s, end, k]);
    else if (s > e.oldEndIndex) out.push([s + delta, end + delta, k]);
    else return undefined;
  }
  return out;
}

function sameErrors(a: SyntaxError[] | undefined, b: SyntaxError[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1] || a[i][2] !== b[i][2]) return false;
  return true;
}

/**
 * The last parse of each file, for a process that parses new versions of the same files
 * again and again (the language server): an unchanged file is not parsed again, a changed
 * one is parsed incrementally. Holds one tree per file until {@link forget}.
 */
export class ParseCache {
  private readonly files = new Map<string, ParsedFile>();
  /** Edits whose incremental tree was kept, and those parsed afresh after it (for tests and benches). */
  readonly counts = { incremental: 0, afresh: 0 };
  private readonly errorsOf = new WeakMap<ParsedFile, SyntaxError[]>();
  /** The syntax errors of a cached parse (read once per version). */
  errors(parsed: ParsedFile): SyntaxError[] {
    let e = this.errorsOf.get(parsed);
    if (!e) this.errorsOf.set(parsed, (e = syntaxErrors(parsed.tree)));
    return e;
  }
  get(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }
  set(path: string, parsed: ParsedFile, errors?: SyntaxError[]): void {
    this.files.set(path, parsed);
    if (errors) this.errorsOf.set(parsed, errors);
  }
  forget(path: string): void {
    this.files.delete(path);
  }
}

let activeCache: ParseCache | undefined;

/** Runs `f` with every parseFile() going through `cache`. */
export function withParseCache<T>(cache: ParseCache, f: () => T): T {
  const outer = activeCache;
  activeCache = cache;
  try {
    return f();
  } finally {
    activeCache = outer;
  }
}

/** The one edit that turns `before` into `after`: everything between their common prefix and suffix. */
export function textEdit(before: SourceText, after: string): Edit {
  const a = before.text;
  const limit = Math.min(a.length, after.length);
  let start = 0;
  while (start < limit && a.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && a.charCodeAt(a.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = a.length - tail;
  const newEnd = after.length - tail;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(a, before.lineStarts, start),
    oldEndPosition: pointAt(a, before.lineStarts, oldEnd),
    newEndPosition: pointIn(after, start, pointAt(a, before.lineStarts, start), newEnd),
  };
}

function pointAt(text: string, lineStarts: number[], offset: number): Point {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - lineStarts[lo] };
}

/** The point of `offset` in `text`, counting on from a known point at `from`. */
function pointIn(text: string, from: number, at: Point, offset: number): Point {
  let { row, column } = at;
  for (let i = from; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      column = 0;
    } else column++;
  }
  return { row, column };
}

export type { SyntaxNode };
