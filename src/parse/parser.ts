import type ParserType from 'tree-sitter';
import type { Edit, Point, SyntaxNode, Tree } from 'tree-sitter';
import { C, Parser } from './native';
import { SourceText, withLineFeeds } from './source';
import { retokenize, Token, tokenize } from './tokens';
import { structuralMatcher } from './grammar-queries';
import type { QueryMatch } from './patterns';

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
  /** Some `#if` branches were blanked for tree-sitter and their tokens lexed apart (withBlankedTokens). */
  blanked?: boolean;
  /** The structural query patterns' matches (src/parse/queries.ts), per query, when the token walk collected them. */
  structural?: Map<string, QueryMatch[]>;
}

export function parseFile(path: string, given: string): ParsedFile {
  const text = withLineFeeds(given);
  const cache = activeCache;
  const before = cache?.get(path);
  if (before && before.src.text === text) return before;
  if (!cache) {
    const same = thisTurn.get(path);
    if (same && same.src.text === text) return same;
  }
  const src = new SourceText(path, text);
  // tree-sitter's default input callback reads in chunks; pass a callback so large files parse whole.
  const read = blankDirectiveComments(text);
  const seen = blankElseContinuations(blankBlockAlternatives(blankSpecifierAlternatives(read)));
  const lex = (t: Tree) => (seen === read ? tokenize(t, src) : withBlankedTokens(tokenize(t, src), read, seen, src));
  const input = (index: number) => seen.slice(index, index + 16384);
  if (before) {
    // Out of the cache while its tree is edited: a failure below must not leave an edited tree behind.
    cache!.forget(path);
    // Error recovery can take another path when it starts from reused subtrees, and
    // diagnostics must not depend on the edit history. Every C module has errors (tree-sitter
    // reads `static MP_DEFINE_CONST_FUN_OBJ_1(...);` as a declaration missing its type), so
    // the incremental tree is kept only when its errors are the previous version's, moved by
    // the edit and none of them touching it; otherwise the text is parsed afresh (at once when
    // an error of the previous version touches the edit). Random edits of the examples and of
    // 634 corpus files (7,597 edits, 6,378 trees kept: test/unit/parse/incremental.test.ts and
    // bench/incremental-fuzz.cjs) found no tree or token kept this way that differs from a fresh parse.
    const edit = textEdit(before.src, text);
    const moved = movedErrors(cache!.errors(before), edit);
    if (moved) {
      // What readers of the previous version carry over to the next, taken before its tree is edited.
      const carried = carriedOver(before);
      // Re-parse against the previous version's tree, told what changed: tree-sitter then
      // reuses the subtrees outside the change.
      before.tree.edit(edit);
      const tree = parseTree(input, seen.length, before.tree);
      const changed = before.tree.getChangedRanges(tree);
      const dirty = dirtySpan(edit, changed);
      const errors = errorsAfterEdit(tree, moved, dirty);
      if (!errors.length || sameErrors(moved, errors)) {
        cache!.counts.incremental++;
        // Only the tokens in what changed are read from the new tree (when no #if branch is blanked, now or before).
        const tokens = seen === read && !before.blanked ? retokenize(tree, src, before.tokens, edit, changed) : lex(tree);
        const parsed: ParsedFile = { path, src, tree, tokens, ...(seen === read ? {} : { blanked: true }) };
        cache!.set(path, parsed, errors);
        for (const carry of carried) carry?.(parsed, edit, dirty);
        return parsed;
      }
    }
    cache!.counts.afresh++;
  }
  const tree = parseTree(input, seen.length);
  // One walk of the new tree reads the tokens and the structural query patterns' matches.
  const matcher = structuralMatcher();
  const tokens = seen === read ? tokenize(tree, src, matcher) : withBlankedTokens(tokenize(tree, src, matcher), read, seen, src);
  const parsed: ParsedFile = { path, src, tree, tokens, structural: matcher.matches, ...(seen === read ? {} : { blanked: true }) };
  if (cache) cache.set(path, parsed);
  else keepForThisTurn(path, parsed);
  return parsed;
}

/**
 * The last parses outside a parse cache, kept until the event loop next turns. node-tree-sitter
 * has no way to free a tree: its native memory goes in an N-API finalizer, which Node runs from
 * the event loop. A caller converting in a loop that never yields (a build script, a test) keeps
 * every tree it parses. Parsing the same text of the same file again in that loop gives back the
 * same parse (as the language server's cache does), so that loop grows by no tree; once the event
 * loop turns, the parses are dropped and their trees can be freed as before.
 */
const thisTurn = new Map<string, ParsedFile>();
/** How many files' parses {@link thisTurn} keeps: a loop over many files drops the oldest. */
const THIS_TURN_FILES = 16;
let turnEnds: { unref(): unknown } | undefined;

