#!/usr/bin/env node
/**
 * What each function (or function object) of natmodgen's runtime library adds to a .mpy, per
 * architecture (x64 and armv7m unless RTSIZE_ARCHES says otherwise).
 *
 * For every public name the runtime defines (a MicroPython C API name from the inventory,
 * data/api-v1.28.0.json, or a C library function), a small user C module whose one function
 * returns the address of that name as an int is converted and built with `natmodgen build`,
 * and compared with the same module returning the address of its own function instead. The
 * difference is the name's definition and everything it pulls in (its closure), as a module
 * that uses it pays for it. Macros (m_new0, MP_OBJ_QSTR_VALUE, nlr_push, ...) have no address
 * and are listed with the functions they expand to instead.
 *
 *   node bench/runtime-size.mjs [name-filter ...]     e.g. node bench/runtime-size.mjs vstr_ mp_map
 *
 * Environment: MPY_DIR (mpy-cross built; without it the bench prints SKIPPED and exits 0, as
 * `npm run bench` runs it after perf.mjs), PYTHON (default /usr/bin/python3),
 * RTSIZE_ARCHES (default x64,armv7m). Needs `npm run build` first. Slow: one build per name.
 * A benchmark, not a test: exit 0 when every build ran, 1 when one failed, 2 for a broken environment.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const require = createRequire(import.meta.url);

function fail(msg) {
  process.stderr.write(`bench/runtime-size.mjs: ${msg}\n`);
  process.exit(2);
}

const MPY_DIR = process.env.MPY_DIR;
if (!MPY_DIR) {
  // `npm run bench` chains this after perf.mjs: without a MicroPython tree it says so and stops.
  process.stdout.write(
    '\n*** runtime-size: SKIPPED: MPY_DIR is not set (a MicroPython tree with mpy-cross built); no per-function sizes measured ***\n',
  );
  process.exit(0);
}
if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))) fail('set MPY_DIR to a MicroPython tree with mpy-cross built');
if (!fs.existsSync(CLI)) fail(`${CLI} does not exist: run npm run build first`);
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const ARCHES = (process.env.RTSIZE_ARCHES ?? 'x64,armv7m').split(',').filter(Boolean);
const filters = process.argv.slice(2);

const { runtimeIndex } = require(path.join(ROOT, 'dist', 'src', 'runtime', 'index.js'));
const api = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'api-v1.28.0.json'), 'utf8'));
const headerOf = new Map(api.symbols.map((s) => [s.name, s.header]));
const index = runtimeIndex();

/**
 * The C library headers of the runtime's C library files: a name those files define that the
 * inventory does not list is a C library function, declared there.
 */
const LIBC_HEADERS = {
  'libc.c': ['<string.h>'],
  'libc_str.c': ['<string.h>'],
  'string_ext.c': ['<string.h>', '<strings.h>'],
  'stdlib_ext.c': ['<stdlib.h>'],
  'strtonum.c': ['<stdlib.h>'],
  'cstdlib.c': ['<stdlib.h>', '<time.h>'],
  'abort.c': ['<stdlib.h>'],
  'cstdio_libc.c': ['<stdio.h>'],
  'posix_io.c': ['<fcntl.h>', '<unistd.h>'],
  'cerrno.c': ['<errno.h>'],
};
/** Names no module spells: natmodgen's own helpers and the compiler's (`__aeabi_idiv`, `__errno`). */
const internal = (n) => /^_?_?natmodgen|^NATMODGEN|^__/i.test(n);
const LIBC = new Map();
for (const i of index.items)
  if (i.part === 'body' && LIBC_HEADERS[i.file])
    for (const n of i.defines) if (!headerOf.has(n) && !internal(n) && /^[a-z]\w*$/.test(n)) LIBC.set(n, LIBC_HEADERS[i.file]);
// Any other name a runtime body defines that is neither internal nor in the inventory or a C
// library file above is a MicroPython object the firmware also defines (mp_stream_close_obj,
// mp_op_getitem_obj, ...): declared by the headers py/runtime.h includes, or by the runtime's own.
const OTHER = new Set();
for (const i of index.items)
  if (i.part === 'body' && !LIBC_HEADERS[i.file])
    for (const n of i.defines) if (!headerOf.has(n) && !internal(n) && /^mp_\w+$/.test(n)) OTHER.add(n);
const isPublic = (n) => headerOf.has(n) || LIBC.has(n) || OTHER.has(n);
const addressable = [];
const macros = [];
const seen = new Set();
for (const it of index.items) {
  for (const name of it.defines) {
    if (seen.has(name) || !isPublic(name)) continue;
    seen.add(name);
    const isMacro = it.text.trimStart().startsWith('#');
    if (!isMacro && it.part === 'body' && !/^__/.test(name)) addressable.push(name);
    else if (isMacro && it.text.includes('define'))
      macros.push({ name, expands: it.refs.filter((r) => index.provided.has(r) && !r.startsWith('NATMODGEN')) });
  }
}
const chosen = filters.length ? addressable.filter((n) => filters.some((f) => n.includes(f))) : addressable;
if (!chosen.length) fail(`no runtime function matches ${filters.join(' ')}`);

