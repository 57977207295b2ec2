import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, hasErrors } from '../diagnostics/diagnostic';
import { prepareSync, SyncOptions } from '../pipeline/sync';
import { SourceInput } from '../pipeline';
import { Inventory } from '../facts';
import { PreprocessEnv } from '../extract/context';
import { reservedNameUses } from '../io/reserved';

/** What the server knows about one open document at one version. */
export interface DocumentAnalysis {
  version: number;
  /** Diagnostics located in this document. */
  diagnostics: Diagnostic[];
  /**
   * The synced text of the document (what `natmodgen sync` would write) when it has no errors,
   * else undefined. Planned and rendered on the first call (diagnostics do not wait for it), then kept.
   */
  synced(): string | undefined;
  /** The same with hand-edited natmodgen blocks regenerated (`sync --force`), when only that stood in the way. */
  forced?: string;
}

export interface AnalysisOptions {
  defines: string[];
  escapedQstrs?: Map<string, string>;
  natmodApi?: Inventory;
  /** `-I` folders, the module's header reader and py/dynruntime.h's macro names, as `natmodgen sync` passes them. */
  preprocess?: PreprocessEnv;
  /** Text of another file of the module: an open buffer, else the file on disk. */
  readSibling: (file: string) => string | undefined;
}

/**
 * Diagnostics and the sync result for one buffer. The buffer is read alone first; when no
 * module is registered in it (a helper file of a module that spans several), the other `.c`
 * files of its folder are read with it, and only this buffer's diagnostics are kept.
 */
export function analyseDocument(file: string, text: string, version: number, opts: AnalysisOptions): DocumentAnalysis {
  const sync = (inputs: SourceInput[], force: boolean) =>
    prepareSync(inputs, {
      defines: opts.defines,
      force,
      escapedQstrs: opts.escapedQstrs,
      natmodApi: opts.natmodApi,
      preprocess: opts.preprocess,
    } satisfies SyncOptions);
  const mine = (d: Diagnostic) => !d.span || d.span.file === file;
  // Names natmodgen's own code uses are refused before conversion, as `natmodgen sync` does.
  const refused = (given: SourceInput[]): DocumentAnalysis | undefined => {
    const reserved = reservedNameUses(given);
    return reserved.length ? { version, diagnostics: reserved.filter(mine), synced: () => undefined } : undefined;
  };
  let inputs: SourceInput[] = [{ path: file, text }];
  let stop = refused(inputs);
  if (stop) return stop;
  let r = sync(inputs, false);
  if (r.diagnostics.some((d) => d.code === 'NMG2001')) {
    const siblings = siblingSources(file, opts.readSibling);
    if (siblings.length) {
      inputs = [...inputs, ...siblings];
      if ((stop = refused(inputs))) return stop;
      r = sync(inputs, false);
    }
  }
  const diagnostics = r.diagnostics.filter(mine);
  if (!hasErrors(r.diagnostics)) {
    const prepared = r;
    return { version, diagnostics, synced: () => prepared.complete().value[0]?.text };
  }
  let forced: string | undefined;
  if (r.diagnostics.some((d) => d.code === 'NMG5001') && r.diagnostics.every((d) => d.code === 'NMG5001' || d.severity !== 'error')) {
    const f = sync(inputs, true).complete();
    if (!hasErrors(f.diagnostics)) forced = f.value[0].text;
  }
  return { version, diagnostics, synced: () => undefined, forced };
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
