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
const PUNCT3 = new Set(PUNCTUATORS.filter((p) => p.length === 3));
const PUNCT2 = new Set(PUNCTUATORS.filter((p) => p.length === 2));
const STRING_PREFIX = /^(L|u|U|u8)$/;

// Character classes by code unit (ASCII only, as the regular expressions they replace were).
const IDENT_START = 1;
const IDENT_PART = 2;
const DIGIT = 4;
const PUNCT_CHAR = 8;
const PUNCT_LEAD = 16;
const WORD = 32;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_$]/.test(ch)) CLASS[c] |= IDENT_START;
  if (/[\w$]/.test(ch)) CLASS[c] |= IDENT_PART;
  if (/\d/.test(ch)) CLASS[c] |= DIGIT;
  if (/\w/.test(ch)) CLASS[c] |= WORD;
  if (/[[\](){}.&*+\-~!/%<>^|?:;=,#]/.test(ch)) CLASS[c] |= PUNCT_CHAR;
  if (PUNCTUATORS.some((p) => p.charCodeAt(0) === c)) CLASS[c] |= PUNCT_LEAD;
}
const is = (code: number, cls: number): boolean => code < 128 && (CLASS[code] & cls) !== 0;

/** The text with splices removed, and for each of its characters the original offset. */
function splice(text: string): { s: string; at: Int32Array } {
  const at = new Int32Array(text.length + 1);
  let s = '';
  let n = 0;
  let i = 0;
  let chunk = 0;
  for (;;) {
    // Characters up to the next backslash map one to one.
    const b = text.indexOf('\\', i);
    const stop = b < 0 ? text.length : b;
    while (i < stop) at[n++] = i++;
    if (b < 0) break;
    let j = i + 1;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    const cj = text.charCodeAt(j);
    const nl = cj === 13 ? (text.charCodeAt(j + 1) === 10 ? 2 : 1) : cj === 10 ? 1 : 0;
    if (nl) {
      s += text.slice(chunk, i);
      i = j + nl;
      chunk = i;
      continue;
    }
    at[n++] = i;
    i++;
  }
  s += text.slice(chunk);
  at[n] = text.length;
  return { s, at };
}

const recent: Array<{ text: string; toks: readonly PPToken[] }> = [];

/** The shared token list of a text, when one of the last two lexShared calls made it. */
export function peekShared(text: string): readonly PPToken[] | undefined {
  return recent.find((r) => r.text === text)?.toks;
}

/**
 * lexPP of a text one of the last two calls lexed (a main file's text is read by several stages of
 * one conversion: the include splice, the preprocessor for each of its options). The array is
 * shared, so frozen: nothing changes a token list after lexing.
 */
export function lexShared(text: string): readonly PPToken[] {
  const hit = recent.find((r) => r.text === text);
  if (hit) return hit.toks;
  const toks = Object.freeze(lexPP(text));
  recent.unshift({ text, toks });
  recent.length = Math.min(recent.length, 2);
  return toks;
}

/**
 * Splits C source into preprocessing tokens; comments become whitespace. Never throws.
 * `directivesOnly`: only the tokens of directive lines (a line whose first token is `#`), the
 * same tokens as in the whole list; the other lines are read (their comments and literals
 * decide where lines and directives start) but make no tokens: what the preprocessor's walk
 * over a file's directives needs, without a token object per word of code.
 */
export function lexPP(text: string, directivesOnly = false): PPToken[] {
  const { s, at } = splice(text);
  const out: PPToken[] = [];
  const len = s.length;
  let bol = true;
  let space = false;
  let i = 0;
  let inInclude = false;
  // On a line that is not a directive (directivesOnly), until its end.
  let skipping = false;
  const push = (kind: PPKind, from: number, to: number): boolean => {
    if (directivesOnly && (skipping || (bol && !(to - from === 1 && s.charCodeAt(from) === 35)))) {
      skipping = true;
      bol = false;
      space = false;
      return false;
    }
    out.push({ kind, text: s.slice(from, to), start: at[from], end: at[to - 1] + 1, bol, space });
    bol = false;
    space = false;
    return true;
  };
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      bol = true;
      space = false;
      inInclude = false;
      skipping = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      i++;
      space = true;
      continue;
    }
    if (c === 47 /* / */) {
      const d = s.charCodeAt(i + 1);
      if (d === 47) {
        while (i < len && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (d === 42 /* * */) {
        const close = s.indexOf('*/', i + 2);
        i = close < 0 ? len : close + 2;
        space = true;
        continue;
      }
    }
    const start = i;
    if (inInclude && c === 60 /* < */) {
      let j = i + 1;
      while (j < len && s.charCodeAt(j) !== 62 && s.charCodeAt(j) !== 10 && s.charCodeAt(j) !== 13) j++;
      if (s.charCodeAt(j) === 62) {
        push('string', start, j + 1);
        i = j + 1;
        continue;
      }
    }
    if (is(c, IDENT_START)) {
      let j = i + 1;
      while (j < len && is(s.charCodeAt(j), IDENT_PART)) j++;
      const q = s.charCodeAt(j);
      if ((q === 34 || q === 39) && j - i <= 2 && STRING_PREFIX.test(s.slice(i, j))) {
        i = quoted(s, j);
        push(q === 34 ? 'string' : 'char', start, i);
        continue;
      }
      const n = out.length + 1;
      if (push('ident', start, j) && n >= 2 && out[n - 1].text === 'include' && out[n - 2].text === '#' && out[n - 2].bol) inInclude = true;
      i = j;
      continue;
    }
    if (is(c, DIGIT) || (c === 46 && is(s.charCodeAt(i + 1), DIGIT))) {
      let j = i + 1;
      while (j < len) {
        const cj = s.charCodeAt(j);
        const sign = s.charCodeAt(j + 1);
        if ((cj === 101 || cj === 69 || cj === 112 || cj === 80) && (sign === 43 || sign === 45)) j += 2;
        else if (is(cj, WORD) || cj === 46 /* . */) j++;
        else break;
      }
      push('number', start, j);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      i = quoted(s, i);
      push(c === 34 ? 'string' : 'char', start, i);
      continue;
    }
    if (is(c, PUNCT_LEAD)) {
      const p = s.startsWith('%:%:', i) ? 4 : PUNCT3.has(s.slice(i, i + 3)) ? 3 : PUNCT2.has(s.slice(i, i + 2)) ? 2 : 0;
      if (p) {
        push('punct', start, i + p);
        i += p;
        continue;
      }
    }
    push(is(c, PUNCT_CHAR) ? 'punct' : 'other', start, i + 1);
    i++;
  }
  return out;
}

/** End (exclusive) of the literal opening at `i`; an unterminated literal ends at the line's end. */
function quoted(s: string, i: number): number {
  const q = s.charCodeAt(i);
  let j = i + 1;
  for (;;) {
    if (j >= s.length) return j;
    const c = s.charCodeAt(j);
    if (c === q) return j + 1;
    if (c === 10 || c === 13) return j;
    j += c === 92 /* \\ */ ? 2 : 1;
  }
}
