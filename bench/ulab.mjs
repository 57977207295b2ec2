#!/usr/bin/env node
/**
 * ulab (v923z/micropython-ulab) as a natmod, stage by stage, next to ulab built into the firmware.
 *
 *   1. gen      `natmodgen gen` over the .c files ulab's code/micropython.mk lists, with the
 *               -D/-I of the firmware build (-D MODULE_ULAB_ENABLED=1, -I code): diagnostics by code.
 *   2. build    `natmodgen build --arch x64` (and ULAB_ARCHS): compiler errors, .mpy size.
 *   3. import   `import ulab` in $MICROPYTHON with the .mpy on MICROPYPATH; import time (median of
 *               BENCH_RUNS processes, in-process ticks_us) next to the firmware's.
 *   4. tests    ulab's own tests/<n>d/<group>/*.py for n = 1..ULAB_MAX_DIMS, run as ulab's run-tests
 *               does (cwd = ULAB_DIR, output compared with the .exp file), on the firmware
 *               ($MICROPYTHON_ULAB) and on the natmod: pass/fail per test for both, and whether
 *               the natmod's output is byte for byte the firmware's (also where both fail).
 *   5. size     the .mpy next to the text ulab adds to the firmware (the `size` text of the
 *               objects under ULAB_FIRMWARE_BUILD/code, when that build folder is given).
 *
 * Environment:
 *   ULAB_DIR            ulab clone (never modified)                                   (required)
 *   MPY_DIR             MicroPython tree with mpy-cross built                          (required)
 *   MICROPYTHON         unix port without ulab (loads natmods)                         (required)
 *   MICROPYTHON_ULAB    unix port with ulab as a user C module (the reference)         (required)
 *   ULAB_MAX_DIMS       the firmware's ULAB_MAX_DIMS, default 2 (ulab.h's default)
 *   ULAB_ARCHS          extra architectures to build, comma-separated (e.g. armv7emsp,rv32imc)
 *   ULAB_FIRMWARE_BUILD the firmware's build folder (its code/ objects are ulab)
 *   BENCH_RUNS          processes per import-time measurement, default 11
 *   BENCH_JSON          write the results there as JSON (the e2e test reads it)
 *   BENCH_OUT           work folder to keep (default: a temp folder, removed unless something failed)
 *
 * Missing environment: prints a SKIPPED banner and exits 0. Needs `npm run build` first.
 * This is a benchmark and a progress report, not a test: it never fails on a result.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist', 'natmodgen.js');
const RUN_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_MS = 900_000;

const env = (k) => (process.env[k] && process.env[k].trim() !== '' ? process.env[k].trim() : undefined);
const ULAB_DIR = env('ULAB_DIR');
const MPY_DIR = env('MPY_DIR');
const MICROPYTHON = env('MICROPYTHON');
const MICROPYTHON_ULAB = env('MICROPYTHON_ULAB');
const missing = [
  ['ULAB_DIR', ULAB_DIR && fs.existsSync(path.join(ULAB_DIR, 'code', 'micropython.mk'))],
  ['MPY_DIR', MPY_DIR && fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))],
  ['MICROPYTHON', MICROPYTHON && fs.existsSync(MICROPYTHON)],
  ['MICROPYTHON_ULAB', MICROPYTHON_ULAB && fs.existsSync(MICROPYTHON_ULAB)],
  ['dist/natmodgen.js (npm run build)', fs.existsSync(CLI)],
]
  .filter(([, ok]) => !ok)
  .map(([k]) => k);
if (missing.length) {
  process.stdout.write(`\n*** SKIPPED bench/ulab.mjs: not set or not found: ${missing.join(', ')} ***\n\n`);
  process.exit(0);
}
const MAX_DIMS = Number(env('ULAB_MAX_DIMS') ?? '2');
const ARCHS = ['x64', ...(env('ULAB_ARCHS') ?? '').split(',').filter((a) => a && a !== 'x64')];
const RUNS = Number(env('BENCH_RUNS') ?? '11');
const CODE = path.join(ULAB_DIR, 'code');
const work = env('BENCH_OUT') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-ulab-'));
fs.mkdirSync(work, { recursive: true });
let failed = false;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 64 << 20, ...opts });
  return { code: r.status ?? -1, out: r.stdout ?? '', err: r.stderr ?? '', signal: r.signal };
}

/** The sources ulab's own micropython.mk adds to SRC_USERMOD, in its order. */
function ulabSources() {
  const mk = fs.readFileSync(path.join(CODE, 'micropython.mk'), 'utf8');
  return [...mk.matchAll(/^SRC_USERMOD\s*\+=\s*\$\(USERMODULES_DIR\)\/(\S+\.c)\s*$/gm)].map((m) => m[1]);
}
const SOURCES = ulabSources();
const FLAGS = ['-D', 'MODULE_ULAB_ENABLED=1', '-I', CODE];

