import * as fs from 'fs';
import * as path from 'path';
import { hasErrors } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { readInputs } from '../io/read';
import { writeIfChanged } from '../io/write';
import { syncSources } from '../pipeline/sync';
import { readQstrDefs } from '../io/qstrdefs';
import { natmodInventory } from '../facts';
import { Console } from './console';
import { report } from './report';

export interface SyncArgs {
  files: string[];
  defines: string[];
  check: boolean;
  force: boolean;
  /** Text of the file named by stdinFilepath, read from standard input (editors). */
  stdinText?: string;
  stdinFilepath?: string;
  /** MicroPython tree whose headers say what a natmod can call. */
  mpyDir?: string;
}

/** Exit 0: in sync (or rewritten); 1: --check found a stale file; 2: errors. */
export function syncCommand(args: SyncArgs, io: Console): number {
  if (args.stdinText !== undefined && !args.stdinFilepath) {
    report([diag('NMG5002', undefined, {})], io, new Map());
    return 2;
  }
  const stdinAbs = args.stdinFilepath ? path.resolve(args.stdinFilepath) : undefined;
  const onDisk = args.files.filter((f) => path.resolve(f) !== stdinAbs);
  if (args.stdinText === undefined && onDisk.length === 0) {
    io.err('natmodgen sync: no input files\n');
    return 2;
  }
  const { inputs, diagnostics } = readInputs(onDisk);
  if (args.stdinText !== undefined) inputs.unshift({ path: args.stdinFilepath!, text: args.stdinText });
  const sources = new Map(inputs.map((i) => [i.path, i.text]));
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, sources);
    return 2;
  }
  const mpyDir = args.mpyDir ?? process.env.MPY_DIR;
  const natmodApi = natmodInventory(mpyDir);
  const result = syncSources(inputs, { defines: args.defines, force: args.force, escapedQstrs: readQstrDefs(inputs.map((i) => i.path)), natmodApi });
  report(result.diagnostics, io, sources);
  if (hasErrors(result.diagnostics)) return 2;
  if (args.stdinText !== undefined) {
    io.out(result.value[0].text);
    return 0;
  }
  if (args.check) {
    const stale = result.value.filter((f) => f.changed);
    for (const f of stale) io.err(`${f.path}: not in sync (run natmodgen sync)\n`);
    return stale.length ? 1 : 0;
  }
  for (const f of result.value) if (f.changed) writeIfChanged(f.path, f.text);
  return 0;
}

export function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}
