import type { Tree } from 'tree-sitter';
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

const ATOMIC = new Set([
  'string_literal',
  'char_literal',
  'system_lib_string',
  'number_literal',
  'concatenated_string',
  'raw_string_literal',
]);

export function tokenize(tree: Tree, src: SourceText): Token[] {
  const out: Token[] = [];
  const text = src.text;
  let skipUntil = -1;
  const cursor = tree.walk();
  // Per numeric type id, read from the tree once per type: each cursor property is a call
  // into native code, and the string one allocates. 1: atomic, 2: comment, 0: other.
  const names: string[] = [];
  const roles: number[] = [];
  // Depth-first walk with a TreeCursor: node.children is unreliable across trees in node-tree-sitter.
  for (;;) {
    const id = cursor.nodeTypeId;
    let type = names[id];
    if (type === undefined) {
      type = names[id] = cursor.nodeType;
      roles[id] = ATOMIC.has(type) ? 1 : type === 'comment' ? 2 : 0;
    }
    const role = roles[id];
    const start = cursor.startIndex;
    let descend = false;
    // A node starting at or after the skipped directive line also ends after it (or is empty,
    // and holds nothing): its end is read only where it is needed.
    if (role !== 2 && (start >= skipUntil || cursor.endIndex > skipUntil)) {
      if (role !== 1 && cursor.gotoFirstChild()) descend = true;
      else if (start >= skipUntil) {
        const end = cursor.endIndex;
        if (start !== end && !blank(text, start, end)) {
          if (text.charCodeAt(start) === 35 /* # */) {
            const lineEnd = src.endOfLogicalLine(start);
            skipUntil = lineEnd;
            const line = text.slice(start, lineEnd);
            out.push({ kind: 'directive', text: line, start, end: lineEnd, nodeType: type, directive: parseDirective(line) });
          } else {
            const t = text.slice(start, end);
            out.push({ kind: kindOf(type, t), text: t, start, end, nodeType: type });
          }
        }
      }
    }
    if (descend) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return out;
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
  if (/^[A-Za-z_]\w*$/.test(text)) return 'ident';
  return 'punct';
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
