// Names in the user's code that natmodgen's generated code would collide with: a located
// error (exit 2, nothing written), never a module that stops building.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';

const moduleSource = (extra: string, fn = 'get') =>
  [
    '#include "py/runtime.h"',
    extra,
    `static mp_obj_t ${fn}(void) { return mp_obj_new_int(1); }`,
    `static MP_DEFINE_CONST_FUN_OBJ_0(${fn}_obj, ${fn});`,
    'static const mp_rom_map_elem_t g_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nm) },',
    `    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&${fn}_obj) },`,
    '};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t nm_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
    'MP_REGISTER_MODULE(MP_QSTR_nm, nm_module);',
    '',
  ].join('\n');

describe.each<[string, string, string, string]>([
  ['a user function named mpy_init', 'static int mpy_init(void) { return 0; }', 'get', 'mpy_init'],
  ['a user function named like a generated helper', '', 'natmodgen_call_function_1', 'natmodgen_call_function_1'],
  ['a user macro in the reserved prefix', '#define natmodgen_init_nm 1', 'get', 'natmodgen_init_nm'],
])('%s', (_n, extra, fn, name) => {
  test.each(['gen', 'sync'])('%s: exit 2, NMG2016 at the use, nothing written', async (cmd) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    const text = moduleSource(extra, fn);
    fs.writeFileSync(path.join(dir, 'nm.c'), text);
    const r = await runCli(cmd === 'gen' ? ['gen', '-o', 'out', 'nm.c'] : ['sync', 'nm.c'], dir);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes(name)) + 1;
    expect(r.stderr).toMatch(new RegExp(`nm\\.c:${line}:\\d+: error NMG2016: '${name}'`));
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'nm.c'), 'utf8')).toBe(text);
  });
});

test('a reserved name in a local header is found there', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
  fs.writeFileSync(path.join(dir, 'local.h'), '// helpers\nint natmodgen_x(void);\n');
  fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource('#include "local.h"'));
  const r = await runCli(['gen', 'nm.c'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("local.h:2:5: error NMG2016: 'natmodgen_x'");
});

test('the reserved words in comments and strings are fine', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
  fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource('// mpy_init is written by natmodgen_\nstatic const char *note = "natmodgen_x";'));
  const r = await runCli(['gen', 'nm.c'], dir);
  expect(r.stderr).not.toContain('NMG2016');
});

// A source written for both builds carries its own natmod glue (mpy_init) behind
// MICROPY_ENABLE_DYNRUNTIME; natmodgen reads those tests as the firmware does, so that glue is
// dead code in the output and its names collide with nothing (emlearn/emlearn-micropython).
describe.each<[string, string, string]>([
  ['#ifdef', '#ifdef MICROPY_ENABLE_DYNRUNTIME', '#else'],
  ['#if defined()', '#if defined(MICROPY_ENABLE_DYNRUNTIME) && 1', '#else'],
  ['#ifndef ... #else', '#ifndef MICROPY_ENABLE_DYNRUNTIME\n#define NM_FIRMWARE 1\n#else', '#endif\n#if 1'],
])("the module's own natmod glue under %s", (_label, open, middle) => {
  test('is no NMG2016; the firmware side is converted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    const src = moduleSource('').split('\n');
    const table = src.findIndex((l) => l.startsWith('static const mp_rom_map_elem_t'));
    const glue = [
      open,
      'mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {',
      '    MP_DYNRUNTIME_INIT_ENTRY',
      '    mp_store_global(MP_QSTR_get, MP_OBJ_FROM_PTR(&get_obj));',
      '    MP_DYNRUNTIME_INIT_EXIT',
      '}',
      middle,
    ];
    const text = [...src.slice(0, table), ...glue, ...src.slice(table, -1), '#endif', ''].join('\n');
    fs.writeFileSync(path.join(dir, 'nm.c'), text);
    const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
    expect(r.stderr).not.toContain('NMG2016');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', 'nm.c'), 'utf8')).toContain('MP_QSTR_get');
  });
});

// A source that selects its own natmod build with a macro of its own (it includes py/dynruntime.h
// under that macro, ballistics-lab/micropython-bclibc's BCLIBC_BUILD_NATMOD): the firmware build
// defines no such macro, so its mpy_init elsewhere under the same test is dead code too.
describe.each<[string, string, string]>([
  ['#ifdef NM_NATMOD', '#ifdef NM_NATMOD', '#ifdef NM_NATMOD'],
  ['#if defined(NM_NATMOD)', '#if defined(NM_NATMOD)', '#if NM_NATMOD'],
  ['#ifndef NM_NATMOD ... #else', '#ifndef NM_NATMOD\n#include "py/runtime.h"\n#else', '#if !defined(NM_NATMOD)\nint nm_firmware;\n#else'],
])("the module's own natmod selector, %s", (_label, includeOpen, glueOpen) => {
  test('is no NMG2016; the firmware side is converted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    const src = moduleSource('').split('\n');
    const table = src.findIndex((l) => l.startsWith('static const mp_rom_map_elem_t'));
    const head = [includeOpen, '#include "py/dynruntime.h"', '#endif'];
    const glue = [
      glueOpen,
      'mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {',
      '    MP_DYNRUNTIME_INIT_ENTRY',
      '    mp_store_global(MP_QSTR_get, MP_OBJ_FROM_PTR(&get_obj));',
      '    MP_DYNRUNTIME_INIT_EXIT',
      '}',
      '#endif',
    ];
    const text = [...head, ...src.slice(0, table), ...glue, ...src.slice(table)].join('\n');
    fs.writeFileSync(path.join(dir, 'nm.c'), text);
    const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
    expect(r.stderr).not.toContain('NMG2016');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', 'nm.c'), 'utf8')).toContain('MP_QSTR_get');
  });
});

