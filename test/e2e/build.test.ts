/**
 * End-to-end for `natmodgen build`: the module built for every installed architecture, the
 * natmods run on MicroPython's qemu port (ARM and RISC-V cores) with the same output as x64,
 * and a `--package` folder installed by micropython-lib's mip from a local HTTP server.
 *
 * Environment (each part says loudly when it skips):
 *   MPY_DIR            MicroPython v1.28.0 tree with mpy-cross built        (required)
 *   MICROPYTHON        unix-port binary that loads natmods (x64)            (required)
 *   NATMODGEN_QEMU_DIR ports/qemu folder holding build-<BOARD>/firmware.elf of MICROBIT (armv6m),
 *                      MPS2_AN385 (armv7m), MPS2_AN500 (armv7emdp), VIRT_RV32 (rv32imc)
 *   MICROPYTHON_LIB    micropython-lib checkout at a release tag (for mip and requests)
 *   PYTHON             python3 with pyelftools, default /usr/bin/python3
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { Case, discoverExamples, discoverExtmod } from './lib/discover';
import { CLI, loud, readEnv } from './lib/env';
import { buildNatmodgen } from './lib/natmod';
import { runProcess } from './lib/proc';
import { collectScript, killQemuRuns, mountScript, readFirmwares, releaseMountScript, runOnQemu } from './lib/qemu';

afterAll(() => killQemuRuns());

const env = readEnv();
const qemuDir = process.env.NATMODGEN_QEMU_DIR?.trim() || undefined;
const mpLib = process.env.MICROPYTHON_LIB?.trim() || undefined;
const firmwares = readFirmwares(qemuDir);
const cases: Case[] = [...discoverExamples(), ...discoverExtmod()].filter((c) => !c.skip && !c.problem);
const BUILD_TIMEOUT = 900_000;

if (env.skipReason) loud([`natmodgen build e2e: SKIPPING all of it: ${env.skipReason}. Skipped is not passed.`]);
if (!env.skipReason && firmwares.length === 0) {
  loud([
    `natmodgen build e2e: SKIPPING the qemu runs: ${qemuDir ? `no build-<BOARD>/firmware.elf under ${qemuDir}` : 'NATMODGEN_QEMU_DIR is not set'}.`,
    'Build MicroPython ports/qemu (BOARD=MPS2_AN385, VIRT_RV32, MICROBIT, MPS2_AN500) outside this repository and point it there.',
  ]);
}
if (!env.skipReason && !mpLib)
  loud(['natmodgen build e2e: SKIPPING the mip install test: MICROPYTHON_LIB (a micropython-lib checkout) is not set.']);

const d = env.skipReason ? describe.skip : describe;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-build-e2e-'));

function files(c: Case): string[] {
  return c.sources.kind === 'files' ? c.sources.files : [path.join(env.mpyDir!, c.sources.rel)];
}

async function natmodgenBuild(c: Case, arches: string[], out: string, extra: string[] = []) {
  const args = [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', arches.join(','), '-o', out, ...extra];
  for (const x of c.defines) args.push('-D', x);
  const r = await runProcess('node', [...args, ...files(c)], {
    cwd: work,
    env: { ...process.env, PYTHON: env.python },
    timeoutMs: BUILD_TIMEOUT,
  });
  return r;
}

function mpyFiles(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const dir of fs.readdirSync(out)) {
    const arch = /^(\w+)_\d+\.\d+$/.exec(dir)?.[1];
    if (!arch) continue;
    for (const f of fs.readdirSync(path.join(out, dir))) if (f.endsWith('.mpy')) m.set(arch, path.join(out, dir, f));
  }
  return m;
}

async function runX64(mpy: string, testPy: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, 'run-'));
  fs.copyFileSync(testPy, path.join(dir, 'test.py'));
  const r = await runProcess(env.micropython!, ['test.py'], {
    cwd: dir,
    env: { ...process.env, MICROPYPATH: path.dirname(mpy) },
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new Error(`x64 run failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  if (!env.skipReason) await buildNatmodgen();
}, 300_000);

d('natmodgen build: float modules on soft-float ARM cores', () => {
  const random = cases.find((c) => c.label === 'extmod/random');
  test(
    'extmod/random builds for armv6m and armv7m with libgcc helpers and for every installed architecture',
    async () => {
      expect(random).toBeDefined();
      const out = path.join(work, 'random-all');
      // every architecture natmodgen builds (xtensawin has no Debian compiler: see README)
      const r = await natmodgenBuild(
        random!,
        ['x86', 'x64', 'armv6m', 'armv7m', 'armv7emsp', 'armv7emdp', 'xtensa', 'rv32imc', 'rv64imc'],
        out,
      );
      const table = r.stdout;
      expect({ code: r.code, table, stderr: r.stderr.slice(-3000) }).toMatchObject({ code: 0 });
      // helpers column: soft-float and division helpers were linked on the M0 and M3
      for (const arch of ['armv6m', 'armv7m']) {
        const row = table.split('\n').find((l) => l.startsWith(`${arch} `));
        expect(row).toMatch(new RegExp(`^${arch}\\s+ok\\s+\\d+\\s+[1-9]\\d*\\s`));
      }
      expect(table).toMatch(/MicroPython 1\.\d+\.\d+, \.mpy version 6\.\d/);
      expect([...mpyFiles(out).keys()]).toEqual(expect.arrayContaining(['x64', 'armv6m', 'armv7m']));
    },
    BUILD_TIMEOUT,
  );
});

const dq = env.skipReason || firmwares.length === 0 ? describe.skip : describe;
// NATMODGEN_QEMU_CASES=label,label limits the qemu runs (each case takes minutes on a loaded machine).
const qemuOnly = process.env.NATMODGEN_QEMU_CASES?.split(',')
  .map((x) => x.trim())
  .filter(Boolean);
const qemuCases = qemuOnly ? cases.filter((c) => qemuOnly.includes(c.label)) : cases;
if (!env.skipReason && firmwares.length && qemuOnly) {
  loud([
    `natmodgen build e2e: NATMODGEN_QEMU_CASES: SKIPPING the qemu runs of ${cases
      .filter((c) => !qemuCases.includes(c))
      .map((c) => c.label)
      .join(', ')}`,
  ]);
}
/** x64's output as firmware with MICROPY_ERROR_REPORTING_NORMAL words a missing module attribute. */
function normalErrorReporting(text: string): string {
  return text.replace(/AttributeError: module '\w+' has no attribute/g, "AttributeError: 'module' object has no attribute");
}

