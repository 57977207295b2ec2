// Diagnostics for people and tools: sorted text with a summary and grouping, one JSON
// document, SARIF for code scanning.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { Diagnostic } from '../../src/diagnostics/diagnostic';
import { formatText, sortDiagnostics } from '../../src/diagnostics/output';

const d = (file: string, line: number, col: number, code: string, message: string): Diagnostic => ({
  code,
  severity: 'error',
  message,
  span: { file, line, col, start: 0, end: 1 },
  related: [],
});

/** A module that calls functions a natmod cannot reach, several of them more than once, and names one undefined object. */
const MODULE = [
  '#include "py/runtime.h"',
  'static mp_obj_t f(void) {',
  '    mp_hal_delay_ms(1);',
  '    mp_hal_delay_ms(2);',
  '    mp_hal_ticks_ms();',
  '    mp_hal_delay_ms(3);',
  '    return mp_const_none;',
  '}',
  'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
  'static const mp_rom_map_elem_t g_table[] = {',
  '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
  '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },',
  '    { MP_ROM_QSTR(MP_QSTR_g), MP_ROM_PTR(&f_ojb) },',
  '};',
  'static MP_DEFINE_CONST_DICT(g, g_table);',
  'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
  'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  '',
].join('\n');

function moduleDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-format-'));
  fs.writeFileSync(path.join(dir, 'm.c'), MODULE);
  return dir;
}

describe('text', () => {
  test('sorted by file, line and column whatever the order found', () => {
    const sorted = sortDiagnostics([d('b.c', 1, 1, 'NMG2005', "'x'"), d('a.c', 9, 2, 'NMG2005', "'y'"), d('a.c', 3, 7, 'NMG3001', "'z'")]);
    expect(sorted.map((x) => `${x.span!.file}:${x.span!.line}`)).toEqual(['a.c:3', 'a.c:9', 'b.c:1']);
  });

  test('a cause repeated at many places is counted once, and a summary line ends the report', () => {
    const diags = [1, 2, 3, 4].map((l) => d('a.c', l, 1, 'NMG3001', `'${l < 4 ? 'mp_hal_delay_ms' : 'mp_hal_ticks_ms'}' is not available`));
    const text = formatText(diags, () => undefined);
    expect(text).toContain('NMG3001: 2 names at 4 places: mp_hal_delay_ms (3), mp_hal_ticks_ms');
    expect(text.trimEnd().split('\n').pop()).toBe('natmodgen: 4 errors, 0 warnings in 1 file');
  });

  test('the CLI prints a summary after the diagnostics', async () => {
    const r = await runCli(['gen', 'm.c'], moduleDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/natmodgen: \d+ errors?, 0 warnings in 1 file\n$/);
  });
});

describe('--format json', () => {
  test('one document on stdout with located diagnostics, nothing else', async () => {
    const r = await runCli(['--format', 'json', 'gen', 'm.c'], moduleDir());
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.summary.errors).toBe(doc.diagnostics.length);
    const undefinedName = doc.diagnostics.find((x: { code: string }) => x.code === 'NMG2005');
    expect(undefinedName).toMatchObject({ file: 'm.c', line: 13, severity: 'error' });
    expect(typeof undefinedName.column).toBe('number');
    expect(undefinedName.endLine).toBe(13);
    expect(undefinedName.help).toMatch(/^did you mean 'f_obj'\?/);
    const lines = doc.diagnostics.map((x: { line: number }) => x.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(r.stderr).toBe('');
  });

  test('a clean run still prints one (empty) document; generated C stays on stdout, the document moves to stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-format-'));
    fs.copyFileSync(path.join(__dirname, '..', '..', 'examples', 'functions', 'functions.c'), path.join(dir, 'f.c'));
    const r = await runCli(['gen', '--format=json', 'f.c'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mpy_init');
    expect(JSON.parse(r.stderr)).toEqual({ version: 1, diagnostics: [], summary: { errors: 0, warnings: 0 } });
  });

  test('usage errors are in the document too', async () => {
    const r = await runCli(['--format', 'json', 'gen', '--bogus', 'm.c'], moduleDir());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics.map((x: { code: string }) => x.code)).toEqual(['NMG0001']);
  });
});

describe('--format sarif', () => {
  test('SARIF 2.1.0 with a rule per code and a located result per diagnostic', async () => {
    const r = await runCli(['--format', 'sarif', 'gen', 'm.c'], moduleDir());
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe('2.1.0');
    const run = doc.runs[0];
    expect(run.tool.driver.name).toBe('natmodgen');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const res of run.results) {
      expect(ids).toContain(res.ruleId);
      expect(res.level).toBe('error');
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('m.c');
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(run.results.length).toBeGreaterThan(0);
  });
});
