#!/usr/bin/env node
/**
 * Benchmark: natmodgen-generated natmods vs MicroPython's hand-written examples/natmod wrappers.
 *
 * For every module in test/e2e/extmod/flags.json (heapq, random, framebuf, re, deflate):
 *   A. natmodgen: `natmodgen gen -D... -o TMP $MPY_DIR/<source>`, a Makefile including
 *      py/dynruntime.mk (MOD=<name>, ARCH=x64), make.
 *   B. hand-written: a temp copy of $MPY_DIR/examples/natmod/<name>, built with
 *      make MPY_DIR=$MPY_DIR ARCH=x64 MOD=<name> (so both produce <name>.mpy).
 * then reports the .mpy sizes and the import time: median and min over BENCH_RUNS fresh
 * $MICROPYTHON processes per variant, runs interleaved A B A B ..., each timing
 * `import <name>` in-process with time.ticks_us().
 *
 * This is a benchmark, not a test: the timings depend on the machine and its load.
 *
 * Environment:
 *   MPY_DIR      MicroPython tree with mpy-cross built                              (required)
 *   MICROPYTHON  unix-port binary WITHOUT these modules built in (e.g. build-noext) (required)
 *   BENCH_RUNS   processes per variant and module, default 31
 *   PYTHON       python3 with pyelftools for mpy_ld.py, default /usr/bin/python3
 *   BENCH_KEEP=1 keep the temp dir (it is always kept when something fails)
 *
 * Needs natmodgen built first (npm run build -> dist/src/cli/main.js).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
const FLAGS = path.join(REPO_ROOT, 'test', 'e2e', 'extmod', 'flags.json');
const ARCH = 'x64';
const MAKE_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Environment

function usage(problem) {
  process.stderr.write(
    [
      `bench/extmod.mjs: ${problem}`,
      '',
      'usage: MPY_DIR=<MicroPython tree with mpy-cross built> \\',
      '       MICROPYTHON=<unix-port micropython WITHOUT heapq/random/framebuf/re/deflate built in> \\',
      '       [BENCH_RUNS=31] [PYTHON=/usr/bin/python3] node bench/extmod.mjs',
      'e.g.   MPY_DIR=/work/mpy/micropython MICROPYTHON=/work/mpy/micropython/ports/unix/build-noext/micropython node bench/extmod.mjs',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

function nonEmpty(v) {
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function readEnv() {
  const missing = ['MPY_DIR', 'MICROPYTHON'].filter((k) => !nonEmpty(process.env[k]));
  if (missing.length) usage(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
  const mpyDir = path.resolve(nonEmpty(process.env.MPY_DIR));
  const micropython = path.resolve(nonEmpty(process.env.MICROPYTHON));
  const python = nonEmpty(process.env.PYTHON) ?? '/usr/bin/python3';
  const runsText = nonEmpty(process.env.BENCH_RUNS) ?? '31';
  const runs = Number(runsText);
  const problems = [];
  if (!fs.existsSync(path.join(mpyDir, 'py', 'dynruntime.mk'))) problems.push(`MPY_DIR=${mpyDir} is not a MicroPython tree (no py/dynruntime.mk)`);
  else if (!isExecutable(path.join(mpyDir, 'mpy-cross', 'build', 'mpy-cross')))
    problems.push(`MPY_DIR=${mpyDir} has no built mpy-cross (run: make -C ${path.join(mpyDir, 'mpy-cross')})`);
  if (!isExecutable(micropython)) problems.push(`MICROPYTHON=${micropython} is not an executable file`);
  if (python.includes('/') && !isExecutable(python)) problems.push(`PYTHON=${python} is not an executable file`);
  if (!Number.isInteger(runs) || runs < 1) problems.push(`BENCH_RUNS=${runsText} is not a positive integer`);
  if (!fs.existsSync(CLI)) problems.push(`${CLI} does not exist: build natmodgen first (npm run build)`);
  if (problems.length) usage(problems.join('\n  '));
  return { mpyDir, micropython, python, runs, keep: process.env.BENCH_KEEP === '1' };
}

// ---------------------------------------------------------------------------------------------
// Processes

function run(cmd, args, { cwd, env, timeoutMs }) {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  const command = [cmd, ...args].map((a) => (/^[\w\-./=:,+@%]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  const ok = !r.error && r.status === 0;
  return { ok, command, cwd, status: r.status, signal: r.signal, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function tail(text, lines = 25) {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? ['...', ...all.slice(-lines)] : all).join('\n');
}

function describe(r) {
  const how = r.error ? `error: ${r.error.message}` : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  const out = [r.stdout, r.stderr].filter((s) => s.trim()).join('\n');
  return `$ (cd ${r.cwd} && ${r.command})  -> ${how}${out.trim() ? `\n${tail(out).replace(/^/gm, '    ')}` : ''}`;
}

class BenchError extends Error {}

function must(r, what) {
  if (!r.ok) throw new BenchError(`${what} failed:\n${describe(r)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Builds

function natmodgen(args, cwd) {
  return run(process.execPath, [CLI, ...args], { cwd, timeoutMs: 60_000 });
}

/** A: natmodgen gen + a dynruntime.mk Makefile. Returns the .mpy path. */
function buildNatmodgen(env, work, mod, source, defines) {
  const dir = path.join(work, 'natmodgen');
  fs.mkdirSync(dir, { recursive: true });
  must(natmodgen(['gen', ...defines.flatMap((d) => ['-D', d]), '-o', dir, source], dir), 'natmodgen gen');
  const generated = path.basename(source);
  if (!fs.existsSync(path.join(dir, generated))) throw new BenchError(`natmodgen gen did not write ${path.join(dir, generated)}`);
  fs.writeFileSync(
    path.join(dir, 'Makefile'),
    [
      '# Written by natmodgen bench/extmod.mjs.',
      `MPY_DIR = ${env.mpyDir}`,
      `MOD = ${mod}`,
      `SRC = ${generated}`,
      `ARCH = ${ARCH}`,
      'include $(MPY_DIR)/py/dynruntime.mk',
      '',
    ].join('\n'),
  );
  must(run('make', ['-C', dir, `PYTHON=${env.python}`], { cwd: dir, timeoutMs: MAKE_TIMEOUT_MS }), 'make (natmodgen natmod)');
  return expectMpy(dir, mod);
}

