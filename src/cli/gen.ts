import * as fs from 'fs';
import * as path from 'path';
import { hasErrors } from '../diagnostics/diagnostic';
import { readInputs } from '../io/read';
import { writeIfChanged } from '../io/write';
import { generate } from '../pipeline';
import { readQstrDefs } from '../io/qstrdefs';
import { natmodInventory } from '../facts';
import { Console } from './console';
import { report } from './report';

export interface GenArgs {
  files: string[];
  output?: string;
  defines: string[];
  mpyDir?: string;
}

export function genCommand(args: GenArgs, io: Console): number {
  if (args.files.length === 0) {
    io.err('natmodgen gen: no input files\n');
    return 2;
  }
  if (!args.output && args.files.length > 1) {
    io.err('natmodgen gen: several inputs need an output folder: pass -o DIR\n');
    return 2;
  }
  if (args.mpyDir && !fs.existsSync(path.join(args.mpyDir, 'py', 'dynruntime.h'))) {
    io.err(`natmodgen gen: --mpy-dir ${args.mpyDir} is not a MicroPython tree (no py/dynruntime.h)\n`);
    return 2;
  }
  const { inputs, diagnostics } = readInputs(args.files);
  const sources = new Map(inputs.map((i) => [i.path, i.text]));
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, sources);
    return 2;
  }
  const outDir = args.output ?? process.cwd();
  const mpyDir = args.mpyDir ?? process.env.MPY_DIR;
  const natmodApi = natmodInventory(mpyDir);
  const result = generate(inputs, { defines: args.defines, outDir, escapedQstrs: readQstrDefs(args.files), natmodApi });
  report(result.diagnostics, io, sources);
  if (hasErrors(result.diagnostics)) return 2;
  if (!args.output) {
    io.out(result.value[0].text);
    return 0;
  }
  for (const f of result.value) writeIfChanged(path.join(outDir, f.rel), f.text);
  return 0;
}
