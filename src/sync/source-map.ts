import { Diagnostic, Span } from '../diagnostics/diagnostic';
import { SourceText } from '../parse/source';
import { unsync } from './unsync';

/** A source as natmodgen reads it: synced files are un-synced first, with a way back to their lines. */
export interface ReadableSource {
  path: string;
  /** The text natmodgen analyses (the user's code, without natmodgen blocks). */
  text: string;
  /** Maps a 1-based line of `text` to the 1-based line of the file on disk. */
  fileLine: (line: number) => number;
  /** The file on disk. */
  original: string;
}

export function readable(path: string, text: string): ReadableSource {
  const lf = text.replace(/\r\n/g, '\n');
  const u = unsync(lf);
  if (!u.synced) return { path, text, fileLine: (l) => l, original: text };
  return { path, text: u.text, fileLine: (l) => (u.lineMap[l - 1] ?? l - 1) + 1, original: text };
}

/** Points diagnostics found in the un-synced text at the same code in the file on disk. */
export function remapDiagnostics(diags: Diagnostic[], sources: ReadableSource[]): Diagnostic[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const remap = (span: Span | undefined): Span | undefined => {
    const s = span && byPath.get(span.file);
    if (!span || !s || s.text === s.original) return span;
    const line = s.fileLine(span.line);
    const start = new SourceText(s.path, s.original.replace(/\r\n/g, '\n')).lineStarts[line - 1] + span.col - 1;
    return { ...span, line, start, end: start + (span.end - span.start) };
  };
  return diags.map((d) => ({ ...d, span: remap(d.span), related: d.related.map((r) => ({ ...r, span: remap(r.span)! })) }));
}
