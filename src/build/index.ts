import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic, hasErrors } from '../diagnostics/diagnostic';
import { readInputs } from '../io/read';
import { readQstrDefs } from '../io/qstrdefs';
import { headerReader, moduleIncludeDirs } from '../io/headers';
import { dynruntimeMacroDefinitions } from '../io/reserved';
import { natmodInventory } from '../facts';
import { writeIfChanged } from '../io/write';
import { analyseFiles, generate } from '../pipeline';
import { NatmodArch } from './arches';
import { ArchBuildResult, buildArch } from './arch-build';
import { MpyTree, mpyAbi } from './mpy-tree';
import { buildTag, loaderSource, packageJson, PackagedBuild, singleArchPackageJson } from './package';
import { Toolchain } from './toolchain';

export { NATMOD_ARCHES, parseArchList } from './arches';
export { readMpyTree, mpyAbi } from './mpy-tree';
export { probeToolchain, toolchainPackage } from './toolchain';

export interface BuildOptions {
  files: string[];
  defines: string[];
  includeDirs: string[];
  tree: MpyTree;
  python: string;
  toolchains: Toolchain[];
  outDir: string;
  packageOutput: boolean;
  jobs: number;
  /** Called when an architecture starts and when it ends (progress lines). */
  progress?: (event: ArchEvent) => void;
}

export type ArchEvent = { arch: NatmodArch; kind: 'start' } | { arch: NatmodArch; kind: 'done'; result: ArchOutcome; seconds: number };

export type ArchOutcome = ArchBuildResult & { arch: NatmodArch; output?: string };

export interface BuildReport {
  module: string;
  outcomes: ArchOutcome[];
  /** Where the per-architecture work folders are (kept when something failed). */
  workDir: string;
  packaged: string[];
}

/** Converts once, then builds every architecture in its own folder, `jobs` at a time. */
export async function buildModule(
  opts: BuildOptions,
): Promise<{ value?: BuildReport; diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const { inputs, diagnostics } = readInputs(opts.files);
  const sources = new Map(inputs.map((i) => [i.path, i.text]));
  if (hasErrors(diagnostics)) return { diagnostics, sources };
  const escapedQstrs = readQstrDefs(opts.files, opts.tree.dir);
  const natmodApi = natmodInventory(opts.tree.dir);
  // The module's headers (-I and beside each source) are read as gen reads them, and so are
  // the names py/dynruntime.h makes macros.
  // `#include <module.h>` finds the header beside the source, in the compile as in the model.
  const includeDirs = moduleIncludeDirs(opts.includeDirs, opts.files);
  const preprocess = {
    includeDirs,
    readFile: headerReader(),
    natmodMacros: dynruntimeMacroDefinitions(natmodApi.facts, opts.tree.dir),
    mpyDir: opts.tree.dir,
  };
  const named = analyseFiles(inputs, opts.defines, escapedQstrs, natmodApi, preprocess);
  const module = named.value.module?.name;
  if (!module || hasErrors(named.diagnostics)) return { diagnostics: named.diagnostics, sources };

  const outDir = path.resolve(opts.outDir);
  const workDir = path.join(outDir, '.build');
  // Every architecture folder is a sibling of `gen`, so the relative paths written for `gen` hold in each.
  const gen = generate(inputs, { defines: opts.defines, outDir: path.join(workDir, 'gen'), escapedQstrs, natmodApi, preprocess });
  if (hasErrors(gen.diagnostics)) return { diagnostics: gen.diagnostics, sources };

  const abi = mpyAbi(opts.tree);
  const queue = [...opts.toolchains];
  const outcomes: ArchOutcome[] = [];
  const worker = async () => {
    for (let tc = queue.shift(); tc; tc = queue.shift()) {
      const started = Date.now();
      opts.progress?.({ arch: tc.arch, kind: 'start' });
      const r = await buildArch({
        toolchain: tc,
        mpyDir: opts.tree.dir,
        python: opts.python,
        module,
        sources: gen.value,
        includeDirs,
        dir: path.join(workDir, tc.arch),
      });
      const outcome: ArchOutcome = { ...r, arch: tc.arch };
      if (r.ok) {
        const output = path.join(outDir, buildTag(tc.arch, abi), `${module}.mpy`);
        fs.mkdirSync(path.dirname(output), { recursive: true });
        fs.copyFileSync(r.mpy, output);
        outcome.output = output;
      } else {
        // no .mpy of an earlier run may pass for this one
        fs.rmSync(path.join(outDir, buildTag(tc.arch, abi), `${module}.mpy`), { force: true });
      }
      outcomes.push(outcome);
      opts.progress?.({ arch: tc.arch, kind: 'done', result: outcome, seconds: (Date.now() - started) / 1000 });
    }
  };
  const jobs = Math.max(1, Math.min(opts.jobs, opts.toolchains.length));
  await Promise.all(Array.from({ length: jobs }, worker));
  const order = opts.toolchains.map((t) => t.arch);
  outcomes.sort((a, b) => order.indexOf(a.arch) - order.indexOf(b.arch));

  const packaged: string[] = [];
  if (opts.packageOutput) {
    const builds: PackagedBuild[] = outcomes.filter((o) => o.ok).map((o) => ({ arch: o.arch, tag: buildTag(o.arch, abi) }));
    const write = (rel: string, text: string) => {
      writeIfChanged(path.join(outDir, rel), text);
      packaged.push(rel);
    };
    write('package.json', packageJson(module, builds));
    write(`${module}.py`, loaderSource(module, builds));
    for (const b of builds) write(`${b.tag}/package.json`, singleArchPackageJson(module));
  }
  if (outcomes.every((o) => o.ok)) fs.rmSync(workDir, { recursive: true, force: true });
  return { value: { module, outcomes, workDir, packaged }, diagnostics: gen.diagnostics, sources };
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(4, os.cpus().length));
}
