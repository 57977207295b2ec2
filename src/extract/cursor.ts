import { ParsedFile } from '../parse/parser';
import { Token } from '../parse/tokens';
import { Span } from '../diagnostics/diagnostic';

/** An inclusive range of token indexes [from, to]; empty when to < from. */
export interface TokRange {
  from: number;
  to: number;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Navigation over one file's token stream for the extractors. */
export class Cursor {
  readonly tokens: Token[];
  /**
   * `tokens`: a view of the file's tokens with some macro uses expanded (ExtractContext.expandItems);
   * the file's own token stream when absent.
   * `firmwareUndefined`: names whose `#ifdef` / `defined()` tests read as the firmware build reads
   * them (src/model/condition.ts firmwareSide).
   */
  constructor(
    readonly file: ParsedFile,
    tokens?: Token[],
    readonly firmwareUndefined: ReadonlySet<string> = new Set(),
  ) {
    this.tokens = tokens ?? file.tokens;
  }

  /** Index of the token starting at `offset`, or -1. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.tokens[mid].start;
      if (s === offset) return mid;
      if (s < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  text(i: number): string {
    return this.tokens[i]?.text ?? '';
  }

  is(i: number, text: string): boolean {
    return this.tokens[i] !== undefined && this.tokens[i].text === text;
  }

  /** Index of the bracket closing the one at `open`, skipping directives; -1 when unbalanced. */
  closing(open: number): number {
    const stack: string[] = [];
    for (let i = open; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.kind !== 'punct') continue;
      if (OPEN[t.text]) stack.push(OPEN[t.text]);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (stack.pop() !== t.text) return -1;
        if (stack.length === 0) return i;
      }
    }
    return -1;
  }

  /** Splits the tokens strictly between `open` and `close` at depth-0 commas. Directives stay with the item they precede. */
  splitArgs(open: number, close: number): TokRange[] {
    const out: TokRange[] = [];
    let depth = 0;
    let from = open + 1;
    for (let i = open + 1; i < close; i++) {
      const t = this.tokens[i];
      if (t.kind !== 'punct') continue;
      if (OPEN[t.text]) depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      else if (t.text === ',' && depth === 0) {
        out.push({ from, to: i - 1 });
        from = i + 1;
      }
    }
    if (from <= close - 1) out.push({ from, to: close - 1 });
    return out;
  }

  /** Verbatim source text of a token range (comments and spacing inside kept). */
  source(r: TokRange): string {
    if (r.to < r.from) return '';
    for (let i = r.from; i <= r.to; i++) if (this.tokens[i].origin) return this.flat(r);
    return this.file.src.text.slice(this.tokens[r.from].start, this.tokens[r.to].end);
  }

  /** Source text with directives removed and whitespace collapsed: for comparing and printing expressions. */
  flat(r: TokRange): string {
    const parts: string[] = [];
    for (let i = r.from; i <= r.to; i++) if (this.tokens[i].kind !== 'directive') parts.push(this.tokens[i].text);
    return joinTokens(parts);
  }

  /** Non-directive token indexes in a range. */
  codeTokens(r: TokRange): number[] {
    const out: number[] = [];
    for (let i = r.from; i <= r.to; i++) if (this.tokens[i].kind !== 'directive') out.push(i);
    return out;
  }

  span(i: number, j = i): Span {
    return this.file.src.span(this.tokens[i].start, this.tokens[j].end);
  }

  spanOf(r: TokRange): Span {
    return this.span(r.from, Math.max(r.from, r.to));
  }
}

/** Joins tokens with a space only where two word-like tokens would otherwise merge. */
export function joinTokens(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && /[\w"']$/.test(out) && /^[\w"']/.test(p)) out += ' ';
    out += p;
  }
  return out;
}
