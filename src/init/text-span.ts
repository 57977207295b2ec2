import { Span } from '../diagnostics/diagnostic';
import { SourceText } from '../parse/source';

/** Diagnostic spans for a build file: SourceText's line index, with offsets clamped to the text. */
export class SpanMaker {
  private readonly src: SourceText;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.src = new SourceText(file, text);
  }

  span(start: number, end: number = start + 1): Span {
    const s = Math.max(0, Math.min(start, this.text.length));
    return { ...this.src.span(s, s), end: Math.max(s, Math.min(end, this.text.length)) };
  }
}
