import { Span } from '../diagnostics/diagnostic';

/** One input file's text with a line index, so offsets become 1-based line/column spans. */
export class SourceText {
  readonly lineStarts: number[];
  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(start: number, end: number): Span {
    const line = this.lineOf(start);
    return { file: this.file, line, col: start - this.lineStarts[line - 1] + 1, start, end };
  }

  /**
   * Offset where the preprocessor line starting at `offset` ends (before its newline):
   * backslash continuations and block comments spanning lines belong to it.
   */
  endOfLogicalLine(offset: number): number {
    const t = this.text;
    let i = offset;
    while (i < t.length) {
      const c = t[i];
      if (c === '/' && t[i + 1] === '*') {
        const close = t.indexOf('*/', i + 2);
        if (close < 0) return t.length;
        i = close + 2;
      } else if (c === '/' && t[i + 1] === '/') {
        const nl = t.indexOf('\n', i);
        return nl < 0 ? t.length : t[nl - 1] === '\r' ? nl - 1 : nl;
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < t.length && t[j] !== c && t[j] !== '\n') j += t[j] === '\\' ? 2 : 1;
        i = j + 1;
      } else if (c === '\\' && (t[i + 1] === '\n' || (t[i + 1] === '\r' && t[i + 2] === '\n'))) {
        i += t[i + 1] === '\r' ? 3 : 2;
      } else if (c === '\n') {
        return i > offset && t[i - 1] === '\r' ? i - 1 : i;
      } else i++;
    }
    return t.length;
  }
}

/**
 * The text with every lone CR (old Mac line ends) made LF. One character for one, so
 * offsets do not move; CRLF is left alone (tree-sitter and the compiler read it as is).
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** True when the text ends lines with a lone CR somewhere. */
export function hasLoneCr(text: string): boolean {
  return /\r(?!\n)/.test(text);
}
