import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unifiedDiff } from './diff';
import { CLI, REPO_ROOT } from './env';
import { clip, describeRun, ProcResult, runProcess, succeeded } from './proc';

export type Stage = 'setup' | 'build natmodgen' | 'name' | 'gen' | 'make' | 'run' | 'output' | 'provenance';

/** A failure at one stage of a case; the message is already formatted for a jest report. */
export class StageError extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
  ) {
    super(message);
    this.name = `E2E failure at ${stage}`;
  }
}

const NAME_TIMEOUT_MS = 20_000;
const GEN_TIMEOUT_MS = 20_000;
const MAKE_TIMEOUT_MS = 80_000;
const RUN_TIMEOUT_MS = 20_000;

/** A fresh temp dir for one case; its name says which case it belongs to. */
export function makeWorkDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `natmodgen-e2e-${label.replace(/[^A-Za-z0-9_.-]+/g, '-')}-`));
}

export function freshDir(parent: string, name: string): string {
  const dir = path.join(parent, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function node(args: string[], timeoutMs: number): Promise<ProcResult> {
  return runProcess(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, timeoutMs });
}

/** The newest mtime of the files dist/ is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const x of ['src', 'templates', 'runtime', 'grammar-queries', 'scripts', 'data', 'package.json', 'tsconfig.json'])
    walk(path.join(REPO_ROOT, x));
  return newest;
}

/**
 * `npm run build`: tsc over src/ into dist/, once: when dist/ is newer than every source
 * (another suite of the same run built it), the build is reused. The build removes dist/
 * first, which would pull it from under a suite (or a bench) already using it.
 */
export async function buildNatmodgen(): Promise<void> {
  const bundle = path.join(REPO_ROOT, 'dist', 'natmodgen.js');
  try {
    const built = Math.min(fs.statSync(CLI).mtimeMs, fs.statSync(bundle).mtimeMs);
    if (built > newestSource()) {
      process.stderr.write(`natmodgen e2e: reusing dist/ (newer than every source under ${REPO_ROOT})\n`);
      return;
    }
  } catch {
    // not built yet
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = await runProcess(npm, ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 110_000 });
  if (!succeeded(r)) {
    throw new StageError('build natmodgen', `could not build natmodgen (npm run build), so no end-to-end test can run:\n${describeRun(r)}`);
  }
  if (!fs.existsSync(CLI)) throw new StageError('build natmodgen', `npm run build succeeded but ${CLI} does not exist`);
}

/** `natmodgen name FILES`: the module name registered by MP_REGISTER_MODULE. */
export async function moduleName(files: string[]): Promise<string> {
  const r = await node(['name', ...files], NAME_TIMEOUT_MS);
  const name = r.stdout.trim();
  if (!succeeded(r)) throw new StageError('name', `natmodgen name failed:\n${describeRun(r)}`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new StageError('name', `natmodgen name printed ${JSON.stringify(r.stdout)}, not a module name:\n${describeRun(r)}`);
  }
  return name;
}

export interface GenResult {
  /** Generated .c file names (relative to the output dir), in input order. */
  outputs: string[];
  /** natmodgen's diagnostics (warnings), shown again if a later stage fails. */
  stderr: string;
  command: string;
}

/** `natmodgen gen -D... -o OUT FILES`; checks that OUT/<basename> exists for every input. */
export async function generate(files: string[], defines: string[], outDir: string, extraArgs: string[] = []): Promise<GenResult> {
  const args = ['gen', ...defines.flatMap((d) => ['-D', d]), ...extraArgs, '-o', outDir, ...files];
  const r = await node(args, GEN_TIMEOUT_MS);
  if (!succeeded(r)) throw new StageError('gen', `natmodgen gen failed:\n${describeRun(r)}`);
  const outputs = files.map((f) => path.basename(f));
  const missing = outputs.filter((f) => !fs.existsSync(path.join(outDir, f)));
  if (missing.length) {
    throw new StageError('gen', `natmodgen gen exited 0 but did not write ${missing.join(', ')} into ${outDir}:\n${describeRun(r)}`);
  }
  return { outputs, stderr: r.stderr, command: r.command };
}

export interface MakeConfig {
  mpyDir: string;
  mod: string;
  srcs: string[];
  arch: string;
  /** Extra compiler flags (the module's -I folders), added before dynruntime.mk's own. */
  cflags?: string[];
}

export function makefileText(c: MakeConfig): string {
  return [
    '# Written by the natmodgen end-to-end tests.',
    `MPY_DIR = ${c.mpyDir}`,
    `MOD = ${c.mod}`,
    `SRC = ${c.srcs.join(' ')}`,
    `ARCH = ${c.arch}`,
    ...(c.cflags?.length ? [`CFLAGS += ${c.cflags.join(' ')}`] : []),
    'include $(MPY_DIR)/py/dynruntime.mk',
    '',
  ].join('\n');
}

/** Writes the Makefile and runs make; returns the path of the built .mpy. */
export async function makeNatmod(dir: string, c: MakeConfig, python: string, context: string): Promise<string> {
  fs.writeFileSync(path.join(dir, 'Makefile'), makefileText(c));
  const r = await runProcess('make', ['-C', dir, `PYTHON=${python}`, 'V=1'], { cwd: dir, timeoutMs: MAKE_TIMEOUT_MS });
  const mpy = path.join(dir, `${c.mod}.mpy`);
  if (!succeeded(r)) {
    throw new StageError('make', `building the natmod failed (compiler/linker output below):\n${describeRun(r)}${context}`);
  }
  if (!fs.existsSync(mpy)) throw new StageError('make', `make succeeded but did not produce ${mpy}:\n${describeRun(r)}${context}`);
  return mpy;
}

/**
 * Runs `MICROPYTHON test.py` from a fresh dir holding only a copy of test.py (so no folder named
 * like the module can be imported as a namespace package), with MICROPYPATH=micropypath.
 */
export async function runTest(micropython: string, testPy: string, runDir: string, micropypath: string): Promise<ProcResult> {
  fs.copyFileSync(testPy, path.join(runDir, 'test.py'));
  return runProcess(micropython, ['test.py'], {
    cwd: runDir,
    env: { ...process.env, MICROPYPATH: micropypath },
    timeoutMs: RUN_TIMEOUT_MS,
  });
}

export function reproduce(r: ProcResult, micropypath: string): string {
  return `cd ${r.cwd} && MICROPYPATH=${micropypath} ${r.command}`;
}

/** Fails unless the run exited 0 and its stdout equals expected.txt exactly. */
export function checkOutput(r: ProcResult, expectedPath: string, micropypath: string, context: string): void {
  const expected = fs.readFileSync(expectedPath, 'utf8');
  const how = `\n  reproduce: ${reproduce(r, micropypath)}`;
  if (!succeeded(r) && r.stdout === expected) {
    throw new StageError(
      'run',
      `stdout matches expected.txt but the run did not succeed:\n${describeRun(r, { stdout: false })}${how}${context}`,
    );
  }
  if (r.stdout !== expected) {
    const diff = unifiedDiff(expected, r.stdout, { expected: expectedPath, actual: 'stdout of test.py' });
    const stage: Stage = succeeded(r) ? 'output' : 'run';
    throw new StageError(
      stage,
      `stdout differs from expected.txt:\n${clip(diff, 16000)}\n\nthe run:\n${describeRun(r, { stdout: false })}${how}${context}`,
    );
  }
}

/**
 * Checks that `import <name>` really loads <micropypath>/<name>.mpy. MicroPython imports built-in
 * modules that are not extensible before searching the path (and extensible ones after it fails),
 * so without this a binary that already has the module compiled in could pass the output check.
 */
export async function checkProvenance(
  micropython: string,
  name: string,
  runDir: string,
  micropypath: string,
  context: string,
): Promise<void> {
  const want = path.join(micropypath, `${name}.mpy`);
  const code = `import ${name} as m; print(getattr(m, "__file__", "(no __file__: built into the binary)"))`;
  const r = await runProcess(micropython, ['-c', code], {
    cwd: runDir,
    env: { ...process.env, MICROPYPATH: micropypath },
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const got = r.stdout.trim();
  if (!succeeded(r) || path.resolve(runDir, got) !== want) {
    const builtIn = succeeded(r) && got.startsWith('(no __file__');
    const hint = builtIn
      ? `\n  hint: ${micropython} has a non-extensible '${name}' compiled in, which always wins over the path; ` +
        `point MICROPYTHON at a build without it`
      : '';
    throw new StageError(
      'provenance',
      `\`import ${name}\` did not load the natmod ${want} (got: ${got || '(nothing)'}); ` +
        `the output check proves nothing if the module comes from elsewhere:\n${describeRun(r)}\n  reproduce: ${reproduce(r, micropypath)}${hint}${context}`,
    );
  }
}

export function genContext(g: GenResult | undefined, buildDir: string): string {
  if (!g) return '';
  const warn = g.stderr.trim() ? `\n  natmodgen gen diagnostics:\n${clip(g.stderr, 6000).replace(/^/gm, '    ')}` : '';
  return `\n  generated by: ${g.command}\n  generated files: ${g.outputs.map((o) => path.join(buildDir, o)).join(', ')}${warn}`;
}

/**
 * `natmodgen gen` of one module's sources into <work>/build, made with py/dynruntime.mk, the
 * `.mpy` alone in <work>/lib, and checked to be what `import <mod>` loads from there: the
 * folder to run test scripts with (MICROPYPATH) and the context for failure messages.
 */
export async function buildLoadable(
  work: string,
  mod: string,
  files: string[],
  e: { mpyDir: string; arch: string; python: string; micropython: string },
): Promise<{ lib: string; context: string }> {
  const buildDir = freshDir(work, 'build');
  const gen = await generate(files, [], buildDir);
  const context = genContext(gen, buildDir);
  const mpy = await makeNatmod(buildDir, { mpyDir: e.mpyDir, mod, srcs: gen.outputs, arch: e.arch }, e.python, context);
  const lib = freshDir(work, 'lib');
  fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
  await checkProvenance(e.micropython, mod, freshDir(work, 'probe'), lib, context);
  return { lib, context };
}
