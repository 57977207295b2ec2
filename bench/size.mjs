#!/usr/bin/env node
/**
 * .mpy sizes: natmodgen now vs a baseline natmodgen (by default the generator before the
 * runtime library, main at 5273559, the first parent of the runtime/ merge 66a30ca), side by
 * side, for every example (examples/*) and the five extmod modules (test/e2e/extmod/flags.json),
 * per architecture (x64 and armv7m unless SIZE_ARCHES says otherwise). Each .mpy is built by
 * that generator's own `natmodgen build --arch ...` (dynruntime.mk, plus the libgcc/libm
 * helpers it extracts), so both sides go through their real build flow.
 *
 *   node bench/size.mjs [case-filter ...]      e.g. node bench/size.mjs re delegation
 *
 * Environment:
 *   MPY_DIR        MicroPython tree with mpy-cross built (required)
 *   PYTHON         python3 with pyelftools, default /usr/bin/python3
 *   SIZE_BASELINE  git revision of the baseline, default 5273559
 *   SIZE_BASELINE_DIR  an already built checkout of the baseline (skips the export and build)
 *   SIZE_ARCHES    comma-separated, default x64,armv7m
 *
 * A benchmark, not a test: it prints numbers. The exit code is 0 when every build ran (a module
 * that grew is marked in the table and counted in the summary), 1 when a build failed, 2 for a
 * broken environment. Needs `npm run build` first (dist/src/cli/main.js).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCases } from './lib/cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

function fail(msg) {
  process.stderr.write(`bench/size.mjs: ${msg}\n`);
  process.exit(2);
}

const MPY_DIR = process.env.MPY_DIR;
if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))) fail('set MPY_DIR to a MicroPython tree with mpy-cross built');
if (!fs.existsSync(CLI)) fail(`${CLI} does not exist: run npm run build first`);
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const REV = process.env.SIZE_BASELINE ?? '5273559';
const ARCHES = (process.env.SIZE_ARCHES ?? 'x64,armv7m').split(',').filter(Boolean);
const filters = process.argv.slice(2);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
}

/** The baseline's CLI: a given built checkout, or `git archive REV` built in a temp folder with this tree's node_modules. */
function baselineCli(tmp) {
  if (process.env.SIZE_BASELINE_DIR) {
    const cli = path.join(path.resolve(process.env.SIZE_BASELINE_DIR), 'dist', 'src', 'cli', 'main.js');
    if (!fs.existsSync(cli)) fail(`SIZE_BASELINE_DIR has no ${cli} (build it with npm run build)`);
    return cli;
  }
  const dir = path.join(tmp, 'baseline');
  fs.mkdirSync(dir);
  process.stderr.write(`exporting and building baseline ${REV} in ${dir}...\n`);
  const archive = spawnSync('git', ['-C', ROOT, 'archive', REV], { maxBuffer: 256 << 20 });
  if (archive.status !== 0) fail(`git archive ${REV} failed: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) fail(`tar failed: ${untar.stderr}`);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const b = run('npm', ['run', 'build'], { cwd: dir });
  if (!b.ok) fail(`building baseline ${REV} failed:\n${b.out.slice(-2000)}`);
  return path.join(dir, 'dist', 'src', 'cli', 'main.js');
}

const cases = benchCases(ROOT, MPY_DIR);
const chosen = filters.length ? cases.filter((c) => filters.some((f) => c.label.includes(f))) : cases;
if (!chosen.length) fail(`no case matches ${filters.join(' ')}; cases: ${cases.map((c) => c.label).join(' ')}`);

/** `natmodgen build` of one case: arch -> bytes, or a failure text. */
function build(cli, c, out) {
  const args = [
    cli,
    'build',
    '--mpy-dir',
    MPY_DIR,
    '--arch',
    ARCHES.join(','),
    '-o',
    out,
    ...c.defines.flatMap((d) => ['-D', d]),
    ...c.files,
  ];
  const r = run(process.execPath, args, { env: { ...process.env, PYTHON } });
  const cells = new Map();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+)\s+(ok|FAILED|skipped)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!m || !ARCHES.includes(m[1])) continue;
    cells.set(m[1], m[2] === 'ok' ? { bytes: Number(m[3]) } : { error: `${m[2]} ${m[5]}`.slice(0, 160) });
  }
  for (const a of ARCHES) if (!cells.has(a)) cells.set(a, { error: r.out.trim().split('\n')[0] ?? 'no output' });
  return cells;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-size-'));
const oldCli = baselineCli(tmp);
const mpyVersion = run('git', ['-C', MPY_DIR, 'describe', '--tags', '--always']).stdout.trim();
const rows = [];
const failures = [];
let grew = 0;
let compared = 0;
for (const c of chosen) {
  process.stderr.write(`${c.label}...\n`);
  const oldCells = build(oldCli, c, path.join(tmp, 'old', c.label));
  const newCells = build(CLI, c, path.join(tmp, 'new', c.label));
  const row = [c.label];
  for (const a of ARCHES) {
    const o = oldCells.get(a);
    const n = newCells.get(a);
    row.push(o.error ? 'FAIL' : String(o.bytes), n.error ? 'FAIL' : String(n.bytes));
    if (o.error) failures.push(`${c.label} ${a} baseline: ${o.error}`);
    if (n.error) failures.push(`${c.label} ${a} now: ${n.error}`);
    if (o.error || n.error) {
      row.push('-');
      continue;
    }
    const d = n.bytes - o.bytes;
    compared++;
    if (d > 0) grew++;
    row.push(d > 0 ? `+${d} GREW` : String(d));
  }
  rows.push(row);
}

const header = ['module', ...ARCHES.flatMap((a) => [`${a} baseline`, `${a} now`, `${a} Δ`])];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
const out = [
  `.mpy bytes: baseline natmodgen ${process.env.SIZE_BASELINE_DIR ? `at ${process.env.SIZE_BASELINE_DIR}` : REV} vs now; MicroPython ${mpyVersion} (${MPY_DIR})`,
  "Δ = now - baseline (negative: smaller now); each built with that generator's own `natmodgen build`",
  '',
  line(header),
  `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...rows.map(line),
  '',
  `${compared} module/arch pairs compared, ${grew} grew.`,
  ...(failures.length ? ['', 'Failures:', ...failures.map((f) => `- ${f}`)] : []),
  '',
];
process.stdout.write(out.join('\n'));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failures.length ? 1 : 0);
