import * as fs from 'fs';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { extractFile, PLANNERS } from '../constructs';
import { Define, parseDefine } from '../model/define';
import { parseFile, ParsedFile } from '../parse/parser';
import { withLineFeeds } from '../parse/source';
import { planUnits } from '../plan';
import { outputPaths } from '../plan/names';
import { renderUnit } from '../render';
import { resolveModule } from '../resolve';
import { ResolvedModule } from '../model/resolved';
import { FileModel } from '../model/declarations';
import { natmodConfigMacros, versionMacros } from '../model/firmware';
import { natmodConfigValues } from './natmod-config';
import { expandConstructMacros } from '../extract/construct-macros';
import { hiddenQstrs } from '../extract/hidden-qstrs';
import { readable, ReadableSource, remapDiagnostics, withIncludesSpliced } from '../sync/source-map';
import { SpliceHost } from '../sync/splice';
import { spliceHost } from './includes';
import { PreprocessEnv } from '../extract/context';
import * as path from 'path';
import { dynruntimeMacroNames, Inventory } from '../facts';
import { generateInWorker, offloadCounts, shouldOffload } from './offload';
import type { GeneratedFile, GenOptions, SourceInput } from './gen-options';

export type { GeneratedFile, GenOptions, SourceInput };

/** The header the firmware's build generates with its version macros (extmod/modplatform.c includes it). */
export const MPVERSION_HEADER = 'genhdr/mpversion.h';

export interface Analysis {
  /** The `-D` macros, parsed once for every stage. */
  defines: Define[];
  parsed: ParsedFile[];
  models: FileModel[];
  module: ResolvedModule | undefined;
  /** How the files were preprocessed (the inputs read as given, also where one includes another). */
  env: PreprocessEnv;
}

/**
 * Macros every natmod build of the tree has before the module's first line: the object
 * representation, py/mpconfig.h's configuration as dynruntime.mk compiles it (with the module's -D;
 * only with a tree), the version.
 */
export function predefinedMacros(
  natmodApi: Inventory | undefined,
  env: PreprocessEnv,
  defines: Define[],
): Array<{ name: string; body: string }> {
  return [
    ...natmodConfigMacros(),
    ...(env.mpyDir ? natmodConfigValues(env.mpyDir, defines) : []),
    ...(natmodApi ? versionMacros(natmodApi.facts.micropython) : []),
  ];
}

/** parse → extract → resolve: everything up to the decision of what to build at run time. */
export function analyse(
  inputs: SourceInput[],
  defines: string[] = [],
  escapedQstrs: Map<string, string> = new Map(),
  natmodApi?: Inventory,
  env: PreprocessEnv = {},
): Result<Analysis> {
  const diagnostics: Diagnostic[] = [];
  const parsed = inputs.map((i) => parseFile(i.path, i.text));
  // The inputs are read as given (a synced file without natmodgen's blocks), also when another input includes them.
  const given = new Map(inputs.map((i) => [path.normalize(i.path), i.text]));
  const readFile = (f: string) => given.get(path.normalize(f)) ?? env.readFile?.(f);
  const parsedDefines = defines.map(parseDefine);
  const predefined = predefinedMacros(natmodApi, env, parsedDefines);
  // The library's callers give no dynruntime macros: the names (from the facts) are what the constructs need.
  const natmodMacros = env.natmodMacros ?? dynruntimeMacroNames(natmodApi?.facts);
  const used: PreprocessEnv = { includeDirs: env.includeDirs, readFile, predefined, natmodMacros, mpyDir: env.mpyDir };
  const models = parsed.map((p, unit) => {
    const r = extractKept(p, unit, parsedDefines, used);
    diagnostics.push(...r.diagnostics);
    return r.value;
  });
  if (diagnostics.some((d) => d.code === 'NMG1003'))
    return { value: { defines: parsedDefines, parsed, module: undefined, models, env: used }, diagnostics };
  const resolved = resolveModule(models, escapedQstrs, natmodApi, (f) => fs.existsSync(f));
  diagnostics.push(...resolved.diagnostics);
  return { value: { defines: parsedDefines, parsed, module: resolved.value, models, env: used }, diagnostics };
}

/** What one extraction of a parsed file read: its inputs besides the file, and what it gave. */
interface Extracted {
  unit: number;
  /** The -D and predefined macros and -I folders, as text. */
  settings: string;
  natmodMacros: PreprocessEnv['natmodMacros'];
  /** Every file the extraction read (headers, other inputs), with what it read (undefined: not there). */
  reads: Map<string, string | undefined>;
  result: Result<FileModel>;
}

/**
 * The extraction of each parsed file, kept with it: a process that analyses new versions of a
 * module again and again (the language server, whose parse cache gives back the same ParsedFile
 * for a file whose text did not change) extracts only the files that changed.
 */
const extracted = new WeakMap<ParsedFile, Extracted>();

/**
 * extractFile, or its result for this very parse when nothing it read has changed since: the same
 * unit, settings and macros, and every file it read reads the same now.
 */
function extractKept(p: ParsedFile, unit: number, defines: Define[], env: PreprocessEnv): Result<FileModel> {
  const settings = JSON.stringify([defines, env.includeDirs ?? [], env.predefined ?? []]);
  const read = env.readFile;
  const before = extracted.get(p);
  if (
    before &&
    before.unit === unit &&
    before.settings === settings &&
    before.natmodMacros === env.natmodMacros &&
    [...before.reads].every(([f, text]) => read?.(f) === text)
  )
    return before.result;
  const reads = new Map<string, string | undefined>();
  const recorded = read
    ? (f: string) => {
        const text = read(f);
        if (!reads.has(f)) reads.set(f, text);
        return text;
      }
    : undefined;
  const result = extractFile(p, unit, defines, { ...env, readFile: recorded });
  extracted.set(p, { unit, settings, natmodMacros: env.natmodMacros, reads, result });
  return result;
}

