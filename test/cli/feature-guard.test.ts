// A module registered under a feature #if that the -D given do not make true builds into a
// natmod that stops at natmodgen's #error: gen says so at once, with the -D and the make
// fragment's NATMODGEN_DEFINES to pass.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';

const source = (guard: string) =>
  [
    '#include "py/runtime.h"',
    guard,
    'static mp_obj_t get(void) { return mp_obj_new_int(1); }',
    'static MP_DEFINE_CONST_FUN_OBJ_0(get_obj, get);',
    'static const mp_rom_map_elem_t g_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&get_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t fg_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
    'MP_REGISTER_MODULE(MP_QSTR_fg, fg_module);',
    guard ? '#endif' : '',
    '',
  ].join('\n');

async function gen(text: string, ...args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-guard-'));
  fs.writeFileSync(path.join(dir, 'fg.c'), text);
  return runCli(['gen', ...args, '-o', 'out', 'fg.c'], dir);
}

test('a registration under a feature macro not given: warning NMG2021 at the registration, naming -D and NATMODGEN_DEFINES', async () => {
  const r = await gen(source('#if MICROPY_PY_FG'));
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('fg.c:10:1: warning NMG2021: module fg is registered under #if (MICROPY_PY_FG)');
  expect(r.stderr).toContain('-D MICROPY_PY_FG=1');
  expect(r.stderr).toContain('NATMODGEN_DEFINES = MICROPY_PY_FG=1');
});

test.each<[string, string[]]>([
  ['the -D makes it true', ['-D', 'MICROPY_PY_FG=1']],
  ['the -D makes it true (bare name)', ['-D', 'MICROPY_PY_FG']],
])('no warning when %s', async (_n, args) => {
  const r = await gen(source('#if MICROPY_PY_FG'), ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

test('no warning for a registration outside any #if, or under one the module itself makes true', async () => {
  expect((await gen(source(''))).stderr).toBe('');
  expect((await gen(source('#define FG_ON 1\n#if FG_ON'))).stderr).toBe('');
});

test('no warning for a negated guard on a name nothing defines: the compiler takes it as 0 and keeps the module (PyDevices/graphics #if (!CIRCUITPY))', async () => {
  const r = await gen(source('#if (!CIRCUITPY)'));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // defined to 1, nothing is registered: refused (NMG2001).
  expect((await gen(source('#if (!CIRCUITPY)'), '-D', 'CIRCUITPY=1')).code).not.toBe(0);
});
