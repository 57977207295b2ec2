#!/usr/bin/env node
/**
 * Runs `natmodgen build --arch all` for every example and every extmod case
 * (test/e2e/extmod/flags.json) and prints one markdown table: .mpy bytes per case and
 * architecture (with the number of libgcc/libm helper objects linked, when any), or
 * FAIL / skip, then the first error of each failure.
 *
 * With --readme, the table also replaces what stands between the build-matrix markers of
 * README.md, so the README's table is always this script's output.
 *
 * Environment: MPY_DIR (required, mpy-cross built), PYTHON (default /usr/bin/python3),
 * NATMODGEN_CACHE_DIR (natmodgen's build cache; "off" for cold numbers).
 * Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCases } from './lib/cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const MPY_DIR = process.env.MPY_DIR;
if (!MPY_DIR) {
  process.stderr.write('build-matrix: set MPY_DIR\n');
  process.exit(2);
}

const cases = benchCases(ROOT, MPY_DIR);

const ARCHES = ['x86', 'x64', 'armv6m', 'armv7m', 'armv7emsp', 'armv7emdp', 'xtensa', 'xtensawin', 'rv32imc', 'rv64imc'];
const rows = [];
const failures = [];
let heading = '';
const started = Date.now();
for (const c of cases) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-matrix-'));
  // floats on every architecture: dynruntime.mk has none on xtensa, rv32imc and rv64imc (the firmware must then have them)
  const args = [
    CLI,
    'build',
    '--mpy-dir',
    MPY_DIR,
    '--arch',
    'all',
    '--float-impl',
    'float',
    '-o',
    out,
    ...c.defines.flatMap((d) => ['-D', d]),
    ...c.files,
  ];
  const t0 = Date.now();
  const r = spawnSync('node', args, { encoding: 'utf8', env: { ...process.env, PYTHON: process.env.PYTHON ?? '/usr/bin/python3' } });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  const cells = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!heading && /MicroPython .* \.mpy version/.test(line)) heading = line.replace(/^[^:]+: /, '');
    const m = /^(\S+)\s+(ok|FAILED|skipped)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!m || !ARCHES.includes(m[1])) continue;
    if (m[2] === 'ok') cells.set(m[1], m[4] !== '0' ? `${m[3]} (+${m[4]})` : m[3]);
    else if (m[2] === 'skipped') cells.set(m[1], 'no compiler');
    else {
      cells.set(m[1], 'FAIL');
      failures.push(`${c.label} ${m[1]}: ${m[5].slice(0, 120)}`);
    }
  }
  if (cells.size === 0) failures.push(`${c.label}: ${r.stderr.split('\n').find(Boolean) ?? 'no output'}`);
  rows.push(`| ${c.label} | ${ARCHES.map((a) => cells.get(a) ?? '?').join(' | ')} | ${secs} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
  fs.rmSync(out, { recursive: true, force: true });
}
const report = [
  `natmodgen build --arch all --float-impl float: .mpy bytes (+ libgcc/libm helper objects linked); ${heading}; s: seconds per case (all architectures, ${os.cpus().length} cores, build cache ${process.env.NATMODGEN_CACHE_DIR === 'off' ? 'off' : 'on'})`,
  '',
  `| case | ${ARCHES.join(' | ')} | s |`,
  `|---|${ARCHES.map(() => '---:').join('|')}|---:|`,
  ...rows,
  ...(failures.length ? ['', 'Failures (first error):', '', ...failures.map((f) => `- ${f}`)] : []),
  '',
].join('\n');
process.stdout.write(`${report}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
if (process.argv.includes('--readme')) {
  const readme = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const START = '<!-- build-matrix:start (written by bench/build-matrix.mjs --readme) -->';
  const END = '<!-- build-matrix:end -->';
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    process.stderr.write('build-matrix: README.md has no build-matrix markers\n');
    process.exit(2);
  }
  fs.writeFileSync(readme, `${text.slice(0, a + START.length)}\n${report}${text.slice(b)}`);
  process.stderr.write('build-matrix: README.md table updated\n');
}