const FLOAT_LITERAL = /-?\d+\.\d+(?:e[-+]?\d+)?/g;
/**
 * When `got` differs from `want` only in lines whose float literals, rounded to 6 significant
 * digits, are equal (and whose other text is identical): those lines; else undefined.
 */
function singlePrecisionLines(want: string, got: string): string[] | undefined {
  const a = want.split('\n');
  const b = got.split('\n');
  if (a.length !== b.length) return undefined;
  const round = (l: string) => l.replace(FLOAT_LITERAL, (x) => Number(x).toPrecision(6));
  const lines: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (round(a[i]) === a[i] || round(a[i]) !== round(b[i])) return undefined;
    lines.push(`${b[i]} (x64: ${a[i]})`);
  }
  return lines.length ? lines : undefined;
}

/**
 * The scripts that make `import <module>` in test.py load the natmod. The qemu firmwares have
 * the extmod modules built in, and `import deflate` or `import framebuf` (non-extensible
 * built-ins) never reaches the filesystem: the natmod is mounted under another file name,
 * imported, and entered in sys.modules under the module's name, which import looks up first.
 * The script checks that it is the natmod (a built-in has no __file__). Then the mount script's
 * copy of the .mpy is dropped and the heap collected (the firmware twin's run collects too).
 */
function loadNatmod(c: Case, mpy: string): string[] {
  const name = path.basename(mpy, '.mpy');
  if (c.group !== 'extmod') return [mountScript(path.basename(mpy), fs.readFileSync(mpy))];
  const alias = `nmgx_${name}`;
  return [
    mountScript(`${alias}.mpy`, fs.readFileSync(mpy)),
    [
      'import sys',
      `import ${alias}`,
      `assert ${alias}.__file__.endswith('.mpy'), 'not the natmod'`,
      `sys.modules[${JSON.stringify(name)}] = ${alias}`,
      '',
    ].join('\n'),
    releaseMountScript(),
  ];
}

