/**
 * A small C lexer for natmodgen's own runtime files (runtime/*.c, *.h): enough to
 * split them into top-level definitions and to see which names each one uses.
 * Comments are dropped; a preprocessor line (with continuations) is one token.
 */
export type RtTokenKind = 'ident' | 'punct' | 'literal' | 'directive';

export interface RtToken {
  kind: RtTokenKind;
  text: string;
  start: number;
  end: number;
}

export function lexC(text: string): RtToken[] {
  const out: RtToken[] = [];
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
      continue;
    }
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '#' && lineStart) {
      const start = i;
      let line = '';
      while (i < text.length && text[i] !== '\n') {
        if (text[i] === '\\' && text[i + 1] === '\n') {
          line += ' ';
          i += 2;
          continue;
        }
        if (text.startsWith('/*', i)) {
          const e = text.indexOf('*/', i + 2);
          i = e < 0 ? text.length : e + 2;
          line += ' ';
          continue;
        }
        if (text.startsWith('//', i)) {
          while (i < text.length && text[i] !== '\n') i++;
          break;
        }
        line += text[i++];
      }
      out.push({ kind: 'directive', text: line.trim(), start, end: i });
      continue;
    }
    lineStart = false;
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /\w/.test(text[i])) i++;
      out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[\w.]/.test(text[i])) i++;
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
    } else {
      i++;
      out.push({ kind: 'punct', text: c, start, end: i });
    }
  }
  return out;
}

/** Identifiers in a piece of C text (a directive's body, for instance), without literals. */
export function identifiersIn(text: string): string[] {
  return lexC(text)
    .filter((t) => t.kind === 'ident')
    .map((t) => t.text);
}
