import * as fs from 'fs';
import * as path from 'path';
import { hasErrors } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { writeIfChanged } from '../io/write';
import { planInit } from '../init';
import { BUILD_FILES, BuildKind } from '../init/locate';
import { Console } from './console';
import { report } from './report';

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
  const mpyDir = args.mpyDir ?? (env.MPY_DIR || undefined);
  const plan = planInit(args.dir, { from: args.from, mpyDir, arch: args.arch });
  const diagnostics = [...plan.diagnostics];
  const value = plan.value;
  if (value && !args.force && fs.existsSync(value.makefile)) diagnostics.push(diag('NMG4009', undefined, { file: value.makefile }));
  report(diagnostics, io, new Map());
  if (!value || hasErrors(diagnostics)) return 2;
  writeIfChanged(value.makefile, value.text);
  const n = value.build.sources.length;
  io.out(`natmodgen: wrote ${value.makefile} (from ${BUILD_FILES[value.build.kind]}: ${n} source${n === 1 ? '' : 's'})\n`);
  const dir = path.dirname(value.makefile);
  io.out(`build it with: make -C ${dir}${mpyDir ? '' : ' MPY_DIR=/path/to/micropython'}\n`);
  return 0;
}
