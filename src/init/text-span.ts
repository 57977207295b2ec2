import { Span } from '../diagnostics/diagnostic';

/** Turns byte offsets in one file's text into diagnostic spans (1-based line and column). */
export class SpanMaker {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  span(start: number, end: number = start + 1): Span {
    const s = Math.max(0, Math.min(start, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= s) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: s - this.lineStarts[lo] + 1, start: s, end: Math.max(s, Math.min(end, this.text.length)) };
  }
}
