/**
 * Natmods that natmodgen converts but that do not build or run, found in the corpus
 * (bench/corpus): each is a self-written case in test/corpus-cases/ whose case.json has
 * "stage": "build", plus the two-file module of test/corpus-cases/multifile-order. An "open" case
 * runs as test.failing: it passes while the natmod fails and fails once it works (then set
 * "status": "fixed"). Everything is built in beforeAll, outside test.failing, and a control build
 * (the multifile module with the registering unit first) must work, so a broken environment fails
 * the suite instead of passing the open cases.
 *
 * Needs MPY_DIR and MICROPYTHON (as test/e2e/natmods.test.ts); says loudly when it skips. With
 * NATMODGEN_QEMU_DIR (as test/e2e/build.test.ts) the two-file module also runs, in both SRC
 * orders, on the qemu boards (armv6m, armv7m/armv7emdp, rv32imc).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readEnv, CLI, REPO_ROOT } from './lib/env';
import { runProcess, succeeded, describeRun } from './lib/proc';
import { killQemuRuns, mountScript, readFirmwares, runOnQemu } from './lib/qemu';

afterAll(() => killQemuRuns());

const env = readEnv();
const firmwares = readFirmwares(process.env.NATMODGEN_QEMU_DIR?.trim() || undefined);
const CASES = path.join(REPO_ROOT, 'test', 'corpus-cases');

interface BuildCase {
  status: 'open' | 'fixed';
  stage?: string;
  defines: string[];
  module: string;
  probe: string;
  expect: string;
  diagnostic: string;
  /** "build": made with `natmodgen build` (dynruntime.mk plus natmodgen's steps on the objects), not gen and a bare dynruntime.mk. */
  via?: 'build';
}

interface Outcome {
  built: boolean;
  output: string;
}

/** gen and make for `arch`; the .mpy's path, or the make output when it fails. */
async function build(files: string[], defines: string[], mod: string, arch: string): Promise<{ mpy?: string; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-corpus-build-'));
  const args = [CLI, 'gen', ...defines.flatMap((d) => ['-D', d]), '-o', path.join(dir, 'gen'), ...files];
  const gen = await runProcess(process.execPath, args, {
    cwd: dir,
    timeoutMs: 60_000,
  });
  if (!succeeded(gen)) throw new Error(`natmodgen gen failed:\n${describeRun(gen)}`);
  const makefile = [
    `MPY_DIR = ${env.mpyDir}`,
    `MOD = ${mod}`,
    `SRC = ${files.map((f) => `gen/${path.basename(f)}`).join(' ')}`,
    `ARCH = ${arch}`,
    // The module's folder, as its micropython.mk's -I$(USERMOD_DIR): a case's own headers.
    `CFLAGS += ${[...new Set(files.map((f) => `-I${path.dirname(f)}`))].join(' ')}`,
    'include $(MPY_DIR)/py/dynruntime.mk',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'Makefile'), makefile);
  const make = await runProcess('make', ['-C', dir, `PYTHON=${env.python}`], { cwd: dir, timeoutMs: 180_000 });
  if (!succeeded(make)) return { output: make.stdout + make.stderr };
  return { mpy: path.join(dir, `${mod}.mpy`), output: '' };
}

/** `natmodgen build` for `arch`; the .mpy's path, or the build's output when it fails. */
async function natmodgenBuild(files: string[], defines: string[], mod: string, arch: string): Promise<{ mpy?: string; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-corpus-build-'));
  const args = [
    CLI,
    'build',
    '--arch',
    arch,
    `--mpy-dir=${env.mpyDir}`,
    ...defines.flatMap((d) => ['-D', d]),
    '-o',
    path.join(dir, 'out'),
    ...files,
  ];
  const r = await runProcess(process.execPath, args, { cwd: dir, env: { ...process.env, PYTHON: env.python }, timeoutMs: 180_000 });
  const found = fs.existsSync(path.join(dir, 'out'))
    ? fs
        .readdirSync(path.join(dir, 'out'))
        .map((d) => path.join(dir, 'out', d, `${mod}.mpy`))
        .filter((f) => fs.existsSync(f))
    : [];
  if (!succeeded(r) || found.length !== 1) return { output: r.stdout + r.stderr };
  return { mpy: found[0], output: '' };
}