/**
 * analyse() on files as they are on disk: a file made dual-mode by `sync` is read as the
 * user's code without natmodgen's blocks, and diagnostics point into the file itself.
 */
export function analyseFiles(
  given: SourceInput[],
  defines: string[] = [],
  escapedQstrs?: Map<string, string>,
  natmodApi?: Inventory,
  env: PreprocessEnv = {},
): Result<Analysis> & { sources: ReadableSource[] } {
  // Constructs written through the module's macros are read (and rewritten) as the compiler expands them.
  const parsedDefines = defines.map(parseDefine);
  const predefined = predefinedMacros(natmodApi, env, parsedDefines);
  // Included files holding definitions natmodgen converts are read as part of the unit, as the compiler does.
  const host = spliceHostFor(given, parsedDefines, { ...env, predefined });
  const sources = given
    .map((i) => readable(i.path, i.text))
    .map((s) => (host ? withIncludesSpliced(s, host) : s))
    .map((s) => ({ ...s, text: expandConstructMacros(s.path, s.text, parsedDefines, { ...env, predefined }) }));
  const analysed = analyse(
    sources.map((s) => ({ path: s.path, text: s.text })),
    defines,
    escapedQstrs,
    natmodApi,
    env,
  );
  return { ...analysed, diagnostics: remapDiagnostics(analysed.diagnostics, sources), sources };
}

/**
 * How the inputs' `#include`s are spliced (src/pipeline/includes.ts), or undefined when natmodgen
 * reads no files (the library called without a reader): the given inputs are read as given.
 */
function spliceHostFor(given: SourceInput[], defines: Define[], env: PreprocessEnv): SpliceHost | undefined {
  const read = env.readFile;
  if (!read) return undefined;
  const texts = new Map(given.map((i) => [path.normalize(i.path), i.text]));
  return spliceHost(defines, { ...env, readFile: (f) => texts.get(path.normalize(f)) ?? read(f) });
}

/**
 * A comment naming the qstrs a unit uses through its headers or pasted tokens that its text
 * (`rendered`) does not name, or '' when there are none: mpy_ld finds a natmod's qstrs by
 * scanning the text of its .c files (src/extract/hidden-qstrs.ts).
 */
export function hiddenQstrLine(input: SourceInput, defines: Define[], env: PreprocessEnv, rendered: string): string {
  const named = new Set(rendered.match(/\bMP_QSTR_\w*/g));
  const hidden = hiddenQstrs(input.path, input.text, defines, env).filter((q) => !named.has(q));
  return hidden.length ? `// natmodgen: qstrs this unit uses through headers or macros, named for mpy_ld: ${hidden.join(' ')}\n` : '';
}

/**
 * The whole flow: sources in, one natmod translation unit per source out (or diagnostics).
 * Synchronous. A caller converting new texts in a loop that never lets the event loop turn has
 * its conversions done in a worker thread after a while (src/pipeline/offload.ts), with the same
 * results, so that the parse trees it cannot free do not pile up.
 */
export function generate(sourceFiles: SourceInput[], opts: GenOptions): Result<GeneratedFile[]> {
  const offloaded = shouldOffload() ? generateInWorker(sourceFiles, opts) : undefined;
  if (offloaded) {
    offloadCounts.worker++;
    return offloaded;
  }
  offloadCounts.inProcess++;
  return generateHere(sourceFiles, opts);
}

/** generate() in this thread. */
export function generateHere(sourceFiles: SourceInput[], opts: GenOptions): Result<GeneratedFile[]> {
  // Old Mac line ends (lone CR) become LF here, so every stage counts lines alike.
  const given = sourceFiles.map((f) => ({ path: f.path, text: withLineFeeds(f.text) }));
  const a = analyseFiles(given, opts.defines, opts.escapedQstrs, opts.natmodApi, opts.preprocess);
  const { sources } = a;
  const inputs = sources.map((s) => ({ path: s.path, text: s.text }));
  const { module } = a.value;
  if (!module || hasErrors(a.diagnostics)) return { value: [], diagnostics: a.diagnostics };
  const outRel = outputPaths(inputs.map((i) => i.path));
  const views = planUnits(
    {
      module,
      defines: a.value.defines,
      outRel,
      outDir: opts.outDir,
      lineBase: opts.lineBase,
      mode: 'gen',
      origins: sources.map((s) => s.origin),
      splicedFiles: sources.map((s) => [...new Set((s.splices ?? []).map((x) => x.file))]),
    },
    PLANNERS,
  );
  const files = views.map((v, i) => {
    const text = renderUnit(v, inputs[i].text, sources[i].origin);
    return { rel: v.outRel, text: text + hiddenQstrLine(inputs[i], a.value.defines, a.value.env, text) };
  });
  const needsVersion = module.units.some((u) =>
    u.decls.some(({ decl, role }) => decl.kind === 'include' && decl.target === MPVERSION_HEADER && role.kind === 'keep'),
  );
  if (needsVersion && opts.mpversion) files.push({ rel: MPVERSION_HEADER, text: opts.mpversion() });
  return { value: files, diagnostics: a.diagnostics };
}

export { parseDefine };
export type { Define };
