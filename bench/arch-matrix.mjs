#!/usr/bin/env node
/**
 * Builds every example and every extmod case (test/e2e/extmod/flags.json) for each
 * natmod architecture with MicroPython's own py/dynruntime.mk, and prints a table of
 * .mpy sizes, or the first error where a build fails. It builds natmods only, never
 * MicroPython itself.
 *
 * Environment:
 *   MPY_DIR   MicroPython tree with mpy-cross built (required)
 *   ARCHS     space-separated list, default "x64 x86 armv6m armv7m armv7emsp armv7emdp"
 *   PYTHON    python3 with pyelftools for mpy_ld.py, default /usr/bin/python3
 *
 * Needs natmodgen built first (npm run build). x86 needs a 32-bit gcc (Debian:
 * gcc-multilib); the ARM targets need arm-none-eabi-gcc (gcc-arm-none-eabi).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const MPY_DIR = process.env.MPY_DIR;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const ARCHS = (process.env.ARCHS ?? 'x64 x86 armv6m armv7m armv7emsp armv7emdp').split(/\s+/).filter(Boolean);

if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))) {
  process.stderr.write('arch-matrix: set MPY_DIR to a MicroPython tree (with py/dynruntime.mk and mpy-cross built)\n');
  process.exit(2);
}
if (!fs.existsSync(CLI)) {
  process.stderr.write('arch-matrix: run `npm run build` first\n');
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
}

/** Cases: [label, files, defines]. */
function cases() {
  const out = [];
  const ex = path.join(ROOT, 'examples');
  for (const name of fs.readdirSync(ex).sort()) {
    const dir = path.join(ex, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
    if (files.length) out.push([`examples/${name}`, files, []]);
  }
  const flags = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'extmod', 'flags.json'), 'utf8'));
  for (const [name, v] of Object.entries(flags)) out.push([`extmod/${name}`, [path.join(MPY_DIR, v.source)], v.defines]);
  return out;
}

function build(files, defines, arch, tmp) {
  const d = defines.flatMap((x) => ['-D', x]);
  const name = run('node', [CLI, 'name', ...d, ...files]);
  if (name.status !== 0) return { error: `natmodgen name: ${name.stderr.split('\n')[0]}` };
  const mod = name.stdout.trim();
  const gen = run('node', [CLI, 'gen', ...d, '-o', tmp, ...files]);
  if (gen.status !== 0) return { error: `natmodgen gen: ${gen.stderr.split('\n')[0]}` };
  const srcs = fs.readdirSync(tmp).filter((f) => f.endsWith('.c')).sort();
  fs.writeFileSync(path.join(tmp, 'Makefile'), `MPY_DIR = ${MPY_DIR}\nMOD = ${mod}\nSRC = ${srcs.join(' ')}\nARCH = ${arch}\ninclude $(MPY_DIR)/py/dynruntime.mk\n`);
  const mk = run('make', ['-C', tmp, `PYTHON=${PYTHON}`]);
  const mpy = path.join(tmp, `${mod}.mpy`);
  if (mk.status !== 0 || !fs.existsSync(mpy)) {
    const line = `${mk.stdout}\n${mk.stderr}`.split('\n').find((l) => /error|Error|undefined/.test(l)) ?? 'make failed';
    return { error: line.trim().slice(0, 90) };
  }
  return { size: fs.statSync(mpy).size };
}

const all = cases();
const results = new Map();
const failures = [];
for (const arch of ARCHS) {
  for (const [label, files, defines] of all) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-arch-'));
    const r = build(files, defines, arch, tmp);
    results.set(`${label} ${arch}`, r.size !== undefined ? String(r.size) : 'FAIL');
    if (r.error) failures.push(`${label} ${arch}: ${r.error}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const describe = run('git', ['-C', MPY_DIR, 'describe', '--tags', '--always']).stdout.trim();
process.stdout.write(`natmodgen architecture matrix: .mpy bytes per case (MicroPython ${describe || 'unknown'})\n\n`);
process.stdout.write(`| case | ${ARCHS.join(' | ')} |\n|---|${ARCHS.map(() => '---:').join('|')}|\n`);
for (const [label] of all) process.stdout.write(`| ${label} | ${ARCHS.map((a) => results.get(`${label} ${a}`)).join(' | ')} |\n`);
if (failures.length) {
  process.stdout.write(`\nFailures:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
}
process.exit(0);
