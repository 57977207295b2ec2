/**
 * `sync -D`: the macros given on the command line must be in force when py/dynruntime.h
 * reads the configuration (py/mpconfig.h gives every feature macro a default with
 * `#ifndef`), as they are for `gen`. Checked with the real C preprocessor over a synced
 * extmod-style module and a stand-in py/dynruntime.h that defaults the feature to off.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { syncSources } from '../../src/pipeline/sync';

const SOURCE = [
  '#include "py/runtime.h"',
  '',
  '#if MICROPY_PY_FOO',
  '',
  'static mp_obj_t foo_answer(void) {',
  '    return MP_OBJ_NEW_SMALL_INT(FOO_ANSWER);',
  '}',
  'static MP_DEFINE_CONST_FUN_OBJ_0(foo_answer_obj, foo_answer);',
  '',
  'static const mp_rom_map_elem_t foo_globals_table[] = {',
  '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_foo) },',
  '    { MP_ROM_QSTR(MP_QSTR_answer), MP_ROM_PTR(&foo_answer_obj) },',
  '};',
  'static MP_DEFINE_CONST_DICT(foo_globals, foo_globals_table);',
  '',
  'const mp_obj_module_t foo_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&foo_globals };',
  'MP_REGISTER_MODULE(MP_QSTR_foo, foo_module);',
  '',
  '#endif',
  '',
].join('\n');

/** Like py/mpconfig.h: a default for every feature macro the build did not set. */
const DYNRUNTIME_H = [
  '#ifndef MICROPY_PY_FOO',
  '#define MICROPY_PY_FOO (0)',
  '#endif',
  '#ifndef FOO_ANSWER',
  '#define FOO_ANSWER (0)',
  '#endif',
  '',
].join('\n');

function hasGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const gccTest = hasGcc() ? test : test.skip;
if (!hasGcc()) process.stderr.write('test/sync/defines.test.ts: SKIPPING the preprocessor checks: no gcc on PATH\n');

describe('sync -D', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-sync-defines-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'py'));
  fs.writeFileSync(path.join(dir, 'py', 'dynruntime.h'), DYNRUNTIME_H);
  fs.writeFileSync(path.join(dir, 'py', 'runtime.h'), '');
  const file = path.join(dir, 'foo.c');
  const synced = syncSources([{ path: file, text: SOURCE }], { defines: ['MICROPY_PY_FOO=1', 'FOO_ANSWER=42'], force: false });

  test('syncs without diagnostics', () => {
    expect(synced.diagnostics).toEqual([]);
    expect(synced.value).toHaveLength(1);
  });

  gccTest('the natmod side sees the macros, so the module is registered and uses their values', () => {
    fs.writeFileSync(file, synced.value[0].text);
    const out = execFileSync('gcc', ['-E', '-P', '-DMICROPY_ENABLE_DYNRUNTIME=1', '-I', dir, file], { encoding: 'utf8' });
    expect(out).toContain('MP_OBJ_NEW_SMALL_INT(42)');
    expect(out).toContain('mpy_init');
  });

  gccTest('a macro also given to the compiler is not redefined', () => {
    fs.writeFileSync(file, synced.value[0].text);
    const out = execFileSync('gcc', ['-E', '-P', '-Werror', '-DMICROPY_ENABLE_DYNRUNTIME=1', '-DFOO_ANSWER=7', '-I', dir, file], {
      encoding: 'utf8',
    });
    expect(out).toContain('MP_OBJ_NEW_SMALL_INT(7)');
  });
});
