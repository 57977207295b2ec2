import type { Edit, Range, Tree } from 'tree-sitter';
import type { PatternMatcher } from './patterns';
import { SourceText } from './source';

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'directive';

/**
 * A lexical token taken from the tree-sitter tree. Extractors read constructs from
 * this stream, so error-recovery shapes around MicroPython macros do not matter.
 * A preprocessor line becomes one `directive` token spanning the whole logical line.
 */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Tree-sitter node type of the leaf, for queries that anchored on it. */
  nodeType: string;
  /** For directives: the keyword (`if`, `ifdef`, `include`...) and its argument with comments removed. */
  directive?: { keyword: string; arg: string };
  /**
   * Set on tokens a macro expansion produced (src/preprocess): `start`/`end` are then the
   * use site, and this is the macro's definition, for a related note.
   */
  origin?: { macro: string; file: string; start: number; end: number };
}

/** Node types read as one token (the walk does not go into them). */
export const ATOMIC: ReadonlySet<string> = new Set([
  'string_literal',
  'char_literal',
  'system_lib_string',
  'number_literal',
  'concatenated_string',
  'raw_string_literal',
]);

/**
 * The file's tokens, in one walk of the tree. With a matcher, the same walk shows it every node
 * (also those inside directive lines, which make no tokens), so the structural query patterns
 * need no walk of their own.
 */
export function tokenize(tree: Tree, src: SourceText, matcher?: PatternMatcher): Token[] {
  const out: Token[] = [];
  tokenizeSpan(tree, src, 0, Infinity, out, matcher);
  return out;
}

/**
 * The tokens of a new version of a file parsed incrementally from the previous one (`before`,
 * with its tokens), told the edit and the ranges tree-sitter reports as changed: outside those,
 * every character has the same ancestor nodes in both trees, so the tokens before them are
 * kept, the tokens after them are moved by the edit, and only the span between is read from
 * the tree. test/unit/parse/incremental.test.ts compares the result with a fresh tokenize.
 */
export function retokenize(tree: Tree, src: SourceText, before: Token[], edit: Edit, changed: Range[]): Token[] {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  let lo = edit.startIndex;
  let hi = edit.newEndIndex;
  for (const r of changed) {
    lo = Math.min(lo, r.startIndex);
    hi = Math.max(hi, r.endIndex);
  }
  // Tokens ending before the dirty span (a token touching it may grow), and those starting after it.
  let keep = 0;
  while (keep < before.length && before[keep].end < lo) keep++;
  let after = keep;
  while (after < before.length && before[after].start + delta <= hi) after++;
  const out = before.slice(0, keep);
  const from = keep > 0 ? before[keep - 1].end : 0;
  const to = after < before.length ? before[after].start + delta : Infinity;
  // A directive read in the span may run on over the tokens after it (a line continuation typed).
  const reach = tokenizeSpan(tree, src, from, to, out);
  for (let i = after; i < before.length; i++) {
    const t = before[i];
    if (t.start + delta < reach) continue;
    out.push(delta === 0 ? t : { ...t, start: t.start + delta, end: t.end + delta });
  }
  return out;
}

/** Per numeric node type: its name and role (1: atomic, 2: comment, 0: other), read once per process. */
const typeNames: string[] = [];
const typeRoles: number[] = [];
/** The kind of a token by node type where the type decides it ('' where the text must be looked at). */
const typeKinds: Array<TokenKind | ''> = [];

/**
 * Appends the tokens of the leaves starting in [from, to) to `out`, a depth-first cursor walk
 * (node.children is unreliable across trees in node-tree-sitter) that goes straight down to
 * `from`. Returns the end of the last directive read (where the skipped line ends), or -1.
 */