// 1. gen ---------------------------------------------------------------------------------------
const genDir = path.join(work, 'gen');
fs.rmSync(genDir, { recursive: true, force: true });
const g = run(process.execPath, [CLI, 'gen', '--format', 'json', '--mpy-dir', MPY_DIR, ...FLAGS, '-o', genDir, ...SOURCES], {
  cwd: CODE,
  timeout: BUILD_TIMEOUT_MS,
});
let diagnostics = [];
try {
  diagnostics = JSON.parse(g.out).diagnostics ?? [];
} catch {
  diagnostics = [{ code: 'unparsed', severity: 'error', message: (g.err || g.out).slice(0, 400) }];
}
const byCode = {};
for (const d of diagnostics) byCode[`${d.severity} ${d.code}`] = (byCode[`${d.severity} ${d.code}`] ?? 0) + 1;
const gen = { exit: g.code, files: SOURCES.length, diagnostics: byCode, errors: diagnostics.filter((d) => d.severity === 'error').length };

// 2. build -------------------------------------------------------------------------------------
const builds = {};
let mpy;
if (gen.exit === 0) {
  for (const arch of ARCHS) {
    const out = path.join(work, 'out');
    const b = run(process.execPath, [CLI, 'build', '--arch', arch, '--mpy-dir', MPY_DIR, ...FLAGS, '-o', out, ...SOURCES], {
      cwd: CODE,
      timeout: BUILD_TIMEOUT_MS,
    });
    const log = b.out + b.err;
    fs.writeFileSync(path.join(work, `build-${arch}.log`), log);
    const dir = fs.existsSync(out) ? fs.readdirSync(out).find((d) => d.startsWith(`${arch}_`)) : undefined;
    const file = dir && path.join(out, dir, 'ulab.mpy');
    const ok = b.code === 0 && file !== undefined && fs.existsSync(file);
    builds[arch] = {
      ok,
      exit: b.code,
      compilerErrors: (log.match(/\berror:/g) ?? []).length,
      firstErrors: log
        .split('\n')
        .filter((l) => /\berror\b/.test(l))
        .slice(0, 8),
      mpyBytes: ok ? fs.statSync(file).size : undefined,
    };
    if (arch === 'x64' && ok) mpy = file;
    if (!ok) failed = true;
  }
} else failed = true;

// 3. import ------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : undefined;
};
const TIMER = 'import time\nt=time.ticks_us()\nimport ulab\nprint(time.ticks_diff(time.ticks_us(),t))\n';
function importTimes(bin, pathEnv) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = run(bin, ['-c', TIMER], { env: { ...process.env, MICROPYPATH: pathEnv } });
    const n = Number(r.out.trim().split('\n').pop());
    if (r.code !== 0 || !Number.isFinite(n)) return { error: (r.out + r.err).trim().split('\n').slice(-3).join(' | ') };
    xs.push(n);
  }
  return { medianUs: median(xs), minUs: Math.min(...xs) };
}
const mpyPath = mpy ? `${path.dirname(mpy)}:` : undefined;
const imports = {
  firmware: importTimes(MICROPYTHON_ULAB, `${ULAB_DIR}:`),
  natmod: mpyPath ? importTimes(MICROPYTHON, mpyPath) : { error: 'not built' },
};
if (imports.natmod.error) failed = true;

