import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, hasErrors } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { groupInputs, ModuleGroup } from '../init/inputs';
import { fileSpan, readInputs, ReadInput, restoreEncoding } from '../io/read';
import { writeFiles } from '../io/write';
import { dynruntimeMacroDefinitions, reservedNameUses } from '../io/reserved';
import { syncSources } from '../pipeline/sync';
import { MARK } from '../sync/markers';
import { readQstrDefs } from '../io/qstrdefs';
import { natmodInventory } from '../facts';
import { Console } from './console';
import { checkDefines, resolveMpyDir } from './checks';
import { firstDifference, unifiedDiff } from './diff';
import { report } from './report';
import { headerReader, moduleIncludeDirs } from '../io/headers';

export interface SyncArgs {
  files: string[];
  defines: string[];
  check: boolean;
  force: boolean;
  /** Print the change as a unified diff instead of writing it (exit 1 when there is one). */
  diff?: boolean;
  /** Text of the file named by stdinFilepath, read from standard input (editors). */
  stdinText?: string;
  stdinFilepath?: string;
  /** MicroPython tree whose headers say what a natmod can call. */
  mpyDir?: string;
  /** `-I DIR`: folders searched for the module's headers, as the compiler does. */
  includeDirs?: string[];
}

/** Why a file is stale, in words, for --check. */
function staleReason(before: string, after: string): string {
  const hadBlocks = before.split(/\r\n?|\n/).some((l) => MARK.endRe.test(l));
  const line = firstDifference(before.replace(/\r\n?/g, '\n'), after.replace(/\r\n?/g, '\n')) ?? 1;
  if (!hadBlocks) return 'it has no natmodgen blocks yet';
  return `its natmodgen blocks differ from what the sources generate now, from line ${line}`;
}

/** Exit 0: in sync (or rewritten); 1: --check or --diff found a stale file; 2: errors. */
export function syncCommand(args: SyncArgs, io: Console): number {
  const pre: Diagnostic[] = [...checkDefines(args.defines)];
  const mpy = resolveMpyDir(args.mpyDir, process.env);
  pre.push(...mpy.diagnostics);
  if (args.stdinText !== undefined && !args.stdinFilepath) pre.push(diag('NMG5002', undefined, {}));
  if (args.stdinText === undefined && args.stdinFilepath) {
    pre.push(diag('NMG0001', undefined, { what: '--stdin-filepath names the file of the text given with --stdin; --stdin is missing' }));
  }
  const stdinAbs = args.stdinFilepath ? path.resolve(args.stdinFilepath) : undefined;
  if (args.stdinText === undefined && args.files.length === 0)
    pre.push(diag('NMG0001', undefined, { what: 'natmodgen sync: no input files' }));
  if (hasErrors(pre)) {
    report(pre, io, new Map());
    return 2;
  }
  // With --stdin, the other files named (or the module's other sources) are context read from disk.
  const named =
    args.stdinText !== undefined ? [args.stdinFilepath!, ...args.files.filter((f) => path.resolve(f) !== stdinAbs)] : args.files;
  const grouped = groupInputs(named.filter((f) => args.stdinText === undefined || path.resolve(f) !== stdinAbs || fs.existsSync(f)));
  if (args.stdinText !== undefined && !grouped.groups.some((g) => g.files.some((f) => path.resolve(f) === stdinAbs))) {
    grouped.groups.unshift({ files: [args.stdinFilepath!], named: [args.stdinFilepath!] });
  }
  const diagnostics: Diagnostic[] = [...pre, ...grouped.diagnostics];
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, new Map());
    return 2;
  }
  const natmodApi = natmodInventory(mpy.dir);
  const sources = new Map<string, string>();
  const results: { input: ReadInput; text: string; before: string }[] = [];
  for (const group of grouped.groups)
    results.push(
      ...syncGroup(group, args, mpy.dir, stdinAbs, natmodApi, dynruntimeMacroDefinitions(natmodApi.facts, mpy.dir), diagnostics, sources),
    );
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, sources);
    return 2;
  }
  const stale = results.filter((r) => r.text !== r.before);
  if (args.stdinText !== undefined) {
    const mine = results.find((r) => path.resolve(r.input.path) === stdinAbs)!;
    const changed = mine.text !== mine.before;
    if (args.check || args.diff) {
      if (changed && args.check) diagnostics.push(diag('NMG5003', fileSpan(mine.input.path), { file: mine.input.path }));
      if (changed && args.diff) io.out(unifiedDiff(mine.input.path, mine.before, mine.text));
      report(diagnostics, io, sources);
      return changed ? 1 : 0;
    }
    report(diagnostics, io, sources);
    io.out(mine.text);
    return 0;
  }
  if (args.check || args.diff) {
    for (const r of stale) {
      if (args.diff) io.out(unifiedDiff(r.input.path, r.before, r.text));
      if (args.check) {
        const d = diag('NMG5003', fileSpan(r.input.path), { file: r.input.path });
        diagnostics.push({ ...d, message: `${d.message}: ${staleReason(r.before, r.text)}` });
      }
    }
    report(diagnostics, io, sources);
    return stale.length ? 1 : 0;
  }
  diagnostics.push(...writeFiles(stale.map((r) => ({ path: r.input.path, text: r.text }))).diagnostics);
  report(diagnostics, io, sources);
  return hasErrors(diagnostics) ? 2 : 0;
}

