import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../paths';
import { Console } from './console';

/** Absolute path of make/natmodgen.mk, the fragment a natmod Makefile includes before dynruntime.mk. */
export function makefilePath(): string {
  return path.join(packageRoot(), 'make', 'natmodgen.mk');
}

export function makefileCommand(io: Console): number {
  const mk = makefilePath();
  if (!fs.existsSync(mk)) {
    io.err(`natmodgen makefile: ${mk} is missing from the natmodgen package; reinstall natmodgen\n`);
    return 2;
  }
  io.out(`${mk}\n`);
  return 0;
}
