import * as path from 'path';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { analyse, SourceInput } from '.';
import { PLANNERS } from '../constructs';
import { planUnits } from '../plan';
import { renderParts } from '../render';
import { unsync } from '../sync/unsync';
import { weave } from '../sync/weave';
import { readable, remapDiagnostics } from '../sync/source-map';
import { Inventory } from '../facts';

export interface SyncOptions {
  defines: string[];
  /** Regenerate even where a generated block was edited by hand. */
  force: boolean;
  /** Escaped qstrs from the module's qstrdefs headers (src/io/qstrdefs.ts). */
  escapedQstrs?: Map<string, string>;
  /** Names a natmod can call, from a MicroPython tree; unchecked when absent. */
  natmodApi?: Inventory;
}

export interface SyncedFile {
  path: string;
  text: string;
  changed: boolean;
}

/**
 * `natmodgen sync`: each source becomes one file that builds as a user C module and,
 * unchanged, as a natmod. Earlier natmodgen output is removed first, so running it
 * again gives the same bytes.
 */
export function syncSources(inputs: SourceInput[], opts: SyncOptions): Result<SyncedFile[]> {
  const diagnostics: Diagnostic[] = [];
  const clean = inputs.map((input) => {
    const crlf = input.text.includes('\r\n');
    const u = unsync(input.text.replace(/\r\n/g, '\n'));
    if (u.synced && u.storedSum !== u.actualSum && !opts.force) {
      const line = u.markerLine ?? 1;
      const start = input.text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
      diagnostics.push(diag('NMG5001', { file: input.path, line, col: 1, start, end: start }, {}));
    }
    return { input, crlf, text: u.text };
  });
  if (hasErrors(diagnostics)) return { value: [], diagnostics };

  const a = analyse(clean.map((c) => ({ path: c.input.path, text: c.text })), opts.defines, opts.escapedQstrs, opts.natmodApi);
  diagnostics.push(...remapDiagnostics(a.diagnostics, inputs.map((i) => readable(i.path, i.text))));
  if (!a.value.module || hasErrors(diagnostics)) return { value: [], diagnostics };
  const views = planUnits(
    {
      module: a.value.module,
      defines: a.value.defines,
      outRel: inputs.map((i) => path.basename(i.path)),
      outDir: path.dirname(path.resolve(inputs[0].path)),
      mode: 'sync',
    },
    PLANNERS,
  );
  const files = views.map((view, i) => {
    const c = clean[i];
    const parts = renderParts(view);
    let text = weave(c.text, parts.edits, parts.prelude, parts.tail);
    if (c.crlf) text = text.replace(/\n/g, '\r\n');
    return { path: c.input.path, text, changed: text !== c.input.text };
  });
  return { value: files, diagnostics };
}