/** The probe module: `probe()` returns the address of `target` as an int. */
function moduleSource(target, headers) {
  return [
    '#include "py/runtime.h"',
    ...headers.map((h) => `#include ${h.startsWith('<') ? h : `"${h}"`}`),
    '',
    'static mp_obj_t probe(void);',
    'static mp_obj_t probe(void) {',
    `    return mp_obj_new_int_from_uint((mp_uint_t)(uintptr_t)&${target});`,
    '}',
    'static MP_DEFINE_CONST_FUN_OBJ_0(probe_obj, probe);',
    '',
    'static const mp_rom_map_elem_t rtsize_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_rtsize) },',
    '    { MP_ROM_QSTR(MP_QSTR_probe), MP_ROM_PTR(&probe_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(rtsize_globals, rtsize_globals_table);',
    'const mp_obj_module_t rtsize_module = {',
    '    .base = { &mp_type_module },',
    '    .globals = (mp_obj_dict_t *)&rtsize_globals,',
    '};',
    'MP_REGISTER_MODULE(MP_QSTR_rtsize, rtsize_module);',
    '',
  ].join('\n');
}

/** The header(s) a probe of `name` includes besides py/runtime.h. */
const headersOf = (name) => LIBC.get(name) ?? (headerOf.has(name) ? [headerOf.get(name)] : ['py/stream.h', 'py/builtin.h', 'py/objtype.h']);
if (process.env.RTSIZE_LIST === '1') {
  // the names and headers only, no build
  for (const n of chosen) process.stdout.write(`${n} ${headersOf(n).join(' ')}\n`);
  for (const m of macros) process.stdout.write(`${m.name} (macro) -> ${m.expands.join(', ')}\n`);
  process.exit(0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-rtsize-'));

/** Builds the probe for `target`: arch -> bytes or an error text. */
function build(label, target, headers) {
  const dir = path.join(tmp, label);
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(dir, 'rtsize.c');
  fs.writeFileSync(src, moduleSource(target, headers));
  const r = spawnSync(
    process.execPath,
    [CLI, 'build', '--mpy-dir', MPY_DIR, '--arch', ARCHES.join(','), '-o', path.join(dir, 'out'), src],
    {
      encoding: 'utf8',
      env: { ...process.env, PYTHON },
      maxBuffer: 64 << 20,
    },
  );
  const cells = new Map();
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^(\S+)\s+(ok|FAILED|skipped)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    if (m && ARCHES.includes(m[1])) cells.set(m[1], m[2] === 'ok' ? { bytes: Number(m[3]) } : { error: `${m[2]}: ${m[5]}` });
  }
  for (const a of ARCHES)
    if (!cells.has(a)) cells.set(a, { error: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? 'no output' });
  return cells;
}

process.stderr.write(`runtime-size: ${chosen.length} functions, ${ARCHES.join(', ')}, work folder ${tmp}\n`);
const base = build('_baseline', 'probe', []);
for (const a of ARCHES) if (base.get(a).error) fail(`the baseline probe module does not build for ${a}: ${base.get(a).error}`);
const rows = [];
const failures = [];
for (const name of chosen) {
  process.stderr.write(`  ${name}\n`);
  const cells = build(name, name, headersOf(name));
  rows.push([
    name,
    ...ARCHES.map((a) => {
      const c = cells.get(a);
      if (c.error) {
        failures.push(`${name} ${a}: ${c.error}`);
        return 'FAIL';
      }
      return `+${c.bytes - base.get(a).bytes}`;
    }),
  ]);
}

const header = ['function', ...ARCHES.map((a) => `${a} bytes`)];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
const mpyVersion = spawnSync('git', ['-C', MPY_DIR, 'describe', '--tags', '--always'], { encoding: 'utf8' }).stdout?.trim();
const out = [
  `natmodgen runtime: bytes each function adds to a .mpy (its definition and closure); MicroPython ${mpyVersion}`,
  `baseline probe module: ${ARCHES.map((a) => `${a} ${base.get(a).bytes} bytes`).join(', ')}`,
  '',
  line(header),
  `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...rows.map(line),
  '',
  ...(filters.length
    ? []
    : [
        'Macros (no address; they cost what the functions they expand to cost):',
        ...macros.map((m) => `- ${m.name}${m.expands.length ? ` → ${m.expands.join(', ')}` : ' (expands in place)'}`),
        '',
      ]),
  ...(failures.length ? ['Failures:', ...failures.map((f) => `- ${f}`), ''] : []),
];
process.stdout.write(out.join('\n'));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failures.length ? 1 : 0);
