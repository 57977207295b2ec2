import * as path from 'path';
import { buildModule, defaultJobs, parseArchList, probeToolchain, readMpyTree, toolchainPackage } from '../build';
import { runSync } from '../build/proc';
import { SummaryRow, summaryTable } from '../build/summary';
import { Toolchain } from '../build/toolchain';
import { Console } from './console';
import { report } from './report';

export interface BuildArgs {
  files: string[];
  defines: string[];
  includeDirs: string[];
  mpyDir?: string;
  arch?: string;
  packageOutput: boolean;
  output?: string;
  jobs?: number;
  python?: string;
  /** MICROPY_FLOAT_IMPL for the architectures whose dynruntime.mk default is none. */
  floatImpl?: 'float' | 'double';
}

/**
 * The fix for a module that needs floats on an architecture whose dynruntime.mk has none:
 * mp_float_t is then undefined (MICROPY_FLOAT_IMPL_NONE).
 */
function floatHint(arch: string, firstError: string): string {
  if (!/\bmp_float_t\b|mp_obj_(?:new|get)_float/.test(firstError)) return '';
  return `\n  help: dynruntime.mk builds ${arch} without floats (MICROPY_FLOAT_IMPL none); pass --float-impl float for a firmware built with single-precision floats`;
}

/** `natmodgen build`: checks everything up front, then converts and builds each architecture. */
export async function buildCommand(args: BuildArgs, io: Console): Promise<number> {
  const fail = (msg: string, fix: string) => {
    io.err(`natmodgen build: error: ${msg}\n  fix: ${fix}\n`);
    return 2;
  };
  if (args.files.length === 0) return fail('no input files', 'name the .c files of one module');
  if (!args.output) return fail('no output folder', 'pass -o OUTDIR');
  const mpyDir = args.mpyDir ?? process.env.MPY_DIR;
  if (!mpyDir) return fail('no MicroPython tree', 'pass --mpy-dir DIR or set MPY_DIR to a MicroPython checkout with mpy-cross built');
  const { tree, problems } = readMpyTree(path.resolve(mpyDir));
  if (!tree) return fail(`${mpyDir} is not a MicroPython tree (${problems[0]?.what} missing)`, problems[0]?.fix ?? 'check --mpy-dir');
  if (problems.length) return fail(`${problems[0].what} is missing`, problems[0].fix);
  const python = args.python ?? process.env.PYTHON ?? '/usr/bin/python3';
  const py = runSync(python, ['-c', 'import elftools']);
  if (py.code !== 0) {
    return fail(
      `${python} cannot run mpy_ld.py: ${py.code === 127 ? 'not found' : 'no pyelftools'}`,
      'set PYTHON to a python3 with pyelftools (Debian: apt install python3-pyelftools; else pip install pyelftools)',
    );
  }
  const { arches, all, unknown } = parseArchList(args.arch);
  if (unknown.length)
    return fail(`unknown architecture ${unknown.join(', ')}`, `use all or some of: ${parseArchList('all').arches.join(', ')}`);

  const toolchains: Toolchain[] = [];
  const skipped: SummaryRow[] = [];
  const probed = await Promise.all(arches.map((arch) => probeToolchain(tree.dir, arch)));
  for (const tc of probed) {
    const arch = tc.arch;
    if (args.floatImpl && tc.floatImpl === 'none') tc.floatImpl = tc.floatOverride = args.floatImpl;
    if (tc.installed) toolchains.push(tc);
    else if (all)
      skipped.push({ arch, status: 'skipped', detail: `no ${tc.cross || 'host '}gcc: install ${toolchainPackage(tc.cross, arch)}` });
    else
      return fail(
        `no toolchain for ${arch} (${tc.cross}gcc)`,
        `install ${toolchainPackage(tc.cross, arch)}, or leave ${arch} out of --arch`,
      );
  }
  if (toolchains.length === 0) return fail('no natmod toolchain is installed', 'install gcc (x64) or a cross compiler, see the README');

  io.err(`natmodgen build: MicroPython ${tree.version} (.mpy ${tree.mpyVersion}.${tree.mpySubVersion}) at ${tree.dir}\n`);
  const overridden = toolchains.filter((t) => t.floatOverride).map((t) => t.arch);
  if (overridden.length)
    io.err(
      `natmodgen build: ${overridden.join(', ')}: MICROPY_FLOAT_IMPL=${args.floatImpl} (dynruntime.mk has no float there): the firmware must be built with floats of the same kind\n`,
    );
  const result = await buildModule({
    files: args.files,
    defines: args.defines,
    includeDirs: args.includeDirs,
    tree,
    python,
    toolchains,
    outDir: args.output,
    packageOutput: args.packageOutput,
    jobs: args.jobs ?? defaultJobs(),
    progress: (e) => {
      if (e.kind === 'start') io.err(`[${e.arch}] building\n`);
      else if (e.result.ok) io.err(`[${e.arch}] ok ${e.result.size} bytes (${e.seconds.toFixed(1)}s)\n`);
      else
        io.err(
          `[${e.arch}] FAILED (${e.result.stage}): ${e.result.firstError}${toolchains.find((t) => t.arch === e.arch)?.floatImpl === 'none' ? floatHint(e.arch, e.result.firstError) : ''}\n`,
        );
    },
  });
  report(result.diagnostics, io, result.sources);
  if (!result.value) return 2;
  const { module, outcomes, workDir, packaged } = result.value;
  const cwdRel = (p: string) => {
    const rel = path.relative(process.cwd(), p);
    return rel.startsWith('..') ? p : rel || '.';
  };
  const rows: SummaryRow[] = [
    ...outcomes.map((o): SummaryRow =>
      o.ok
        ? { arch: o.arch, status: 'ok', size: o.size, helpers: o.helpers.length, detail: cwdRel(o.output ?? o.mpy) }
        : { arch: o.arch, status: 'FAILED', detail: o.firstError },
    ),
    ...skipped,
  ];
  const order = parseArchList('all').arches;
  rows.sort((a, b) => order.indexOf(a.arch) - order.indexOf(b.arch));
  io.out(summaryTable(module, tree, rows));
  const failed = outcomes.filter((o) => !o.ok);
  if (packaged.length)
    io.out(`\npackage: ${cwdRel(path.join(path.resolve(args.output), 'package.json'))} (${packaged.length} files written)\n`);
  if (failed.length) {
    io.err(`\n${failed.length} of ${outcomes.length} architectures failed; their build folders are kept under ${cwdRel(workDir)}\n`);
    return 2;
  }
  return 0;
}
