/**
 * `natmodgen gen` on a module that calls what a natmod cannot link: the call is reported
 * where it is made, with the reason and the alternative, from the shipped inventory or
 * from the tree given with --mpy-dir.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { isMicroPythonTree } from '../../src/facts/tree';

const SOURCE = [
  '#include "py/runtime.h"',
  '#include "py/mphal.h"',
  'static mp_obj_t hello(void) {',
  '    mp_sched_lock();',
  '    gc_dump_info(&mp_plat_print);',
  '    return mp_obj_new_int(mp_hal_ticks_ms());',
  '}',
  'static MP_DEFINE_CONST_FUN_OBJ_0(hello_obj, hello);',
  'static const mp_rom_map_elem_t g_table[] = { { MP_ROM_QSTR(MP_QSTR_hello), MP_ROM_PTR(&hello_obj) } };',
  'static MP_DEFINE_CONST_DICT(g_dict, g_table);',
  'const mp_obj_module_t hi_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g_dict };',
  'MP_REGISTER_MODULE(MP_QSTR_hi, hi_module);',
  '',
].join('\n');

function setup(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-api-'));
  fs.writeFileSync(path.join(dir, 'hi.c'), SOURCE);
  return dir;
}

const mpyDir = process.env.MPY_DIR && isMicroPythonTree(process.env.MPY_DIR) ? process.env.MPY_DIR : undefined;
if (!mpyDir) console.warn('api-check CLI: MPY_DIR is not set to a MicroPython tree; the --mpy-dir case is SKIPPED');

describe('natmodgen gen: calls a natmod cannot link', () => {
  const cases: Array<[string, string[]]> = [['shipped inventory', []]];
  if (mpyDir) cases.push(['--mpy-dir', ['--mpy-dir', mpyDir]]);

  test.each(cases)('%s: located NMG3002/NMG3001 with the alternative, exit 2, nothing written', async (_n, extra) => {
    const dir = setup();
    const saved = process.env.MPY_DIR;
    delete process.env.MPY_DIR;
    try {
      const r = await runCli(['gen', ...extra, '-o', 'out', 'hi.c'], dir);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n');
      const at = (head: string) => lines.findIndex((l) => l.startsWith(head));
      const port = at('hi.c:4:5: error NMG3002:');
      expect(port).toBeGreaterThanOrEqual(0);
      expect(lines[port]).toContain("'mp_sched_lock' is port-specific");
      expect(lines.slice(port).find((l) => l.includes('help:'))).toContain('micropython.schedule');
      const gc = at('hi.c:5:5: error NMG3001:');
      expect(gc).toBeGreaterThan(port);
      expect(lines.slice(gc).find((l) => l.includes('help:'))).toContain('MP_QSTR_mem_info');
      expect(lines[gc]).toContain("'gc_dump_info'");
      // mp_hal_ticks_ms has a generated equivalent: not reported.
      expect(r.stderr).not.toContain('mp_hal_ticks_ms');
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      if (saved !== undefined) process.env.MPY_DIR = saved;
    }
  });
});