/** Syncs one module; returns the files the user named (others of the module are context only). */
function syncGroup(
  group: ModuleGroup,
  args: SyncArgs,
  mpyDir: string | undefined,
  stdinAbs: string | undefined,
  natmodApi: ReturnType<typeof natmodInventory>,
  natmodMacros: ReadonlyMap<string, string | undefined>,
  diagnostics: Diagnostic[],
  sources: Map<string, string>,
): { input: ReadInput; text: string; before: string }[] {
  const onDisk = group.files.filter((f) => path.resolve(f) !== stdinAbs);
  const read = readInputs(onDisk);
  diagnostics.push(...read.diagnostics);
  if (hasErrors(read.diagnostics)) return [];
  const inputs: ReadInput[] = group.files.map((f) =>
    path.resolve(f) === stdinAbs ? stdinInput(f, args.stdinText!) : read.inputs.find((i) => i.path === f)!,
  );
  for (const i of inputs) sources.set(i.path, i.text);
  const reserved = reservedNameUses(inputs);
  diagnostics.push(...reserved);
  if (reserved.length) return [];
  const result = syncSources(inputs, {
    defines: args.defines,
    force: args.force,
    escapedQstrs: readQstrDefs(
      inputs.map((i) => i.path),
      mpyDir,
    ),
    natmodApi,
    preprocess: {
      includeDirs: moduleIncludeDirs(
        args.includeDirs ?? [],
        inputs.map((i) => i.path),
      ),
      readFile: headerReader(),
      natmodMacros,
      mpyDir,
    },
  });
  diagnostics.push(...result.diagnostics);
  if (hasErrors(result.diagnostics)) return [];
  const named = new Set(group.named.map((n) => path.resolve(n)));
  return result.value
    .map((f, i) => ({ input: inputs[i], text: restoreEncoding(inputs[i], f.text), before: restoreEncoding(inputs[i], inputs[i].text) }))
    .filter((r) => named.has(path.resolve(r.input.path)) || path.resolve(r.input.path) === stdinAbs);
}

/** The --stdin text as readInputs would give it: byte-order mark and CR-only line endings undone. */
function stdinInput(file: string, raw: string): ReadInput {
  const bom = raw.startsWith('\uFEFF');
  let text = bom ? raw.slice(1) : raw;
  const crOnly = text.includes('\r') && !text.includes('\n');
  if (crOnly) text = text.replace(/\r/g, '\n');
  return { path: file, text, ...(bom ? { bom } : {}), ...(crOnly ? { crOnly } : {}) };
}

export function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}