function keepForThisTurn(path: string, parsed: ParsedFile): void {
  thisTurn.delete(path);
  thisTurn.set(path, parsed);
  if (thisTurn.size > THIS_TURN_FILES) thisTurn.delete(thisTurn.keys().next().value!);
  if (!turnEnds) {
    turnEnds = setImmediate(() => {
      thisTurn.clear();
      turnEnds = undefined;
    });
    // A process with nothing else to do ends without waiting for it.
    turnEnds.unref();
  }
}

/**
 * How much C text (characters) was parsed into new trees since the event loop last turned: what
 * a loop that never yields holds in native memory (about 19 bytes a character), since no tree
 * can be freed before the event loop turns (see {@link thisTurn}). generate() reads it to decide
 * when to convert in a worker thread instead (src/pipeline/offload.ts).
 */
let parsedThisTurn = 0;
let parsedTurnEnds: { unref(): unknown } | undefined;

/** The characters parsed into new trees since the event loop last turned. */
export function parsedSinceTurn(): number {
  return parsedThisTurn;
}

/** Whether parseFile() goes through a {@link ParseCache} now (the language server's). */
export function parseCacheActive(): boolean {
  return activeCache !== undefined;
}

/** Every tree natmodgen makes, counted in {@link parsedThisTurn}. */
function parseTree(input: string | ((index: number) => string), length: number, old?: Tree): Tree {
  const tree = cParser().parse(input, old);
  parsedThisTurn += length;
  if (!parsedTurnEnds) {
    parsedTurnEnds = setImmediate(() => {
      parsedThisTurn = 0;
      parsedTurnEnds = undefined;
    });
    parsedTurnEnds.unref();
  }
  return tree;
}

/** A tree of a piece of C on its own (no cache, no token stream): for re-reading part of a file. */
export function parseSnippet(text: string): Tree {
  return parseTree(text, text.length);
}

/**
 * The tokens of the `#if` branches and directive lines blanked for tree-sitter (below) put back
 * into the stream: extractors, conditions and the runtime's use scan read every branch, as the
 * compiler of some build may. They are lexed from a parse of those lines alone.
 */
function withBlankedTokens(tokens: Token[], read: string, seen: string, src: SourceText): Token[] {
  let only = '';
  for (let i = 0; i < read.length; i++) {
    const ch = read[i];
    only += ch === '\n' || ch === '\r' || ch !== seen[i] ? ch : ' ';
  }
  const tree = parseTree((index: number) => only.slice(index, index + 16384), only.length);
  const extra = tokenize(tree, src).filter((t) => read[t.start] !== seen[t.start]);
  if (extra.length === 0) return tokens;
  return [...tokens, ...extra].sort((a, b) => a.start - b.start);
}

/** An ERROR or MISSING node: [start, end, 1 for ERROR / 0 for MISSING]. */
export type SyntaxError = [number, number, number];

/**
 * The outermost ERROR and the MISSING nodes of a tree, in document order (a cursor walk into
 * subtrees with errors only); with a span, only those of the nodes that meet it (touching counts).
 */
export function syntaxErrors(tree: Tree, span: [number, number] = [-Infinity, Infinity]): SyntaxError[] {
  const [lo, hi] = span;
  const out: SyntaxError[] = [];
  if (!tree.rootNode.hasError) return out;
  const c = tree.walk();
  for (;;) {
    if (c.endIndex >= lo && c.startIndex <= hi) {
      const error = c.nodeType === 'ERROR';
      if (error || c.nodeIsMissing) out.push([c.startIndex, c.endIndex, error ? 1 : 0]);
      else if (c.currentNode.hasError && c.gotoFirstChild()) continue;
    }
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return out;
  }
}

/** The span an edit touched in the new text: the edit's and every range tree-sitter reports changed (as retokenize reads it). */
function dirtySpan(e: Edit, changed: Array<{ startIndex: number; endIndex: number }>): [number, number] {
  let lo = e.startIndex;
  let hi = e.newEndIndex;
  for (const r of changed) {
    lo = Math.min(lo, r.startIndex);
    hi = Math.max(hi, r.endIndex);
  }
  return [lo, hi];
}

/**
 * syntaxErrors of a tree re-parsed after an edit, walking only what the edit touched: outside the
 * dirty span the new tree is the previous one moved (tree-sitter's changed ranges), so are its
 * errors. Errors never nest (nothing under an ERROR is read, a MISSING node is a leaf), so those
 * before the span, in it and after it follow each other in document order.
 */