/** B: a temp copy of examples/natmod/<mod> (without stale build output), built there. */
function buildHandWritten(env, work, mod) {
  const src = path.join(env.mpyDir, 'examples', 'natmod', mod);
  if (!fs.existsSync(path.join(src, 'Makefile'))) throw new BenchError(`no hand-written natmod: ${src}/Makefile does not exist`);
  const dir = path.join(work, 'hand-written');
  fs.cpSync(src, dir, {
    recursive: true,
    filter: (p) => {
      const rel = path.relative(src, p);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && !rel.endsWith('.mpy') && path.basename(p) !== '.mpy_ld_cache';
    },
  });
  must(
    run('make', ['-C', dir, `MPY_DIR=${env.mpyDir}`, `ARCH=${ARCH}`, `MOD=${mod}`, `PYTHON=${env.python}`], { cwd: dir, timeoutMs: MAKE_TIMEOUT_MS }),
    'make (hand-written natmod)',
  );
  return expectMpy(dir, mod);
}

function expectMpy(dir, mod) {
  const mpy = path.join(dir, `${mod}.mpy`);
  if (!fs.existsSync(mpy)) throw new BenchError(`make succeeded but did not produce ${mpy}`);
  return mpy;
}

// ---------------------------------------------------------------------------------------------
// Running MicroPython

/**
 * A variant ready to run: MICROPYPATH holds nothing but <mod>.mpy, the cwd is an empty dir (the
 * scripts are passed with -c, so nothing named like the module can shadow the .mpy).
 */
function stage(work, label, mpy, mod) {
  const lib = path.join(work, `${label}-lib`);
  const cwd = path.join(work, `${label}-cwd`);
  fs.mkdirSync(lib, { recursive: true });
  fs.mkdirSync(cwd, { recursive: true });
  fs.copyFileSync(mpy, path.join(lib, `${mod}.mpy`));
  return { label, mpy, bytes: fs.statSync(mpy).size, lib, cwd, times: [], failure: undefined, attrs: undefined };
}

function mpRun(env, v, code) {
  return run(env.micropython, ['-c', code], { cwd: v.cwd, env: { ...process.env, MICROPYPATH: v.lib }, timeoutMs: RUN_TIMEOUT_MS });
}

/**
 * One untimed probe per variant (also a warm-up): does the import work, does it come from the
 * .mpy, and which names does the module (and each class it exports) have.
 */
