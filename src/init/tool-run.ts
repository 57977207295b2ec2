import { SpawnSyncReturns } from 'child_process';
import { Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { SpanMaker } from './text-span';

/** What running make or cmake over a module's build file gave. */
export type ToolRun<T> = { kind: 'missing' } | { kind: 'failed'; result: Result<T> } | { kind: 'ran'; stdout: string };

/**
 * Reads a finished make/cmake run: `missing` when the tool is not installed, a located
 * NMG4003 when it refused the file (at the line `errorAt` finds in its stderr), NMG4004
 * when it could not be run at all.
 */
export function readToolRun<T>(tool: string, r: SpawnSyncReturns<string>, spans: SpanMaker, errorAt: RegExp): ToolRun<T | undefined> {
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
  if (r.error)
    return {
      kind: 'failed',
      result: { value: undefined, diagnostics: [diag('NMG4004', undefined, { what: `${tool}: ${r.error.message}` })] },
    };
  if (r.status === 0) return { kind: 'ran', stdout: r.stdout };
  const m = errorAt.exec(r.stderr);
  const start = lineStart(spans.text, m ? Number(m[1]) : 1);
  const what = `${tool}: ${(m?.[2] ?? r.stderr).trim()}`;
  return { kind: 'failed', result: { value: undefined, diagnostics: [diag('NMG4003', spans.span(start, start), { what })] } };
}

/** The offset where 1-based `line` starts (the text's end past the last line). */
function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}