function errorsAfterEdit(tree: Tree, moved: SyntaxError[], span: [number, number]): SyntaxError[] {
  const [lo, hi] = span;
  return [...moved.filter((x) => x[1] < lo), ...syntaxErrors(tree, span), ...moved.filter((x) => x[0] > hi)];
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
 * The text tree-sitter reads: block comments inside a multi-line directive blanked to spaces
 * (same offsets, newlines kept). tree-sitter-c ends a macro body at a comment before a line
 * continuation (`else /* x *\/ \`) and parses the rest of the macro as code, which can swallow
 * the function after it; the preprocessor drops those comments anyway. Other text is unchanged.
 */
export function blankDirectiveComments(text: string): string {
  if (!text.includes('/*')) return text;
  let out: string[] | undefined;
  let from = 0;
  const re = /^[ \t]*#/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // the directive's logical line: physical lines joined by a backslash before the newline
    let end = m.index;
    for (;;) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      if (!/\\[ \t]*\r?$/.test(text.slice(Math.max(end, nl - 4), nl))) {
        end = nl;
        break;
      }
      end = nl + 1;
    }
    const line = text.slice(m.index, end);
    if (line.includes('/*') && line.includes('\n')) {
      out ??= [];
      out.push(text.slice(from, m.index), blankComments(line));
      from = end;
    }
    re.lastIndex = Math.max(end, m.index + 1);
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}

/**
 * Declaration specifiers chosen by `#if` (opus celt/pitch.c: `#ifdef FIXED_POINT` `opus_val32`
 * `#else` `void` `#endif` before a function's name): tree-sitter parses each branch on its own,
 * and the function after it becomes a run of errors. For tree-sitter, such a conditional keeps
 * its first branch; its directive lines and other branches become spaces (offsets and newlines
 * kept). Only conditionals with two or more branches of specifier words (no nesting) qualify.
 */
export function blankSpecifierAlternatives(text: string): string {
  return blankAlternatives(text, (lines, branches) => {
    const words = (b: number[]) => {
      const code = b.filter((j) => lines[j].trim());
      return code.length > 0 && code.every((j) => /^[ \t]*[A-Za-z_][\w \t*]*$/.test(lines[j]));
    };
    return branches.every(words);
  });
}

/**
 * Each conditional of two or more branches (up to 40 lines, no nesting, no continued lines) that
 * `qualifies` keeps its first branch; its directive lines and other branches become spaces
 * (offsets and newlines kept). The branches are given as line numbers, blank lines included.
 */
function blankAlternatives(text: string, qualifies: (lines: string[], branches: number[][]) => boolean, single = false): string {
  if (!single && !/^[ \t]*#[ \t]*(else|elif)\b/m.test(text)) return text;
  const lines = text.split('\n');
  const dir = (l: string) => /^[ \t]*#[ \t]*(\w+)/.exec(l)?.[1];
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const open = dir(lines[i]);
    if (open !== 'if' && open !== 'ifdef' && open !== 'ifndef') continue;
    const branches: number[][] = [[]];
    let end = -1;
    for (let j = i + 1; j < lines.length && j < i + 40; j++) {
      const d = dir(lines[j]);
      if (d === 'endif') {
        end = j;
        break;
      }
      if (d === 'else' || d === 'elif') branches.push([]);
      else if (d !== undefined || lines[j].trim().endsWith('\\')) break;
      else branches[branches.length - 1].push(j);
    }
    if (end < 0 || branches.length < (single ? 1 : 2) || !qualifies(lines, branches)) continue;
    for (let j = i; j <= end; j++) {
      if (branches[0].includes(j)) continue;
      lines[j] = lines[j].replace(/[^\r]/g, ' ');
    }
    changed = true;
    i = end;
  }
  return changed ? lines.join('\n') : text;
}

/**
 * Alternatives that each open the same block (frotz random.c: `#ifdef TOPS20` `if (sz <= 0) {`
 * `#else` `if ((short)zargs[0] <= 0) {` `#endif`, codec2 codebook.c: `#ifdef __EMBEDDED__`
 * `static const float codes0[] = {` `#else` `static float codes0[] = {` `#endif`): tree-sitter
 * parses every branch in place, sees two opening braces for one closing brace, and the function
 * or table around them (often the rest of the file) becomes errors. The compiler reads one
 * branch. For tree-sitter, such a conditional keeps its first branch, as for specifiers above.
 * Only conditionals of two or more branches (no nesting, no continued lines) that all leave the
 * same braces, brackets and parentheses open, and leave some open or all end inside an expression
 * (frotz text.c: `#ifdef USE_UTF8` `0x0a3, 0x153` `#else` `0x0a3, 0x0bd` `#endif` `};`), qualify.
 */
export function blankBlockAlternatives(text: string): string {
  return blankAlternatives(text, (lines, branches) => {
    const codes = branches.map((b) => b.map((j) => lines[j]).join('\n'));
    const balances = codes.map(openDelimiters);
    if (balances.some((b) => b === undefined || b !== balances[0])) return false;
    // Balanced alternatives qualify when each ends inside an expression (the last items of an
    // initializer list without their comma): next to each other, they are two items in a row.
    return balances[0] !== '' || codes.every((c) => /[^;,{}\s]$/.test(withoutComments(c).trimEnd()));
  });
}

/**
 * Conditionals whose every branch continues an if-chain (opus src/opus_encoder.c: `}`
 * `#ifndef DISABLE_FLOAT_API` `else if (st->use_dtx) {...}` `#endif` `else {...}`): tree-sitter
 * nests the branch under the directive, where an `else` has no `if` to belong to, and the function
 * around it becomes errors up to its closing brace. The compiler reads the chain with or without
 * the branch, both C. For tree-sitter, such a conditional keeps its first branch (without the
 * directive lines, so a lone `#ifndef` ... `#endif` only loses those). Only conditionals (no
 * nesting, no continued lines) whose branches all start with `else` and close what they open qualify.
 */
export function blankElseContinuations(text: string): string {
  if (!/^[ \t]*else\b/m.test(text)) return text;
  return blankAlternatives(
    text,
    (lines, branches) =>
      branches.every((b) => {
        const code = withoutComments(b.map((j) => lines[j]).join('\n')).trim();
        return /^else\b/.test(code) && openDelimiters(code) === '';
      }),
    true,
  );
}

/** Code with its comments removed (string and character literals kept). */
function withoutComments(code: string): string {
  return code.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, lit: string | undefined) => lit ?? ' ');
}

