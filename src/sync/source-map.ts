import { Diagnostic, Span } from '../diagnostics/diagnostic';
import { SourceText } from '../parse/source';
import { unsync } from './unsync';
import { LineOrigin, Splice, SpliceHost, spliceIncludes } from './splice';

/** A source as natmodgen reads it: synced files are un-synced first, with a way back to their lines. */
export interface ReadableSource {
  path: string;
  /** The text natmodgen analyses (the user's code, without natmodgen blocks). */
  text: string;
  /** Maps a 1-based line of `text` to the 1-based line of the file on disk. */
  fileLine: (line: number) => number;
  /** The file on disk. */
  original: string;
  /**
   * Where a 1-based line of `text` comes from when included files were spliced into it
   * (src/sync/splice.ts): the file and its line on disk. Otherwise the file's own line (`fileLine`).
   */
  origin: (line: number) => LineOrigin;
  /** The files spliced in, in the order of their `#include`s, and their texts. */
  splices?: Splice[];
  spliceTexts?: Map<string, string>;
}

export function readable(path: string, text: string): ReadableSource {
  const lf = text.replace(/\r\n/g, '\n');
  const u = unsync(lf);
  if (!u.synced) return { path, text, fileLine: (l) => l, origin: (line) => ({ file: path, line }), original: text };
  const fileLine = (l: number) => (u.lineMap[l - 1] ?? l - 1) + 1;
  return { path, text: u.text, fileLine, origin: (l) => ({ file: path, line: fileLine(l) }), original: text };
}

/**
 * The source with the files it includes that hold definitions natmodgen converts spliced in
 * place of their `#include` lines, as the compiler reads one translation unit.
 */
export function withIncludesSpliced(s: ReadableSource, host: SpliceHost): ReadableSource {
  const sp = spliceIncludes(s.path, s.text, host);
  if (sp.splices.length === 0) return s;
  const own = s.fileLine;
  const origin = (line: number): LineOrigin => {
    const o = sp.origins[line - 1] ?? { file: s.path, line };
    return o.file === s.path ? { file: s.path, line: own(o.line) } : o;
  };
  // Lines of the file itself are counted in the spliced text's numbering no more.
  const fileLine = (line: number) => {
    const o = sp.origins[line - 1];
    return o && o.file === s.path ? own(o.line) : own(line);
  };
  return { ...s, text: sp.text, origin, fileLine, splices: sp.splices, spliceTexts: sp.texts };
}

/** Points diagnostics found in the un-synced (or spliced) text at the same code in the file on disk. */
export function remapDiagnostics(diags: Diagnostic[], sources: ReadableSource[]): Diagnostic[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const lineStarts = new Map<string, number[]>();
  const startsOf = (file: string, text: string) => {
    let l = lineStarts.get(file);
    if (!l) lineStarts.set(file, (l = new SourceText(file, text.replace(/\r\n/g, '\n')).lineStarts));
    return l;
  };
  const remap = (span: Span | undefined): Span | undefined => {
    const s = span && byPath.get(span.file);
    if (!span || !s || (s.text === s.original && !s.splices)) return span;
    const o = s.origin(span.line);
    const text = o.file === s.path ? s.original : s.spliceTexts?.get(o.file);
    if (text === undefined) return span;
    const start = (startsOf(o.file, text)[o.line - 1] ?? 0) + span.col - 1;
    return { ...span, file: o.file, line: o.line, start, end: start + (span.end - span.start) };
  };
  return diags.map((d) => ({ ...d, span: remap(d.span), related: d.related.map((r) => ({ ...r, span: remap(r.span)! })) }));
}
