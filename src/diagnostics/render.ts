import { Diagnostic } from './diagnostic';

/** Renders `file:line:col: error CODE: message`, the source line with a caret, related notes and help. */
export function renderDiagnostic(d: Diagnostic, sourceOf: (file: string) => string | undefined): string {
  const out: string[] = [];
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}: ` : 'natmodgen: ';
  out.push(`${where}${d.severity} ${d.code}: ${d.message}`);
  if (d.span) out.push(...codeFrame(d.span, sourceOf(d.span.file)));
  for (const r of d.related) {
    out.push(`${r.span.file}:${r.span.line}:${r.span.col}: note: ${r.message}`);
    out.push(...codeFrame(r.span, sourceOf(r.span.file)));
  }
  if (d.help) out.push(`  help: ${d.help}`);
  return out.join('\n');
}

function codeFrame(span: { line: number; col: number; start: number; end: number }, text: string | undefined): string[] {
  if (text === undefined) return [];
  const lines = text.split(/\r?\n/);
  const line = lines[span.line - 1];
  if (line === undefined) return [];
  const gutter = String(span.line).padStart(5);
  const width = Math.max(1, Math.min(span.end - span.start, line.length - (span.col - 1)));
  const pad = line.slice(0, span.col - 1).replace(/[^\t]/g, ' ');
  return [`${gutter} | ${line}`, `${' '.repeat(gutter.length)} | ${pad}^${'~'.repeat(width - 1)}`];
}