/**
 * The delimiters a piece of code leaves open, innermost last (`{(` for `if (a) { f(`), or
 * undefined when it closes one it did not open or holds a quote or comment it does not end.
 */
function openDelimiters(code: string): string | undefined {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      if (code[j] !== c) return undefined;
      i = j;
    } else if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
    } else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return undefined;
    }
  }
  return stack.join('');
}

/** `/* ... *\/` in one directive's text as spaces (newlines kept); string and character literals left alone. */
function blankComments(line: string): string {
  let r = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== c && line[j] !== '\n') j += line[j] === '\\' ? 2 : 1;
      r += line.slice(i, j + 1);
      i = j;
    } else if (c === '/' && line[i + 1] === '*') {
      const close = line.indexOf('*/', i + 2);
      const stop = close < 0 ? line.length : close + 2;
      r += line.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else r += c;
  }
  return r;
}

/**
 * A reader of parsed files that carries what it computed for one version over to the next
 * (src/parse/queries.ts). Called with the previous version just before its tree is edited; the
 * function it returns, if any, is called with the new version when its tree was re-parsed
 * incrementally and kept: outside the dirty span (offsets of the new text) the new tree is the
 * previous one moved by the edit. What it keeps must not hold the previous version (its tree).
 */
export type ReparseListener = (before: ParsedFile) => ((after: ParsedFile, edit: Edit, dirty: [number, number]) => void) | undefined;

const reparseListeners: ReparseListener[] = [];

/**
 * What each listener carries over from a version. A function of its own, not a closure in parseFile:
 * a closure there that named the previous version would share its context with the tree's input
 * callback, and every tree would keep the one before it alive.
 */
function carriedOver(before: ParsedFile): ReturnType<ReparseListener>[] {
  const out: ReturnType<ReparseListener>[] = [];
  for (const listener of reparseListeners) out.push(listener(before));
  return out;
}

/** Registers a {@link ReparseListener} for the life of the process. */
export function onReparse(listener: ReparseListener): void {
  reparseListeners.push(listener);
}

/** The syntax errors of each parse, read once per version (shared by the parse cache and the extractors). */
const errorsOf = new WeakMap<ParsedFile, SyntaxError[]>();

/** The outermost ERROR and the MISSING nodes of a parsed file ({@link syntaxErrors}), read once per version. */
export function parsedSyntaxErrors(parsed: ParsedFile): SyntaxError[] {
  let e = errorsOf.get(parsed);
  if (!e) errorsOf.set(parsed, (e = syntaxErrors(parsed.tree)));
  return e;
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
  /** The syntax errors of a cached parse (read once per version). */
  errors(parsed: ParsedFile): SyntaxError[] {
    return parsedSyntaxErrors(parsed);
  }
  get(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }
  set(path: string, parsed: ParsedFile, errors?: SyntaxError[]): void {
    this.files.set(path, parsed);
    if (errors) errorsOf.set(parsed, errors);
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