function probe(env, v, mod) {
  const code = [
    'import sys',
    'try:',
    `    import ${mod} as m`,
    'except BaseException as e:',
    '    print("IMPORT-ERROR", type(e).__name__, e)',
    '    sys.exit(3)',
    'print("FILE", getattr(m, "__file__", "<built into the binary>"))',
    'for k in dir(m):',
    '    o = getattr(m, k)',
    '    print("ATTR", k, repr(o) if type(o) in (int, float, str, bool) and k != "__file__" else "")',
    '    if isinstance(o, type):',
    '        for j in dir(o):',
    '            print("ATTR", k + "." + j, "")',
  ].join('\n');
  const r = mpRun(env, v, code);
  const lines = r.stdout.split('\n');
  const importError = lines.find((l) => l.startsWith('IMPORT-ERROR '));
  if (importError || !r.ok) {
    v.short = 'import failed';
    v.failure = `import failed: ${importError ? importError.slice('IMPORT-ERROR '.length) : tail(r.stderr || r.stdout, 3) || describe(r)}`;
    return;
  }
  const file = (lines.find((l) => l.startsWith('FILE ')) ?? 'FILE ?').slice(5);
  const want = path.join(v.lib, `${mod}.mpy`);
  if (path.resolve(v.cwd, file) !== want) {
    v.failure = `import ${mod} did not load ${want} (got ${file}): MICROPYTHON must be a build without '${mod}' built in`;
    v.short = 'not from .mpy';
    return;
  }
  // name -> repr of its value for int/float/str/bool constants (else ''), to spot differing values.
  v.attrs = new Map(
    lines
      .filter((l) => l.startsWith('ATTR '))
      .map((l) => {
        const [k, ...val] = l.slice(5).split(' ');
        return [k, val.join(' ')];
      }),
  );
}

/** The timed script: only the import sits between the two ticks. */
function timingCode(mod) {
  return ['import time', 't0 = time.ticks_us()', `import ${mod}`, 't1 = time.ticks_us()', 'print(time.ticks_diff(t1, t0))'].join('\n');
}

