import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generate } from '../../../src/pipeline';
import { natmodConfigValues } from '../../../src/pipeline/natmod-config';
import { c } from '../helpers';

/** A MicroPython tree holding only a py/mpconfig.h written like v1.28.0's (defaults under #ifndef, levels, ARCH-dependent parts). */
function fakeTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-natmod-config-'));
  fs.mkdirSync(path.join(dir, 'py'));
  fs.writeFileSync(
    path.join(dir, 'py', 'mpconfig.h'),
    c(
      '#define MICROPY_CONFIG_ROM_LEVEL_CORE_FEATURES (10)',
      '#define MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES (30)',
      '#ifdef MP_CONFIGFILE',
      '#include MP_CONFIGFILE',
      '#else',
      '#include <mpconfigport.h>',
      '#endif',
      '#ifndef MICROPY_CONFIG_ROM_LEVEL',
      '#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_CORE_FEATURES)',
      '#endif',
      '#define MICROPY_CONFIG_ROM_LEVEL_AT_LEAST_EXTRA_FEATURES (MICROPY_CONFIG_ROM_LEVEL >= MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)',
      '#ifndef MICROPY_MEM_STATS',
      '#define MICROPY_MEM_STATS (0)',
      '#endif',
      '#ifndef MICROPY_PY_FOO',
      '#define MICROPY_PY_FOO (MICROPY_CONFIG_ROM_LEVEL_AT_LEAST_EXTRA_FEATURES)',
      '#endif',
      '#ifndef MICROPY_ENABLE_GC',
      '#define MICROPY_ENABLE_GC (0)',
      '#endif',
      '#ifndef MICROPY_FLOAT_IMPL',
      '#define MICROPY_FLOAT_IMPL (0)',
      '#endif',
      '#define MICROPY_PY_BUILTINS_FLOAT (MICROPY_FLOAT_IMPL != 0)',
      '#ifndef MICROPY_STACK_CHECK',
      '#define MICROPY_STACK_CHECK (MICROPY_CONFIG_ROM_LEVEL_AT_LEAST_EXTRA_FEATURES)',
      '#endif',
      '#if defined(__GNUC__)',
      '#define MICROPY_GNU_ONLY (1)',
      '#endif',
      '#define MICROPY_PORT_TEXT "x"',
      '#define MICROPY_MAKE_THING(a) (a)',
    ),
  );
  return dir;
}

const value = (vs: Array<{ name: string; body: string }>, name: string) => vs.find((v) => v.name === name)?.body;

describe('natmodConfigValues: py/mpconfig.h as a natmod build compiles it', () => {
  const tree = fakeTree();
  afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

  test('defaults with no port configuration, derived defaults followed', () => {
    const vs = natmodConfigValues(tree);
    expect(value(vs, 'MICROPY_MEM_STATS')).toBe('(0)');
    expect(value(vs, 'MICROPY_CONFIG_ROM_LEVEL')).toBe('(10)');
    expect(value(vs, 'MICROPY_PY_FOO')).toBe('(0)');
    expect(value(vs, 'MICROPY_ENABLE_GC')).toBe('(0)');
  });

  test('a -D overrides a default and what is derived from it, and is not repeated', () => {
    const vs = natmodConfigValues(tree, [{ name: 'MICROPY_CONFIG_ROM_LEVEL', body: '(30)' }]);
    expect(value(vs, 'MICROPY_PY_FOO')).toBe('(1)');
    expect(value(vs, 'MICROPY_CONFIG_ROM_LEVEL')).toBeUndefined();
    expect(value(natmodConfigValues(tree, [{ name: 'MICROPY_MEM_STATS', body: '1' }]), 'MICROPY_MEM_STATS')).toBeUndefined();
  });

  test('what depends on the ARCH, the compiler or natmodgen own settings stays undecided; non-integers are left out', () => {
    const vs = natmodConfigValues(tree);
    for (const n of [
      'MICROPY_FLOAT_IMPL',
      'MICROPY_PY_BUILTINS_FLOAT',
      'MICROPY_STACK_CHECK',
      'MICROPY_GNU_ONLY',
      'MICROPY_PORT_TEXT',
      'MICROPY_MAKE_THING',
    ])
      expect(value(vs, n)).toBeUndefined();
  });

  test('a folder without py/mpconfig.h decides nothing', () => {
    expect(natmodConfigValues(path.join(tree, 'py'))).toEqual([]);
  });
});

/** A module reading the GC heap's statistics (not exported to natmods) only where a config macro says so. */
const memStatsModule = (condition: string) =>
  c(
    '#include "py/runtime.h"',
    'static mp_obj_t f(void) {',
    `#if ${condition}`,
    '    MP_STATE_MEM(total_bytes_allocated) += 1;',
    '#endif',
    '    return mp_const_none;',
    '}',
    'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

describe('#if MICROPY_* in a module is decided as the natmod build decides it', () => {
  const tree = fakeTree();
  afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));
  const refused = (condition: string, defines: string[], mpyDir: string | undefined) =>
    generate([{ path: 'm.c', text: memStatsModule(condition) }], { defines, outDir: 'out', preprocess: { mpyDir } }).diagnostics.some(
      (d) => d.code === 'NMG3001' && d.severity === 'error',
    );

  test.each([
    // [condition, -D, refused]
    ['MICROPY_MEM_STATS', [], false],
    ['MICROPY_MEM_STATS', ['MICROPY_MEM_STATS=1'], true],
    ['!MICROPY_MEM_STATS', [], true],
    ['MICROPY_ENABLE_GC && MICROPY_MEM_STATS', [], false],
    ['MICROPY_PY_FOO', [], false],
    ['MICROPY_PY_FOO', ['MICROPY_CONFIG_ROM_LEVEL=30'], true],
    ['MICROPY_CONFIG_ROM_LEVEL >= 30', [], false],
    ['MICROPY_CONFIG_ROM_LEVEL >= 30', ['MICROPY_CONFIG_ROM_LEVEL=(30)'], true],
    // Set per ARCH, or by natmodgen for the unit: the code is read as possibly compiled.
    ['MICROPY_PY_BUILTINS_FLOAT', [], true],
    ['MICROPY_STACK_CHECK', [], true],
  ] as Array<[string, string[], boolean]>)('#if %s with -D %j: refused %s', (condition, defines, expected) => {
    expect(refused(condition, defines, tree)).toBe(expected);
  });

  test('without a tree, MicroPython configuration stays undecided (the code is checked)', () => {
    expect(refused('MICROPY_MEM_STATS', [], undefined)).toBe(true);
  });
});
