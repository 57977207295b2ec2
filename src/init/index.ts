import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, hasErrors, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { ModuleBuild } from './build-info';
import { displayPath } from './display-path';
import { readMicropythonCmake } from './cmake-reader';
import { BuildKind, locateBuildFile } from './locate';
import { readMicropythonMk } from './mk-reader';
import { readMicropythonMkWithMake } from './mk-make';
import { readMicropythonCmakeWithCmake } from './cmake-script';
import { renderMakefile } from './scaffold';

export interface InitOptions {
  /** Read only this build description. */
  from?: BuildKind;
  /** Default MPY_DIR to write; a placeholder when absent. */
  mpyDir?: string;
  arch?: string;
}

export interface InitPlan {
  /** The Makefile to write. */
  makefile: string;
  text: string;
  build: ModuleBuild;
}

/** Reads the module folder's micropython.mk or micropython.cmake and renders its Makefile (nothing is written). */
export function planInit(target: string, opts: InitOptions = {}): Result<InitPlan | undefined> {
  const located = locateBuildFile(target, opts.from);
  if (!located.value) return { value: undefined, diagnostics: located.diagnostics };
  const { dir, file, kind } = located.value;
  const text = fs.readFileSync(file, 'utf8');
  let read = kind === 'mk' ? readMicropythonMk(file, text) : readMicropythonCmake(file, text);
  // What natmodgen's reading cannot evaluate, GNU make (micropython.mk) or CMake in script mode (micropython.cmake) can.
  if (read.diagnostics.some((d) => d.code === 'NMG4004')) {
    const tool = kind === 'mk' ? readMicropythonMkWithMake(file, text) : readMicropythonCmakeWithCmake(file, text);
    // Generator expressions and the like stay unevaluated by the tools too: keep the located refusal then.
    if (tool && !tool.diagnostics.some((d) => d.code === 'NMG4004')) read = tool;
  }
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const build = read.value;
  if (!build || hasErrors(diagnostics)) return { value: undefined, diagnostics };
  if (!build.sources.some((s) => s.endsWith('.c'))) {
    diagnostics.push(diag('NMG4008', { file, line: 1, col: 1, start: 0, end: 0 }, { file: path.basename(file) }));
    return { value: undefined, diagnostics };
  }
  for (const s of build.sources) {
    if (!fs.existsSync(s)) diagnostics.push(diag('NMG4010', build.sourceAt.get(s), { file: displayPath(s) }));
  }
  const makefile = path.join(dir, 'Makefile');
  return { value: { makefile, text: renderMakefile(build, dir, { mpyDir: opts.mpyDir, arch: opts.arch ?? 'x64' }), build }, diagnostics };
}
