/**
 * bench/corpus.mjs (npm run corpus) on a small manifest of repository files: it must convert,
 * report the first diagnostic with its location, count, tabulate causes, and say loudly what it
 * skipped. Builds and imports need MPY_DIR/MICROPYTHON and are not exercised here.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../support/cases';

const SCRIPT = path.join(repoRoot, 'bench', 'corpus.mjs');
const CLI = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

function runScript(extraEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extraEnv };
  return spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  }
});

test('without CORPUS_DIR and MPY_DIR it says loudly what it skipped and exits 0', () => {
  const r = runScript({});
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/! CORPUS_DIR is not set: the \d+ user C modules are SKIPPED/);
  expect(r.stdout).toMatch(/! MPY_DIR is not set: nothing is BUILT or IMPORTED/);
});

test('a broken MPY_DIR is an environment error (exit 2)', () => {
  const r = runScript({ MPY_DIR: os.tmpdir() });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('is not a MicroPython tree');
});

test('CORPUS_TIMEOUT_SCALE must be a positive number (exit 2); a valid one runs as usual', () => {
  for (const bad of ['0', '-2', 'slow']) {
    const r = runScript({ CORPUS_TIMEOUT_SCALE: bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`CORPUS_TIMEOUT_SCALE=${bad}: a positive number`);
  }
  const ok = runScript({ CORPUS_TIMEOUT_SCALE: '2.5' });
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/! CORPUS_DIR is not set/);
});

test('converts, locates the first diagnostic, counts and tabulates causes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-corpus-script-'));
  const manifest = {
    modules: [
      { id: 'functions', dir: 'examples/functions', files: ['functions.c'], defines: [] },
      { id: 'static-macro', dir: 'test/corpus-cases/static-macro', files: ['input.c'], defines: ['STATIC=static'] },
      { id: 'undefined', dir: path.relative(repoRoot, dir), files: ['input.c'], defines: [] },
      { id: 'gone', dir: 'examples/functions', files: ['no-such-file.c'], defines: [] },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // A table entry naming an object the inputs do not define: NMG2005 at the entry.
  fs.writeFileSync(
    path.join(dir, 'input.c'),
    [
      '#include "py/runtime.h"',
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
      '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&missing_obj) },',
      '};',
      'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
      '',
    ].join('\n'),
  );
  const r = runScript({ CORPUS_DIR: repoRoot, CORPUS_MANIFEST: path.join(dir, 'manifest.json') });
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n');
  const row = (id: string) => lines.find((l) => l.startsWith(id + ' '));
  expect(row('functions')).toMatch(/converted yes {2}built n\/a/);
  expect(row('static-macro')).toMatch(/converted yes/);
  expect(row('undefined')).toMatch(/converted NO .* NMG2005 input\.c:4:\d+ /);
  expect(row('gone')).toMatch(/source missing: no-such-file\.c/);
  expect(r.stdout).toContain('entries 4; source missing 1; converted 2; built n/a (no MPY_DIR)');
  expect(r.stdout).toMatch(/^ {4}1 {2}NMG2005 {3}\[undefined\]$/m);
});

test("a build failure's compiler error is read out of natmodgen build's `[arch] FAILED (stage):` line", () => {
  const log = [
    '[x64] building',
    '[x64] FAILED (compile): src/sha.h:49:10: fatal error: sha256/sha256.h: No such file or directory',
    '1 of 1 architectures failed',
  ].join('\n');
  const probe = `import(${JSON.stringify(SCRIPT)}).then((m) => console.log(JSON.stringify(m.parseBuildErrors(${JSON.stringify(log)}))))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const parsed = JSON.parse(r.stdout);
  expect(parsed.errors).toEqual([
    expect.objectContaining({
      file: 'src/sha.h',
      line: 49,
      col: 10,
      message: 'sha256/sha256.h: No such file or directory',
      kind: 'missing header',
    }),
  ]);
});