// 4. tests -------------------------------------------------------------------------------------
function testFiles() {
  const out = [];
  for (let d = 1; d <= MAX_DIMS; d++) {
    const dir = path.join(ULAB_DIR, 'tests', `${d}d`);
    if (!fs.existsSync(dir)) continue;
    for (const group of fs.readdirSync(dir).sort()) {
      const gdir = path.join(dir, group);
      if (!fs.statSync(gdir).isDirectory()) continue;
      for (const f of fs.readdirSync(gdir).sort()) if (f.endsWith('.py')) out.push(path.join('tests', `${d}d`, group, f));
    }
  }
  return out;
}
/** As ulab's run-tests: cwd the clone, MICROPYPATH cwd (plus the natmod's folder), a crash is 'CRASH'. */
function runTest(bin, test, extraPath) {
  const r = run(bin, [test], {
    cwd: ULAB_DIR,
    env: { ...process.env, MICROPYPATH: `${extraPath ?? ''}${ULAB_DIR}:`, LANG: 'en_US.UTF-8' },
  });
  const out = r.code === 0 ? (r.out + r.err).replace(/\r\n/g, '\n') : 'CRASH';
  const expFile = path.join(ULAB_DIR, `${test}.exp`);
  const exp = fs.existsSync(expFile) ? fs.readFileSync(expFile, 'utf8') : undefined;
  return { pass: exp !== undefined && out === exp, crash: r.code !== 0, noExp: exp === undefined, out };
}
const tests = [];
for (const t of testFiles()) {
  const fw = runTest(MICROPYTHON_ULAB, t);
  const nm = mpyPath ? runTest(MICROPYTHON, t, mpyPath) : undefined;
  tests.push({
    test: t,
    firmware: fw.pass,
    natmod: nm ? nm.pass : null,
    sameOutput: nm ? nm.out === fw.out : null,
    natmodCrash: nm?.crash ?? null,
    noExp: fw.noExp,
  });
}

// 5. size --------------------------------------------------------------------------------------
function firmwareText() {
  const build = env('ULAB_FIRMWARE_BUILD');
  if (!build || !fs.existsSync(path.join(build, 'code'))) return undefined;
  const objs = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.o')) objs.push(p);
    }
  };
  walk(path.join(build, 'code'));
  const r = run('size', ['-t', ...objs]);
  const total = r.out.split('\n').find((l) => /\(TOTALS\)/.test(l));
  return total ? Number(total.trim().split(/\s+/)[0]) : undefined;
}
const size = { mpyBytes: builds.x64?.mpyBytes, firmwareTextBytes: firmwareText() };

// report ---------------------------------------------------------------------------------------
const count = (k, v) => tests.filter((t) => t[k] === v).length;
const summary = {
  tests: tests.length,
  firmwarePass: count('firmware', true),
  natmodPass: count('natmod', true),
  passOnFirmwareOnly: tests.filter((t) => t.firmware && t.natmod !== true).map((t) => t.test),
  sameOutput: count('sameOutput', true),
  outputDiffers: tests.filter((t) => t.sameOutput !== true).map((t) => t.test),
};
const result = { ulabDir: ULAB_DIR, maxDims: MAX_DIMS, gen, builds, imports, size, summary, tests };
const p = (s) => process.stdout.write(`${s}\n`);
p(`ulab as a natmod (${ULAB_DIR}, ULAB_MAX_DIMS=${MAX_DIMS})`);
p(`  gen     exit ${gen.exit}, ${gen.files} files, ${gen.errors} errors: ${JSON.stringify(gen.diagnostics)}`);
for (const [arch, b] of Object.entries(builds))
  p(`  build   ${arch}: ${b.ok ? `ok, ${b.mpyBytes} bytes` : `FAILED (exit ${b.exit}, ${b.compilerErrors} compiler errors)`}`);
if (gen.exit !== 0) p('  build   not attempted (gen failed)');
const it = (x) => (x.error ? `FAILED (${x.error})` : `median ${x.medianUs} us, min ${x.minUs} us`);
p(`  import  firmware: ${it(imports.firmware)}; natmod: ${it(imports.natmod)}`);
p(
  `  size    natmod .mpy (x64): ${size.mpyBytes ?? '-'} bytes; text ulab adds to the unix firmware: ${size.firmwareTextBytes ?? '- (set ULAB_FIRMWARE_BUILD)'} bytes`,
);
p('');
p(`  ${'test'.padEnd(52)} firmware natmod same output`);
const mark = (v) => (v === null ? '-' : v ? 'pass' : 'FAIL');
const yes = (v) => (v === null ? '-' : v ? 'yes' : 'NO');
for (const t of tests) p(`  ${t.test.padEnd(52)} ${mark(t.firmware).padEnd(8)} ${mark(t.natmod).padEnd(6)} ${yes(t.sameOutput)}`);
p('');
p(`  tests   ${summary.tests}: firmware passes ${summary.firmwarePass}, natmod passes ${summary.natmodPass}`);
p(`  left    ${summary.passOnFirmwareOnly.length} tests pass on the firmware and not on the natmod`);
p(`  output  ${summary.sameOutput} of ${summary.tests} tests print exactly what the firmware prints`);
if (env('BENCH_JSON')) fs.writeFileSync(env('BENCH_JSON'), JSON.stringify(result, null, 2));
if (!env('BENCH_OUT') && !failed) fs.rmSync(work, { recursive: true, force: true });
else p(`  work folder kept: ${work}`);