test('mpy_init under a macro that does not select py/dynruntime.h is still reserved', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
  const text = ['#ifdef NM_NATMOD', '#include "py/dynruntime.h"', '#endif', moduleSource('#ifdef NM_OTHER\nint mpy_init;\n#endif')].join(
    '\n',
  );
  fs.writeFileSync(path.join(dir, 'nm.c'), text);
  const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("error NMG2016: 'mpy_init'");
});

test('mpy_init in a branch natmodgen cannot decide is still reserved', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
  fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource('#ifdef NM_OPTION\nint mpy_init;\n#endif'));
  const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("error NMG2016: 'mpy_init'");
});

// A module's own macro over a function name that py/dynruntime.h makes a macro: valid firmware code.
// The module's code sees its macro; natmodgen's code after it sees dynruntime's (push/pop_macro).
describe.each<[string, string]>([
  ['mp_obj_new_tuple', '#define mp_obj_new_tuple(n, items) counted_tuple(n, items)'],
  ['mp_store_global', '#define mp_store_global(q, v) ((void)0)'],
])('a module #define of %s', (name, define) => {
  test.each(['gen', 'sync'])("%s: converts; dynruntime's macro is saved before the module's code and back after it", async (cmd) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    const text = moduleSource(define);
    fs.writeFileSync(path.join(dir, 'nm.c'), text);
    const r = await runCli(cmd === 'gen' ? ['gen', '-o', 'out', 'nm.c'] : ['sync', 'nm.c'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = fs.readFileSync(path.join(dir, cmd === 'gen' ? 'out/nm.c' : 'nm.c'), 'utf8');
    const at = (s: string) => out.indexOf(s);
    expect(at(`#pragma push_macro("${name}")`)).toBeGreaterThan(at('#include "py/dynruntime.h"'));
    expect(at(`#undef ${name}\n`)).toBeLessThan(at(define));
    expect(at(`#pragma pop_macro("${name}")`)).toBeGreaterThan(at(define));
    expect(at(`#pragma pop_macro("${name}")`)).toBeLessThan(at('MP_DYNRUNTIME_INIT_ENTRY'));
  });
});

describe('module #defines of those names the natmod build never sees', () => {
  test.each<[string, string]>([
    ['under #if 0', '#if 0\n#define m_malloc(n) traced(n)\n#endif'],
    [
      'an #ifndef fallback (py/dynruntime.h defines the name)',
      '#ifndef mp_obj_new_tuple\n#define mp_obj_new_tuple(n, i) other(n, i)\n#endif',
    ],
  ])('%s: converted as they are', async (_n, define) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource(define));
    const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', 'nm.c'), 'utf8')).not.toContain('push_macro("m');
  });
});

describe('a module macro that calls the firmware function by its own name', () => {
  const define = '#define m_free(p) do { m_free(p); } while (0)';
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.MPY_DIR;
    delete process.env.MPY_DIR;
  });
  afterEach(() => {
    if (saved !== undefined) process.env.MPY_DIR = saved;
  });

  test("without a MicroPython tree: exit 2, NMG2020 at the #define (py/dynruntime.h's definition is needed), nothing written", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    const text = moduleSource(define);
    fs.writeFileSync(path.join(dir, 'nm.c'), text);
    const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.startsWith('#define')) + 1;
    expect(r.stderr).toContain(`nm.c:${line}:9: error NMG2020: '#define m_free'`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('defined in a header natmodgen does not rewrite: NMG2020 at the #define', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
    fs.writeFileSync(path.join(dir, 'wrap.h'), `// tracing\n${define}\n`);
    fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource('#include "wrap.h"'));
    const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wrap\.h:2:9: error NMG2020: '#define m_free'.*natmodgen rewrites only the module's \.c files/);
  });
});

test('a module #define of a name that is a macro in both builds, or of an ordinary word, is not refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-names-'));
  fs.writeFileSync(path.join(dir, 'nm.c'), moduleSource('#define items 3\n#define self 4\n#define MP_ARRAY_SIZE_OF(a) MP_ARRAY_SIZE(a)'));
  const r = await runCli(['gen', '-o', 'out', 'nm.c'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