function timeOnce(env, v, code) {
  if (v.failure) return;
  const r = mpRun(env, v, code);
  const us = Number(r.stdout.trim());
  if (!r.ok || !/^\d+$/.test(r.stdout.trim())) {
    v.failure = `timed run ${v.times.length + 1} failed:\n${describe(r)}`;
    v.short = 'run failed';
    return;
  }
  v.times.push(us);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Main

function benchModule(env, root, mod, entry) {
  const result = { mod, notes: [], a: undefined, b: undefined, buildErrors: {} };
  const work = path.join(root, mod);
  fs.mkdirSync(work, { recursive: true });
  const source = path.join(env.mpyDir, entry.source);

  const name = must(natmodgen(['name', source], work), 'natmodgen name').stdout.trim();
  if (name !== mod) result.notes.push(`natmodgen name ${entry.source} printed '${name}', flags.json calls it '${mod}'; using '${mod}'`);

  for (const [key, label, build] of [
    ['a', 'natmodgen', () => buildNatmodgen(env, work, mod, source, entry.defines ?? [])],
    ['b', 'hand-written', () => buildHandWritten(env, work, mod)],
  ]) {
    try {
      result[key] = stage(work, label, build(), mod);
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      result.buildErrors[key] = e.message;
    }
  }

  const variants = [result.a, result.b].filter(Boolean);
  for (const v of variants) probe(env, v, mod);
  const code = timingCode(mod);
  for (let i = 0; i < env.runs; i++) for (const v of variants) timeOnce(env, v, code); // A B A B ...

  // What each side lacks (names of the module and of the classes it exports).
  const { a, b } = result;
  if (a?.attrs && b?.attrs) {
    const onlyA = [...a.attrs.keys()].filter((x) => !b.attrs.has(x)).sort();
    const onlyB = [...b.attrs.keys()].filter((x) => !a.attrs.has(x)).sort();
    const differ = [...a.attrs.keys()].filter((x) => b.attrs.has(x) && a.attrs.get(x) !== b.attrs.get(x)).sort();
    if (onlyA.length) result.notes.push(`hand-written lacks: ${onlyA.join(', ')}`);
    if (onlyB.length) result.notes.push(`natmodgen lacks: ${onlyB.join(', ')}`);
    if (differ.length) {
      result.notes.push(`values differ: ${differ.map((x) => `${x} = ${a.attrs.get(x)} (natmodgen) vs ${b.attrs.get(x)} (hand-written)`).join(', ')}`);
    }
  }
  return result;
}

function fmtUs(v) {
  if (!v || v.failure || v.times.length === 0) return '-';
  return `${fmtNum(median(v.times))} (min ${v.times.length ? Math.min(...v.times) : '-'})`;
}

function fmtNum(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function signed(n, digits = 0) {
  const s = digits ? n.toFixed(digits) : String(Math.round(n));
  return n > 0 ? `+${s}` : s;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

function firstLine(cmd, args) {
  const r = run(cmd, args, { cwd: REPO_ROOT, timeoutMs: 20_000 });
  return r.ok ? r.stdout.trim().split('\n')[0] : `unknown (${cmd} ${args.join(' ')} failed)`;
}

function main() {
  const env = readEnv();
  const flags = JSON.parse(fs.readFileSync(FLAGS, 'utf8'));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-bench-'));

  const mpyVersion = firstLine('git', ['-C', env.mpyDir, 'describe', '--tags', '--always', '--dirty']);
  const binVersion = firstLine(env.micropython, ['-c', 'import sys; print(sys.version)']);
  const cc = firstLine('gcc', ['--version']);
  process.stderr.write(`natmodgen bench: ${Object.keys(flags).length} modules, ${env.runs} runs per variant, temp dir ${root}\n`);

  const results = [];
  let fatal = false;
  for (const [mod, entry] of Object.entries(flags)) {
    process.stderr.write(`  ${mod}: build + ${2 * env.runs} timed imports...\n`);
    try {
      results.push(benchModule(env, root, mod, entry));
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      results.push({ mod, notes: [], buildErrors: { a: e.message }, a: undefined, b: undefined });
    }
  }

  const header = [
    'module',
    'natmodgen bytes',
    'hand-written bytes',
    'Δ bytes',
    'natmodgen import µs median (min)',
    'hand-written import µs median (min)',
    'Δ µs (median)',
  ];
  const rows = [header];
  const notes = [];
  for (const r of results) {
    const { a, b } = r;
    const okA = a && !a.failure && a.times.length === env.runs;
    const okB = b && !b.failure && b.times.length === env.runs;
    const dBytes = a && b ? `${signed(a.bytes - b.bytes)} (${signed((100 * (a.bytes - b.bytes)) / b.bytes, 1)}%)` : '-';
    let dUs = '-';
    if (okA && okB) {
      const ma = median(a.times);
      const mb = median(b.times);
      dUs = `${signed(ma - mb, Number.isInteger(ma - mb) ? 0 : 1)} (${signed((100 * (ma - mb)) / mb, 1)}%)`;
    }
    rows.push([
      r.mod,
      a ? String(a.bytes) : 'build failed',
      b ? String(b.bytes) : 'build failed',
      dBytes,
      a ? (a.failure ? a.short : fmtUs(a)) : '-',
      b ? (b.failure ? b.short : fmtUs(b)) : '-',
      dUs,
    ]);
    if (r.buildErrors.a) notes.push(`${r.mod}: natmodgen natmod: ${r.buildErrors.a}`);
    if (r.buildErrors.b) notes.push(`${r.mod}: hand-written natmod: ${r.buildErrors.b}`);
    if (a?.failure) notes.push(`${r.mod}: natmodgen natmod: ${a.failure}`);
    if (b?.failure) notes.push(`${r.mod}: hand-written natmod (examples/natmod/${r.mod}): ${b.failure}`);
    for (const n of r.notes) notes.push(`${r.mod}: ${n}`);
    if (r.buildErrors.a || a?.failure || !okA) fatal = true;
  }

  const out = [
    '',
    'natmodgen vs hand-written natmods (MicroPython examples/natmod)',
    `MicroPython: ${mpyVersion} (MPY_DIR=${env.mpyDir})`,
    `MICROPYTHON: ${env.micropython} (${binVersion})`,
    `ARCH=${ARCH} (host ${os.arch()}, ${os.platform()} ${os.release()}); ${cc}; node ${process.version}`,
    `import time: ${env.runs} fresh processes per variant, interleaved A B A B; time.ticks_us() around \`import <name>\`, MICROPYPATH holds only <name>.mpy`,
    'Δ = natmodgen - hand-written (negative: natmodgen smaller/faster)',
    '',
    table(rows),
    '',
    notes.length ? 'Notes (names are dir() of the module and of each class it exports):' : 'Notes: none (every import succeeded and both sides export the same names).',
    ...notes.map((n) => `  - ${n.replace(/\n/g, '\n    ')}`),
    '',
  ];
  process.stdout.write(out.join('\n'));

  if (fatal || env.keep) process.stderr.write(`natmodgen bench: temp dir kept: ${root}\n`);
  else fs.rmSync(root, { recursive: true, force: true });
  process.exit(fatal ? 1 : 0);
}

main();
