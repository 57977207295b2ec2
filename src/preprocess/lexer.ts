/**
 * Preprocessing tokens (C11 6.4) with offsets into the original text. Line splices
 * (backslash-newline, any line-ending convention) are removed from token text but
 * offsets still point at the bytes the user wrote, so spans stay exact.
 */
export type PPKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'other';

export interface PPToken {
  kind: PPKind;
  /** Spelling with line splices removed. */
  text: string;
  /** Offsets in the original text: [start, end). */
  start: number;
  end: number;
  /** First token of a logical line (a `#` here starts a directive). */
  bol: boolean;
  /** Whitespace or a comment came before it on the same line (matters for `#` stringizing and for `F (` vs `F(`). */
  space: boolean;
}

const PUNCTUATORS = [
  '%:%:',
  '...',
  '<<=',
  '>>=',
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '*=',
  '/=',
  '%=',
  '+=',
  '-=',
  '&=',
  '^=',
  '|=',
  '##',
  '<:',
  ':>',
  '<%',
  '%>',
  '%:',
];
const STRING_PREFIX = /^(L|u|U|u8)$/;

/** The text with splices removed, and for each of its characters the original offset. */
function splice(text: string): { s: string; at: Int32Array } {
  const at = new Int32Array(text.length + 1);
  let s = '';
  let n = 0;
  let i = 0;
  let chunk = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 92 /* \ */) {
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t') j++;
      const nl = text[j] === '\r' ? (text[j + 1] === '\n' ? 2 : 1) : text[j] === '\n' ? 1 : 0;
      if (nl) {
        s += text.slice(chunk, i);
        i = j + nl;
        chunk = i;
        continue;
      }
    }
    at[n++] = i;
    i++;
  }
  s += text.slice(chunk);
  at[n] = text.length;
  return { s, at };
}

/** Splits C source into preprocessing tokens; comments become whitespace. Never throws. */
export function lexPP(text: string): PPToken[] {
  const { s, at } = splice(text);
  const out: PPToken[] = [];
  let bol = true;
  let space = false;
  let i = 0;
  let inInclude = false;
  const push = (kind: PPKind, from: number, to: number): void => {
    out.push({ kind, text: s.slice(from, to), start: at[from], end: at[to - 1] + 1, bol, space });
    bol = false;
    space = false;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\n' || c === '\r') {
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      bol = true;
      space = false;
      inInclude = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      i++;
      space = true;
      continue;
    }
    if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
      space = true;
      continue;
    }
    const start = i;
    if (inInclude && c === '<') {
      let j = i + 1;
      while (j < s.length && s[j] !== '>' && s[j] !== '\n' && s[j] !== '\r') j++;
      if (s[j] === '>') {
        push('string', start, j + 1);
        i = j + 1;
        continue;
      }
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < s.length && /[\w$]/.test(s[j])) j++;
      if ((s[j] === '"' || s[j] === "'") && STRING_PREFIX.test(s.slice(i, j))) {
        i = quoted(s, j);
        push(s[j] === '"' ? 'string' : 'char', start, i);
        continue;
      }
      push('ident', start, j);
      const n = out.length;
      if (n >= 2 && out[n - 1].text === 'include' && out[n - 2].text === '#' && out[n - 2].bol) inInclude = true;
      i = j;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(s[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < s.length) {
        if (/[eEpP]/.test(s[j]) && (s[j + 1] === '+' || s[j + 1] === '-')) j += 2;
        else if (/[\w.]/.test(s[j])) j++;
        else break;
      }
      push('number', start, j);
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      i = quoted(s, i);
      push(c === '"' ? 'string' : 'char', start, i);
      continue;
    }
    const p = PUNCTUATORS.find((q) => s.startsWith(q, i));
    if (p) {
      push('punct', start, i + p.length);
      i += p.length;
      continue;
    }
    push(/[[\](){}.&*+\-~!/%<>^|?:;=,#]/.test(c) ? 'punct' : 'other', start, i + 1);
    i++;
  }
  return out;
}

/** End (exclusive) of the literal opening at `i`; an unterminated literal ends at the line's end. */
function quoted(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== q && s[j] !== '\n' && s[j] !== '\r') j += s[j] === '\\' ? 2 : 1;
  return s[j] === q ? j + 1 : j;
}
