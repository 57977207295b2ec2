import { Span } from '../diagnostics/diagnostic';

/** One input file's text with a line index, so offsets become 1-based line/column spans. */
export class SourceText {
  readonly lineStarts: number[];
  constructor(readonly file: string, readonly text: string) {
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

  /** Offset of the end of the line holding `offset` (before the newline), following backslash continuations. */
  endOfLogicalLine(offset: number): number {
    let i = offset;
    for (;;) {
      const nl = this.text.indexOf('\n', i);
      if (nl < 0) return this.text.length;
      let j = nl;
      if (j > 0 && this.text[j - 1] === '\r') j--;
      if (j > 0 && this.text[j - 1] === '\\') {
        i = nl + 1;
        continue;
      }
      return j;
    }
  }
}
