import * as path from 'path';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { analyse, hiddenQstrLine, parseDefine, predefinedMacros, SourceInput } from '.';
import { expandConstructMacros } from '../extract/construct-macros';
import { PLANNERS } from '../constructs';
import { planUnits } from '../plan';
import { renderParts } from '../render';
import { Block, unsync } from '../sync/unsync';
import { SourceText } from '../parse/source';
import { weave } from '../sync/weave';
import { readable, remapDiagnostics, withIncludesSpliced } from '../sync/source-map';
import { spliceHost } from './includes';
import { Define } from '../model/define';
import { hasLoneCr, withLineFeeds } from '../parse/source';
import { PreprocessEnv } from '../extract/context';
import { Inventory } from '../facts';

export interface SyncOptions {
  defines: string[];
  /** Regenerate even where a generated block was edited by hand. */
  force: boolean;
  /** Escaped qstrs from the module's qstrdefs headers (src/io/qstrdefs.ts). */
  escapedQstrs?: Map<string, string>;
  /** Names a natmod can call, from a MicroPython tree; unchecked when absent. */
  natmodApi?: Inventory;
  /** `-I` folders and a reader for the module's headers (src/io/headers.ts); none read when absent. */
  preprocess?: PreprocessEnv;
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
  return prepareSync(inputs, opts).complete();
}

/**
 * A sync read up to its diagnostics, before any C is planned or rendered (the language
 * server publishes these first and renders only when it is asked to format, or idle).
 */
export interface PreparedSync {
  /**
   * Every diagnostic of the sync. Where a natmodgen block fails its checksum, telling a hand
   * edit (NMG5001) from a stale block needs the rendered output: that sync is rendered at once.
   */
  diagnostics: Diagnostic[];
  /** The whole sync (rendered once, then kept): syncSources' result. */
  complete(): Result<SyncedFile[]>;
}

/** syncSources up to its diagnostics (see PreparedSync); complete() gives what syncSources gives. */
export function prepareSync(inputs: SourceInput[], opts: SyncOptions): PreparedSync {
  const diagnostics: Diagnostic[] = [];
  const clean = inputs.map((given) => {
    const crlf = given.text.includes('\r\n');
    // A file with old Mac line ends (lone CR) is read with LF and written back with CR.
    const cr = !crlf && hasLoneCr(given.text);
    const input = { path: given.path, text: withLineFeeds(given.text) };
    const u = unsync(input.text.replace(/\r\n/g, '\n'));
    // Blocks whose checksum does not match were edited, or merged from two branches; they
    // are refused below only if they also differ from what natmodgen generates now.
    const suspects = u.legacyIntact === true ? [] : u.blocks.filter((b) => b.storedSum !== b.actualSum);
    return { input, given, crlf, cr, text: u.text, suspects };
  });

  // Constructs written through the module's macros are read (and rewritten) as the compiler expands them.
  const parsedDefines = opts.defines.map(parseDefine);
  const predefined = predefinedMacros(opts.natmodApi, opts.preprocess ?? {}, parsedDefines);
  const done = (r: Result<SyncedFile[]>): PreparedSync => ({ diagnostics: r.diagnostics, complete: () => r });
  const included = includedDefinitions(clean, opts, parsedDefines, predefined);
  if (included.length) return done({ value: [], diagnostics: included });
  const expanded = clean.map((c) => expandConstructMacros(c.input.path, c.text, parsedDefines, { ...opts.preprocess, predefined }));
  const a = analyse(
    clean.map((c, i) => ({ path: c.input.path, text: expanded[i] })),
    opts.defines,
    opts.escapedQstrs,
    opts.natmodApi,
    opts.preprocess,
  );
  diagnostics.push(
    ...remapDiagnostics(
      a.diagnostics,
      clean.map((c) => readable(c.input.path, c.input.text)),
    ),
  );
  const module = a.value.module;
  if (!module || hasErrors(diagnostics)) return done({ value: [], diagnostics });
  const render = (): Result<SyncedFile[]> => {
    const all = [...diagnostics];
    const views = planUnits(
      {
        module,
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
      const woven = weave(c.text, parts.edits, parts.prelude, parts.tail, expanded[i]);
      // Qstrs only the compiler sees are named in the natmod-only tail, for mpy_ld's scan of this file.
      const scan = hiddenQstrLine({ path: c.input.path, text: c.text }, a.value.defines, a.value.env, woven);
      let text = scan ? weave(c.text, parts.edits, parts.prelude, parts.tail + scan, expanded[i]) : woven;
      if (!opts.force) all.push(...handEdits(c.input, c.suspects, text));
      if (c.crlf) text = text.replace(/\n/g, '\r\n');
      else if (c.cr) text = text.replace(/\n/g, '\r');
      return { path: c.input.path, text, changed: text !== c.given.text };
    });
    if (hasErrors(all)) return { value: [], diagnostics: all };
    return { value: files, diagnostics: all };
  };
  // Only a block that fails its checksum can add a diagnostic when rendered (handEdits).
  if (!opts.force && clean.some((c) => c.suspects.length > 0)) return done(render());
  let result: Result<SyncedFile[]> | undefined;
  return { diagnostics, complete: () => (result ??= render()) };
}

