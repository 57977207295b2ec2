import * as path from 'path';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { analyse, parseDefine, SourceInput } from '../pipeline';
import { planUnits } from '../plan';
import { renderEdit, renderSyncPrelude, renderSyncTail } from '../render';
import { unsync } from './unsync';
import { weave } from './weave';
import { readable, remapDiagnostics } from './source-map';
import { hasLoneCr, withLineFeeds } from '../parse/source';

export interface SyncOptions {
  defines: string[];
  /** Regenerate even where a generated block was edited by hand. */
  force: boolean;
  /** Escaped qstrs from the module's qstrdefs headers (src/io/qstrdefs.ts). */
  escapedQstrs?: Map<string, string>;
  /** Names a natmod can call, from a MicroPython tree; unchecked when absent. */
  natmodApi?: Set<string>;
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
  const clean = inputs.map((given) => {
    const crlf = given.text.includes('\r\n');
    // A file with old Mac line ends (lone CR) is read with LF and written back with CR.
    const cr = !crlf && hasLoneCr(given.text);
    const input = { path: given.path, text: withLineFeeds(given.text) };
    const u = unsync(input.text.replace(/\r\n/g, '\n'));
    if (u.synced && u.storedSum !== u.actualSum && !opts.force) {
      const line = u.markerLine ?? 1;
      const start = input.text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
      diagnostics.push(diag('NMG5001', { file: input.path, line, col: 1, start, end: start }, {}));
    }
    return { input, given, crlf, cr, text: u.text };
  });
  if (hasErrors(diagnostics)) return { value: [], diagnostics };

  const a = analyse(clean.map((c) => ({ path: c.input.path, text: c.text })), opts.defines, opts.escapedQstrs, opts.natmodApi);
  diagnostics.push(...remapDiagnostics(a.diagnostics, clean.map((c) => readable(c.input.path, c.input.text))));
  if (!a.value.module || hasErrors(diagnostics)) return { value: [], diagnostics };
  const views = planUnits({
    parsed: a.value.parsed,
    models: a.value.models,
    module: a.value.module,
    defines: opts.defines.map(parseDefine),
    outRel: inputs.map((i) => path.basename(i.path)),
    outDir: path.dirname(path.resolve(inputs[0].path)),
    mode: 'sync',
  });
  const files = views.map((view, i) => {
    const c = clean[i];
    const edits = view.edits.map((e) => ({
      start: e.start,
      end: e.end,
      text: renderEdit(e.partial, e.data),
      rewrittenDirective: e.partial === 'directive' ? (e.data as { rewritten: string }).rewritten : undefined,
    }));
    let text = weave(c.text, edits, renderSyncPrelude(view), renderSyncTail(view));
    if (c.crlf) text = text.replace(/\n/g, '\r\n');
    else if (c.cr) text = text.replace(/\n/g, '\r');
    return { path: c.input.path, text, changed: text !== c.given.text };
  });
  return { value: files, diagnostics };
}
