import type { SyntaxNode } from 'tree-sitter';
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
}

const ATOMIC = new Set(['string_literal', 'char_literal', 'system_lib_string', 'number_literal', 'concatenated_string', 'raw_string_literal']);

export function tokenize(tree: { rootNode: SyntaxNode }, src: SourceText): Token[] {
  const out: Token[] = [];
  let skipUntil = -1;
  const visit = (node: SyntaxNode): void => {
    if (node.endIndex <= skipUntil) return;
    if (node.type === 'comment') return;
    if (node.childCount === 0 || ATOMIC.has(node.type)) {
      if (node.startIndex === node.endIndex || node.startIndex < skipUntil) return;
      const text = src.text.slice(node.startIndex, node.endIndex);
      if (text.startsWith('#')) {
        const end = src.endOfLogicalLine(node.startIndex);
        const line = src.text.slice(node.startIndex, end);
        skipUntil = end;
        out.push({ kind: 'directive', text: line, start: node.startIndex, end, nodeType: node.type, directive: parseDirective(line) });
        return;
      }
      out.push({ kind: kindOf(node.type, text), text, start: node.startIndex, end: node.endIndex, nodeType: node.type });
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return out;
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
