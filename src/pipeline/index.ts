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
import { expandConstructMacros } from '../extract/construct-macros';
import { hiddenQstrs } from '../extract/hidden-qstrs';
import { readable, ReadableSource, remapDiagnostics } from '../sync/source-map';
import { PreprocessEnv } from '../extract/context';
import * as path from 'path';
import { dynruntimeMacroNames, Inventory } from '../facts';

export interface SourceInput {
  path: string;
  text: string;
}

export interface GenOptions {
  /** Escaped qstrs from the module's qstrdefs headers: identifier → text (src/io/qstrdefs.ts). */
  escapedQstrs?: Map<string, string>;
  /** What a natmod can call (src/facts): from --mpy-dir's tree, or the shipped data when absent. */
  natmodApi?: Inventory;
  /** `-D NAME[=VALUE]` as given on the command line. */
  defines: string[];
  /** Folder the outputs are written to (paths in `#line` and `#include` are relative to it). */
  outDir: string;
  /** Folder the paths in `#line` are relative to: where the compiler will run (default: the output folder). */
  lineBase?: string;
  /** `-I` folders and a file reader for the module's own headers (src/io/headers.ts); none read when absent. */
  preprocess?: PreprocessEnv;
  /**
   * The text of genhdr/mpversion.h (src/io/mpversion.ts), asked for only when a unit includes
   * that firmware build header and no input folder has it; written beside the outputs.
   */
  mpversion?: () => string;
}

/** The header the firmware's build generates with its version macros (extmod/modplatform.c includes it). */
export const MPVERSION_HEADER = 'genhdr/mpversion.h';

export interface GeneratedFile {
  /** Path relative to the output folder. */
  rel: string;
  text: string;
}

export interface Analysis {
  /** The `-D` macros, parsed once for every stage. */
  defines: Define[];
  parsed: ParsedFile[];
  models: FileModel[];
  module: ResolvedModule | undefined;
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
  const parsedDefines = defines.map(parseDefine);
  // The inputs are read as given (a synced file without natmodgen's blocks), also when another input includes them.
  const given = new Map(inputs.map((i) => [path.normalize(i.path), i.text]));
  const readFile = (f: string) => given.get(path.normalize(f)) ?? env.readFile?.(f);
  const predefined = [...natmodConfigMacros(), ...(natmodApi ? versionMacros(natmodApi.facts.micropython) : [])];
  // The library's callers give no dynruntime macros: the names (from the facts) are what the constructs need.
  const natmodMacros = env.natmodMacros ?? dynruntimeMacroNames(natmodApi?.facts);
  const models = parsed.map((p, unit) => {
    const r = extractFile(p, unit, parsedDefines, { includeDirs: env.includeDirs, readFile, predefined, natmodMacros });
    diagnostics.push(...r.diagnostics);
    return r.value;
  });
  if (diagnostics.some((d) => d.code === 'NMG1003'))
    return { value: { defines: parsedDefines, parsed, module: undefined, models }, diagnostics };
  const resolved = resolveModule(models, escapedQstrs, natmodApi, (f) => fs.existsSync(f));
  diagnostics.push(...resolved.diagnostics);
  return { value: { defines: parsedDefines, parsed, module: resolved.value, models }, diagnostics };
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
  const predefined = [...natmodConfigMacros(), ...(natmodApi ? versionMacros(natmodApi.facts.micropython) : [])];
  const parsedDefines = defines.map(parseDefine);
  const sources = given
    .map((i) => readable(i.path, i.text))
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
 * A comment naming the qstrs a unit uses through its headers or pasted tokens that its text
 * (`rendered`) does not name, or '' when there are none: mpy_ld finds a natmod's qstrs by
 * scanning the text of its .c files (src/extract/hidden-qstrs.ts).
 */
export function hiddenQstrLine(
  input: SourceInput,
  defines: Define[],
  natmodApi: Inventory | undefined,
  env: PreprocessEnv | undefined,
  rendered: string,
): string {
  const predefined = [...natmodConfigMacros(), ...(natmodApi ? versionMacros(natmodApi.facts.micropython) : [])];
  const named = new Set(rendered.match(/\bMP_QSTR_\w*/g));
  const hidden = hiddenQstrs(input.path, input.text, defines, { ...env, predefined }).filter((q) => !named.has(q));
  return hidden.length ? `// natmodgen: qstrs this unit uses through headers or macros, named for mpy_ld: ${hidden.join(' ')}\n` : '';
}

/** The whole flow: sources in, one natmod translation unit per source out (or diagnostics). */
export function generate(sourceFiles: SourceInput[], opts: GenOptions): Result<GeneratedFile[]> {
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
      fileLines: sources.map((s) => s.fileLine),
    },
    PLANNERS,
  );
  const files = views.map((v, i) => {
    const text = renderUnit(v, inputs[i].text, sources[i].fileLine);
    return { rel: v.outRel, text: text + hiddenQstrLine(inputs[i], a.value.defines, opts.natmodApi, opts.preprocess, text) };
  });
  const needsVersion = module.units.some((u) =>
    u.decls.some(({ decl, role }) => decl.kind === 'include' && decl.target === MPVERSION_HEADER && role.kind === 'keep'),
  );
  if (needsVersion && opts.mpversion) files.push({ rel: MPVERSION_HEADER, text: opts.mpversion() });
  return { value: files, diagnostics: a.diagnostics };
}

export { parseDefine };
export type { Define };