function tokenizeSpan(tree: Tree, src: SourceText, from: number, to: number, out: Token[], matcher?: PatternMatcher): number {
  const text = src.text;
  let skipUntil = -1;
  const cursor = tree.walk();
  // Down the path to the first node starting at `from`, or a leaf or atomic node ending after it (a string
  // that began on a directive line, whose rest is not read); the walk goes on in document order from there.
  while (cursor.startIndex < from && !ATOMIC.has(cursor.nodeType) && cursor.gotoFirstChildForIndex(from) !== null);
  // An atomic node begun on a directive line before `from` is read part by part after that line,
  // as a walk from the start of the file reads it (below): the line is skipped from here too.
  if (cursor.startIndex < from && ATOMIC.has(cursor.nodeType)) skipUntil = directiveLineEnd(src, cursor.startIndex);
  const match = matcher && !matcher.empty ? matcher : undefined;
  // The cursor's depth under the root (the matcher's walk starts at the root: from is 0 then).
  let depth = 0;
  for (;;) {
    // Each cursor property is a call into native code, and the string one allocates.
    const id = cursor.nodeTypeId;
    let type = typeNames[id];
    if (type === undefined) {
      type = typeNames[id] = cursor.nodeType;
      typeRoles[id] = ATOMIC.has(type) ? 1 : type === 'comment' ? 2 : 0;
      typeKinds[id] = type === 'number_literal' ? 'number' : type === 'char_literal' ? 'char' : ATOMIC.has(type) ? 'string' : '';
    }
    const role = typeRoles[id];
    const start = cursor.startIndex;
    if (start >= to) return skipUntil;
    match?.visit(cursor, id, type, start, depth);
    let descend = false;
    // A node starting at or after the skipped directive line also ends after it (or is empty,
    // and holds nothing): its end is read only where it is needed.
    if (role !== 2 && (start >= skipUntil || cursor.endIndex > skipUntil)) {
      // An atomic node begun on the skipped directive line and running past it (tree-sitter's error
      // recovery joins `#include "a.h"` and the next lines into a concatenated_string inside an
      // initialiser) is read part by part: what follows the line is the file's.
      if ((role !== 1 || start < skipUntil) && cursor.gotoFirstChild()) descend = true;
      else if (start >= skipUntil && start >= from) {
        const end = cursor.endIndex;
        if (start !== end && !blank(text, start, end)) {
          if (text.charCodeAt(start) === 35 /* # */) {
            const lineEnd = src.endOfLogicalLine(start);
            skipUntil = lineEnd;
            const line = text.slice(start, lineEnd);
            out.push({ kind: 'directive', text: line, start, end: lineEnd, nodeType: type, directive: parseDirective(line) });
          } else {
            const t = text.slice(start, end);
            out.push({ kind: typeKinds[id] || kindOf(type, t), text: t, start, end, nodeType: type });
          }
        }
      }
    } else if (match && role === 0) {
      // Inside a directive line (it makes no tokens): only for the matcher.
      descend = cursor.gotoFirstChild();
    }
    if (descend) {
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return skipUntil;
      depth--;
    }
  }
}

/** Whether text[start, end) is all white space (what String.prototype.trim removes). */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 160 || (c > 160 && c < 0x1680)) return false;
    if (text[i].trim() !== '') return false;
  }
  return true;
}

function kindOf(nodeType: string, text: string): TokenKind {
  if (nodeType === 'number_literal') return 'number';
  if (nodeType === 'char_literal') return 'char';
  if (ATOMIC.has(nodeType)) return 'string';
  return isWord(text) ? 'ident' : 'punct';
}

/** `/^[A-Za-z_]\w*$/` (ASCII letters, digits, underscore), tested by character code: it runs once per token. */
function isWord(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return false;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || (d >= 48 && d <= 57))) return false;
  }
  return true;
}

/** Splits one isolated directive line into keyword and argument, dropping comments. */
export function parseDirective(line: string): { keyword: string; arg: string } {
  const joined = line.replace(/\\\r?\n/g, ' ');
  const m = /^#\s*([A-Za-z_]\w*)?(.*)$/s.exec(joined);
  const keyword = m?.[1] ?? '';
  const arg = stripComments(m?.[2] ?? '').trim();
  return { keyword, arg };
}

function stripComments(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const j = closingQuote(s, i);
      out += s.slice(i, j + 1);
      i = j;
    } else if (c === '/' && s[i + 1] === '/') break;
    else if (c === '/' && s[i + 1] === '*') {
      const j = s.indexOf('*/', i + 2);
      if (j < 0) break;
      out += ' ';
      i = j + 1;
    } else out += c;
  }
  return out;
}

function closingQuote(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === s[i]) return j;
  }
  return s.length - 1;
}

/** Where the directive line holding `offset` ends, or -1 when the line is not a directive. */
function directiveLineEnd(src: SourceText, offset: number): number {
  const text = src.text;
  let i = src.lineStarts[src.lineOf(offset) - 1];
  while (i < offset && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '#' ? src.endOfLogicalLine(i) : -1;
}