/** gen, make (or `natmodgen build`) and run `probe` on the unix port; never throws for a failing make or run (that is the outcome). */
async function buildAndRun(files: string[], defines: string[], mod: string, probe: string, via?: 'build'): Promise<Outcome> {
  const b = via === 'build' ? await natmodgenBuild(files, defines, mod, env.arch) : await build(files, defines, mod, env.arch);
  if (!b.mpy) return { built: false, output: b.output };
  const dir = path.dirname(b.mpy);
  const run = await runProcess(env.micropython!, ['-c', `import ${mod}\n${probe}`], {
    cwd: dir,
    env: { ...process.env, MICROPYPATH: dir },
    timeoutMs: 20_000,
  });
  return { built: true, output: run.stdout + (succeeded(run) ? '' : run.stderr) };
}

const buildCases = fs
  .readdirSync(CASES)
  .filter((n) => fs.existsSync(path.join(CASES, n, 'case.json')))
  .map((n) => [n, JSON.parse(fs.readFileSync(path.join(CASES, n, 'case.json'), 'utf8')) as BuildCase] as const)
  .filter(([, c]) => c.stage === 'build')
  .sort((a, b) => a[0].localeCompare(b[0]));

if (env.skipReason) {
  process.stderr.write(`natmodgen e2e: SKIPPING ${buildCases.length + 1} corpus build case(s): ${env.skipReason}.\n`);
  test.skip('corpus build cases (skipped: MPY_DIR/MICROPYTHON unset)', () => undefined);
} else {
  jest.setTimeout(600_000);
  const order = path.join(CASES, 'multifile-order');
  const addProbe = 'print(nmg_order.add(2, 3), nmg_order.twice(4))';
  const three = [path.join(order, 'helpers.c'), path.join(order, 'module.c'), path.join(order, 'more.c')];
  const outcomes: Record<string, Outcome> = {};
  beforeAll(async () => {
    outcomes.control = await buildAndRun([three[1], three[0], three[2]], [], 'nmg_order', addProbe);
    outcomes.order = await buildAndRun(three, [], 'nmg_order', addProbe);
    for (const [name, c] of buildCases) {
      outcomes[name] = await buildAndRun([path.join(CASES, name, 'input.c')], c.defines, c.module, c.probe, c.via);
    }
  });

  test('control: the multi-file module with the registering unit first builds, imports and runs', () => {
    expect(outcomes.control).toEqual({ built: true, output: '5 8\n' });
  });
  test('multifile-order: the helper unit first (the micropython.mk order) imports and runs', () => {
    expect(outcomes.order).toEqual({ built: true, output: '5 8\n' });
  });
  test('multifile-order: the registering unit last, or first with the other two swapped, imports and runs', async () => {
    const orders = [
      [three[2], three[0], three[1]],
      [three[1], three[2], three[0]],
    ];
    const got = [];
    for (const files of orders) got.push(await buildAndRun(files, [], 'nmg_order', addProbe));
    expect(got).toEqual(orders.map(() => ({ built: true, output: '5 8\n' })));
  });
  (firmwares.length ? describe : describe.skip)('multifile-order on the qemu boards', () => {
    test.each(firmwares.map((f) => [f.board.board, f] as const))('%s: both SRC orders import and run', async (_, { board, firmware }) => {
      const got = [];
      for (const files of [three, [three[2], three[1], three[0]]]) {
        const b = await build(files, [], 'nmg_order', board.arch);
        expect(b.output).toBe('');
        const script = `import nmg_order\nprint(nmg_order.add(2, 3), nmg_order.twice(4))\n`;
        const run = await runOnQemu(board, firmware, [mountScript('nmg_order.mpy', fs.readFileSync(b.mpy!)), script], 120_000);
        got.push({ stdout: run.stdout, stderr: run.stderr });
      }
      expect(got).toEqual([
        { stdout: '5 8\n', stderr: '' },
        { stdout: '5 8\n', stderr: '' },
      ]);
    });
  });
  if (!firmwares.length) {
    process.stderr.write('natmodgen e2e: SKIPPING the qemu runs of multifile-order: NATMODGEN_QEMU_DIR is not set or holds no firmware.\n');
  }
  describe.each(buildCases)('corpus build case %s', (name, c) => {
    (c.status === 'open' ? test.failing : test)(`builds and runs (${c.status}: ${c.diagnostic})`, () => {
      expect(outcomes[name]).toEqual({ built: true, output: c.expect });
    });
  });
}
