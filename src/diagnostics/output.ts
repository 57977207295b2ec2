import { Diagnostic, Span } from './diagnostic';
import { renderDiagnostic } from './render';

/** How the CLI prints diagnostics: for people (text), for editors and scripts (json), for CI code scanning (sarif). */
export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** Order of diagnostics in every format: located ones by file, line, column, code; unlocated ones first. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const key = (s: Span | undefined): [string, number, number] => (s ? [s.file, s.line, s.col] : ['', 0, 0]);
  return diags
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const [fa, la, ca] = key(a.d.span);
      const [fb, lb, cb] = key(b.d.span);
      if (fa !== fb) return fa < fb ? -1 : 1;
      return la - lb || ca - cb || (a.d.code < b.d.code ? -1 : a.d.code > b.d.code ? 1 : 0) || a.i - b.i;
    })
    .map((x) => x.d);
}

/** Codes whose message names one thing; repeats of the same name are one cause seen at several places. */
const NAMED = /^'([^']+)'/;

interface Group {
  code: string;
  names: Map<string, number>;
  total: number;
}

/**
 * Text for people: every diagnostic with its code frame, sorted; then, for a code that
 * repeats one cause many times ("9 functions not available, 47 call sites"), one line
 * that counts them; then a summary line.
 */
export function formatText(diags: readonly Diagnostic[], sourceOf: (file: string) => string | undefined): string {
  if (diags.length === 0) return '';
  const sorted = sortDiagnostics(diags);
  const out = sorted.map((d) => `${renderDiagnostic(d, sourceOf)}\n`);
  const groups = new Map<string, Group>();
  for (const d of sorted) {
    const name = NAMED.exec(d.message)?.[1];
    if (!name) continue;
    const g = groups.get(d.code) ?? { code: d.code, names: new Map(), total: 0 };
    g.names.set(name, (g.names.get(name) ?? 0) + 1);
    g.total++;
    groups.set(d.code, g);
  }
  for (const g of groups.values()) {
    if (g.total < 3 || g.total === g.names.size) continue;
    const list = [...g.names].map(([n, k]) => (k > 1 ? `${n} (${k})` : n)).join(', ');
    out.push(`natmodgen: ${g.code}: ${plural(g.names.size, 'name')} at ${plural(g.total, 'place')}: ${list}\n`);
  }
  out.push(`${summary(diags)}\n`);
  return out.join('');
}

/** `natmodgen: 3 errors, 1 warning in 2 files`. */
export function summary(diags: readonly Diagnostic[]): string {
  const count = (s: string) => diags.filter((d) => d.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const notes = count('note');
  if (notes) parts.push(plural(notes, 'note'));
  const files = new Set(diags.filter((d) => d.span).map((d) => d.span!.file)).size;
  return `natmodgen: ${parts.join(', ')}${files ? ` in ${plural(files, 'file')}` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One located diagnostic as editors and scripts read it: 1-based line and column, end exclusive. */
export interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  help: string | null;
  related: { file: string; line: number; column: number; message: string }[];
}

/** The end of a span as line/column, from the source text when it is at hand. */
function endOf(span: Span, text: string | undefined): { line: number; col: number } {
  if (text === undefined || span.end <= span.start) return { line: span.line, col: span.col + Math.max(0, span.end - span.start) };
  let line = span.line;
  let col = span.col;
  for (let i = span.start; i < span.end && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

export function toJson(d: Diagnostic, sourceOf: (file: string) => string | undefined): JsonDiagnostic {
  const s = d.span;
  const end = s ? endOf(s, sourceOf(s.file)) : undefined;
  return {
    file: s?.file ?? null,
    line: s?.line ?? null,
    column: s?.col ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.col ?? null,
    code: d.code,
    severity: d.severity,
    message: d.message,
    help: d.help ?? null,
    related: d.related.map((r) => ({ file: r.span.file, line: r.span.line, column: r.span.col, message: r.message })),
  };
}

/** `--format json`: one document, `{ "version": 1, "diagnostics": [...], "summary": {...} }`. */
export function formatJson(diags: readonly Diagnostic[], sourceOf: (file: string) => string | undefined): string {
  const list = sortDiagnostics(diags).map((d) => toJson(d, sourceOf));
  const count = (s: string) => diags.filter((d) => d.severity === s).length;
  return `${JSON.stringify({ version: 1, diagnostics: list, summary: { errors: count('error'), warnings: count('warning') } }, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

/** `--format sarif`: SARIF 2.1.0, one run, a rule per code, for CI code scanning. */
export function formatSarif(diags: readonly Diagnostic[], sourceOf: (file: string) => string | undefined, version: string): string {
  const sorted = sortDiagnostics(diags);
  const codes = [...new Set(sorted.map((d) => d.code))].sort();
  const location = (file: string, line: number, col: number, end?: { line: number; col: number }) => ({
    physicalLocation: {
      artifactLocation: { uri: file.split('\\').join('/') },
      region: { startLine: line, startColumn: col, ...(end ? { endLine: end.line, endColumn: end.col } : {}) },
    },
  });
  const results = sorted.map((d) => ({
    ruleId: d.code,
    level: SARIF_LEVEL[d.severity],
    message: { text: d.help ? `${d.message}\nhelp: ${d.help}` : d.message },
    ...(d.span ? { locations: [location(d.span.file, d.span.line, d.span.col, endOf(d.span, sourceOf(d.span.file)))] } : {}),
    ...(d.related.length
      ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message },
            ...location(r.span.file, r.span.line, r.span.col),
          })),
        }
      : {}),
  }));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'natmodgen', version, rules: codes.map((id) => ({ id })) } },
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