/** One line per case and board, printed after the suite (the table of the report). */
const results: string[] = [];
afterAll(() => {
  if (results.length) process.stderr.write(`natmodgen build e2e, qemu runs:\n${results.map((r) => `  ${r}`).join('\n')}\n`);
});
dq('natmods on the qemu port give the output of x64', () => {
  for (const c of qemuCases) {
    test(
      `${c.label} on ${firmwares.map((f) => `${f.board.board} (${f.board.arch})`).join(', ')}`,
      async () => {
        const out = path.join(work, c.label.replace('/', '-'));
        const arches = ['x64', ...new Set(firmwares.map((f) => f.board.arch))];
        // ports/qemu builds every board with floats (MICROPY_FLOAT_IMPL float, MPS2_AN500 double):
        // rv32imc, where dynruntime.mk has none, is built with single-precision floats to match.
        const r = await natmodgenBuild(c, arches, out, ['--float-impl', 'float']);
        expect({ code: r.code, out: r.stdout, err: r.stderr.slice(-3000) }).toMatchObject({ code: 0 });
        const mpys = mpyFiles(out);
        const want = await runX64(mpys.get('x64')!, c.testPy);
        expect(want).toBe(fs.readFileSync(c.expected, 'utf8'));
        const test = fs.readFileSync(c.testPy, 'utf8');
        const failures: Array<{ board: string; why: string; stdout: string; stderr: string; reference: string }> = [];
        for (const { board, firmware } of firmwares) {
          const mpy = mpys.get(board.arch)!;
          const run = await runOnQemu(board, firmware, [...loadNatmod(c, mpy), test], 300_000).catch((e: unknown) => ({
            stdout: '',
            stderr: `qemu run failed: ${String(e).split('\n')[0]}`,
          }));
          // The boards' firmware reports errors with MICROPY_ERROR_REPORTING_NORMAL where the unix
          // port is DETAILED: the same AttributeError reads "'module' object has no attribute".
          const normal = normalErrorReporting(want);
          let verdict = run.stderr === '' && run.stdout === want ? 'pass' : '';
          if (!verdict && run.stderr === '' && run.stdout === normal) {
            verdict = 'pass (x64 output with the firmware error-reporting level)';
            process.stderr.write(
              `natmodgen build e2e: ${c.label} on ${board.board}: equal to x64's output once messages read as MICROPY_ERROR_REPORTING_NORMAL\n`,
            );
          }
          // Single-precision firmware (every qemu board but MPS2_AN500) prints floats with 8
          // digits where x64 prints 17: lines that differ only in float literals are compared at 6
          // significant digits, and each such line is logged.
          if (!verdict && run.stderr === '' && board.arch !== 'armv7emdp') {
            const singles = singlePrecisionLines(normal, run.stdout);
            if (singles) {
              verdict = `pass (${singles.length} line(s) compared at single precision)`;
              for (const l of singles) process.stderr.write(`natmodgen build e2e: ${c.label} on ${board.board}: single precision: ${l}\n`);
            }
          }
          // An extmod module built into the board's firmware is the natmod's twin there: where the
          // output differs from x64's (a 32-bit word: random.randrange(2**31) overflows; allocations
          // fail at other points on a small heap), the twin on the same core is the second reference.
          if (!verdict && c.group === 'extmod') {
            // the same collection before the test as the natmod's run has after its import
            const twin = await runOnQemu(board, firmware, [collectScript(), test], 300_000);
            if (twin.stdout === run.stdout && twin.stderr === run.stderr) {
              verdict = 'pass (equal to the firmware twin on this core)';
              process.stderr.write(
                `natmodgen build e2e: ${c.label} on ${board.board}: differs from x64's output, equal to the firmware's own module on the same core\n`,
              );
            }
          }
          results.push(`${c.label} ${board.board}: ${verdict || 'FAIL'}`);
          if (!verdict)
            failures.push({
              board: board.board,
              why: 'differs from x64 (and from the twin, for extmod)',
              stdout: run.stdout,
              stderr: run.stderr,
              reference: want,
            });
        }
        expect(failures).toEqual([]);
      },
      BUILD_TIMEOUT,
    );
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function serve(dir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(env.python, ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((res) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.end();
        res(true);
      });
      sock.on('error', () => res(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function mipInstall(url: string, device: string) {
  const micropypath = [path.join(mpLib!, 'micropython', 'mip'), path.join(mpLib!, 'python-ecosys', 'requests')].join(':');
  return runProcess(env.micropython!, ['-c', `import mip; mip.install(${JSON.stringify(url)}, target="lib")`], {
    cwd: device,
    env: { ...process.env, MICROPYPATH: micropypath },
    timeoutMs: 60_000,
  });
}

const dm = env.skipReason || !mpLib ? describe.skip : describe;
dm('--package: installed by mip from a local server', () => {
  const c = cases.find((x) => x.label === 'examples/functions')!;
  test(
    'mip installs the package into the unix port; import picks the x64 .mpy and the test passes',
    async () => {
      const out = path.join(work, 'pkg');
      const b = await natmodgenBuild(c, ['x64', 'armv7m', 'rv32imc'], out, ['--package']);
      expect({ code: b.code, err: b.stderr.slice(-2000) }).toMatchObject({ code: 0 });
      const server = await serve(out);
      try {
        const device = fs.mkdtempSync(path.join(work, 'device-'));
        const inst = await mipInstall(`${server.url}/package.json`, device);
        expect({ code: inst.code, out: inst.stdout }).toMatchObject({ code: 0, out: expect.stringContaining('Done') });
        fs.copyFileSync(c.testPy, path.join(device, 'test.py'));
        const run = await runProcess(env.micropython!, ['test.py'], {
          cwd: device,
          env: { ...process.env, MICROPYPATH: 'lib' },
          timeoutMs: 60_000,
        });
        expect({ stdout: run.stdout, stderr: run.stderr }).toEqual({ stdout: fs.readFileSync(c.expected, 'utf8'), stderr: '' });
      } finally {
        server.stop();
      }
    },
    BUILD_TIMEOUT,
  );

  test(
    "a package without this board's architecture fails with an ImportError naming it and the builds available",
    async () => {
      const out = path.join(work, 'pkg-arm');
      const b = await natmodgenBuild(c, ['armv7m'], out, ['--package']);
      expect({ code: b.code, err: b.stderr.slice(-2000) }).toMatchObject({ code: 0 });
      const server = await serve(out);
      try {
        const device = fs.mkdtempSync(path.join(work, 'device-'));
        const inst = await mipInstall(`${server.url}/package.json`, device);
        expect(inst.code).toBe(0);
        const run = await runProcess(env.micropython!, ['-c', 'import nmg_functions'], {
          cwd: device,
          env: { ...process.env, MICROPYPATH: 'lib' },
          timeoutMs: 60_000,
        });
        expect(run.code).not.toBe(0);
        expect(run.stdout + run.stderr).toMatch(
          /ImportError: no nmg_functions\.mpy for this board: it runs x64 with \.mpy version 6\.\d; available: armv7m_6\.\d/,
        );
      } finally {
        server.stop();
      }
    },
    BUILD_TIMEOUT,
  );
});
