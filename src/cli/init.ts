import * as fs from 'fs';
import * as path from 'path';
import { hasErrors } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { writeFiles } from '../io/write';
import { resolveMpyDir } from './checks';
import { planInit } from '../init';
import { BUILD_FILES, BuildKind } from '../init/locate';
import { Console } from './console';
import { info, report } from './report';

export { ARCHES } from '../init/scaffold';

export interface InitArgs {
  dir: string;
  force: boolean;
  from?: BuildKind;
  /** MPY_DIR to write; default: the MPY_DIR environment variable, else a placeholder. */
  mpyDir?: string;
  arch: string;
}

/** `natmodgen init DIR`: writes DIR/Makefile from the module's micropython.mk or micropython.cmake. */
export function initCommand(args: InitArgs, io: Console, env: NodeJS.ProcessEnv = process.env): number {
  const mpy = resolveMpyDir(args.mpyDir, env);
  if (hasErrors(mpy.diagnostics)) {
    report(mpy.diagnostics, io, new Map());
    return 2;
  }
  const mpyDir = mpy.dir;
  const plan = planInit(args.dir, { from: args.from, mpyDir, arch: args.arch });
  const diagnostics = [...mpy.diagnostics, ...plan.diagnostics];
  const value = plan.value;
  if (value && !args.force && fs.existsSync(value.makefile)) diagnostics.push(diag('NMG4009', undefined, { file: value.makefile }));
  report(diagnostics, io, new Map());
  if (!value || hasErrors(diagnostics)) return 2;
  const written = writeFiles([{ path: value.makefile, text: value.text }]);
  if (hasErrors(written.diagnostics)) {
    report(written.diagnostics, io, new Map());
    return 2;
  }
  const n = value.build.sources.length;
  info(io, `natmodgen: wrote ${value.makefile} (from ${BUILD_FILES[value.build.kind]}: ${n} source${n === 1 ? '' : 's'})\n`);
  const dir = path.dirname(value.makefile);
  info(io, `build it with: make -C ${dir}${mpyDir ? '' : ' MPY_DIR=/path/to/micropython'}\n`);
  return 0;
}
