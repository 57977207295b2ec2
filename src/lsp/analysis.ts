import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { readForSync, SyncedFile, syncSources, SyncOptions } from '../pipeline/sync';
import { SourceInput } from '../pipeline';
import { Inventory } from '../facts';

/** What the server knows about one open document at one version. */
export interface DocumentAnalysis {
  version: number;
  /** Diagnostics located in this document. */
  diagnostics: Diagnostic[];
  /**
   * The synced text of the document (what `natmodgen sync` would write), when it has no
   * errors. Rendered on the first call: diagnostics do not wait for it.
   */
  synced(): string | undefined;
  /** The same with hand-edited natmodgen blocks regenerated (`sync --force`), when only that stood in the way. */
  forced(): string | undefined;
}

export interface AnalysisOptions {
  defines: string[];
  escapedQstrs?: Map<string, string>;
  natmodApi?: Inventory;
  /** Text of another file of the module: an open buffer, else the file on disk. */
  readSibling: (file: string) => string | undefined;
}

/**
 * Diagnostics and the sync result for one buffer. The buffer is read alone first; when no
 * module is registered in it (a helper file of a module that spans several), the other `.c`
 * files of its folder are read with it, and only this buffer's diagnostics are kept.
 */
export function analyseDocument(file: string, text: string, version: number, opts: AnalysisOptions): DocumentAnalysis {
  const read = (inputs: SourceInput[], force: boolean) =>
    readForSync(inputs, { defines: opts.defines, force, escapedQstrs: opts.escapedQstrs, natmodApi: opts.natmodApi } satisfies SyncOptions);
  let inputs: SourceInput[] = [{ path: file, text }];
  let r = read(inputs, false);
  if (r.diagnostics.some((d) => d.code === 'NMG2001')) {
    const siblings = siblingSources(file, opts.readSibling);
    if (siblings.length) {
      inputs = [...inputs, ...siblings];
      r = read(inputs, false);
    }
  }
  const render = r.render;
  let rendered: Result<SyncedFile[]> | undefined;
  const synced = (): Result<SyncedFile[]> => (rendered ??= render ? render() : { value: [], diagnostics: r.diagnostics });
  // Rendering adds diagnostics only for generated blocks that fail their checksum (NMG5001).
  const all = r.handEditsPossible ? synced().diagnostics : r.diagnostics;
  const mine = (d: Diagnostic) => !d.span || d.span.file === file;
  const diagnostics = all.filter(mine);
  if (!hasErrors(all)) return { version, diagnostics, synced: () => synced().value[0].text, forced: () => undefined };
  let forced: string | null | undefined;
  const forceable = all.some((d) => d.code === 'NMG5001') && all.every((d) => d.code === 'NMG5001' || d.severity !== 'error');
  const force = (): string | undefined => {
    if (forced === undefined) {
      const f = syncSources(inputs, { defines: opts.defines, force: true, escapedQstrs: opts.escapedQstrs, natmodApi: opts.natmodApi });
      forced = hasErrors(f.diagnostics) ? null : f.value[0].text;
    }
    return forced ?? undefined;
  };
  return { version, diagnostics, synced: () => undefined, forced: forceable ? force : () => undefined };
}

function siblingSources(file: string, read: (file: string) => string | undefined): SourceInput[] {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.c'))
      .sort();
  } catch {
    return [];
  }
  const out: SourceInput[] = [];
  for (const n of names) {
    const p = path.join(dir, n);
    if (p === file) continue;
    const text = read(p);
    if (text !== undefined && text.trim() !== '') out.push({ path: p, text });
  }
  return out;
}