/**
 * NMG5001 for each block that fails its checksum and is not what natmodgen generates
 * now, pointing at its first line that the new output does not have.
 */
function handEdits(input: SourceInput, suspects: Block[], woven: string): Diagnostic[] {
  if (suspects.length === 0) return [];
  const fresh = unsync(woven).blocks;
  const freshBlocks = new Set(fresh.map((b) => b.lines.join('\n')));
  const freshLines = new Set(fresh.flatMap((b) => b.lines));
  const src = new SourceText(input.path, input.text.replace(/\r\n/g, '\n'));
  const out: Diagnostic[] = [];
  for (const b of suspects) {
    if (freshBlocks.has(b.lines.join('\n'))) continue;
    const k = b.lines.findIndex((l) => !freshLines.has(l));
    const line = k < 0 ? b.line : b.lineNumbers[k];
    const start = src.lineStarts[line - 1] ?? 0;
    out.push(diag('NMG5001', { file: input.path, line, col: 1, start, end: start }, {}));
  }
  return out;
}

/**
 * NMG5004 at each `#include` of a file whose definitions natmodgen would rewrite (read as part of
 * the unit, as gen reads it: src/sync/splice.ts): sync writes the natmod side into the given files
 * only. Files whose definitions compile unchanged (function objects) are no obstacle.
 */
function includedDefinitions(
  clean: Array<{ input: SourceInput; text: string }>,
  opts: SyncOptions,
  defines: Define[],
  predefined: Array<{ name: string; body: string }>,
): Diagnostic[] {
  const read = opts.preprocess?.readFile;
  if (!read) return [];
  const texts = new Map(clean.map((c) => [path.normalize(c.input.path), c.text]));
  const env = { ...opts.preprocess, predefined, readFile: (f: string) => texts.get(path.normalize(f)) ?? read(f) };
  const host = spliceHost(defines, env);
  const own = clean.map((c) => readable(c.input.path, c.input.text));
  const spliced = own.map((r) => withIncludesSpliced(r, host));
  if (!spliced.some((s) => s.splices)) return [];
  const expanded = spliced.map((s) => expandConstructMacros(s.path, s.text, defines, env));
  const a = analyse(
    spliced.map((s, i) => ({ path: s.path, text: expanded[i] })),
    opts.defines,
    opts.escapedQstrs,
    opts.natmodApi,
    opts.preprocess,
  );
  if (!a.value.module || hasErrors(a.diagnostics)) return [];
  const views = planUnits(
    {
      module: a.value.module,
      defines: a.value.defines,
      outRel: clean.map((c) => path.basename(c.input.path)),
      outDir: path.dirname(path.resolve(clean[0].input.path)),
      mode: 'sync',
    },
    PLANNERS,
  );
  const out: Diagnostic[] = [];
  views.forEach((view, unit) => {
    const s = spliced[unit];
    const src = new SourceText(s.path, expanded[unit]);
    const top = (s.splices ?? []).filter((x) => x.from === s.path);
    for (const sp of top) {
      const last = sp.line + sp.lines;
      // Everything spliced in with it (its own includes) lies in its lines; an edit of a table whose
      // entries the file gives (an #include inside its braces) spans them.
      const inside = view.edits.filter((e) => src.lineOf(e.start) < last && src.lineOf(Math.max(e.start, e.end - 1)) >= sp.line);
      if (!inside.length) continue;
      // The #include's line in the file as read before splicing (the spliced text's numbering counts earlier splices).
      const line = own[unit].fileLine(sp.includeLine);
      const disk = new SourceText(s.path, s.original.replace(/\r\n/g, '\n'));
      const start = disk.lineStarts[line - 1] ?? 0;
      const first = s.origin(src.lineOf(inside[0].start));
      const firstText = s.spliceTexts?.get(first.file) ?? '';
      const fstart = new SourceText(first.file, firstText).lineStarts[first.line - 1] ?? 0;
      const related = [
        { span: { file: first.file, line: first.line, col: 1, start: fstart, end: fstart }, message: 'natmodgen rewrites this definition' },
      ];
      out.push(
        diag(
          'NMG5004',
          { file: s.path, line, col: 1, start, end: start },
          { file: path.relative(path.dirname(s.path), sp.file).split(path.sep).join('/') },
          related,
        ),
      );
    }
  });
  return out;
}
