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

test('converts, locates the first diagnostic, counts and tabulates causes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-corpus-script-'));
  const manifest = {
    modules: [
      { id: 'functions', dir: 'examples/functions', files: ['functions.c'], defines: [] },
      { id: 'static-macro', dir: 'test/corpus-cases/static-macro', files: ['input.c'], defines: ['STATIC=static'] },
      { id: 'map-elem', dir: 'test/corpus-cases/map-elem-table', files: ['input.c'], defines: [] },
      { id: 'gone', dir: 'examples/functions', files: ['no-such-file.c'], defines: [] },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  const r = runScript({ CORPUS_DIR: repoRoot, CORPUS_MANIFEST: path.join(dir, 'manifest.json') });
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n');
  const row = (id: string) => lines.find((l) => l.startsWith(id + ' '));
  expect(row('functions')).toMatch(/converted yes {2}built n\/a/);
  expect(row('static-macro')).toMatch(/converted NO .* NMG2004 input\.c:\d+:\d+ table 'st_module_globals_table'/);
  expect(row('map-elem')).toMatch(/converted NO .* NMG2004 input\.c:\d+:\d+ /);
  expect(row('gone')).toMatch(/source missing: no-such-file\.c/);
  expect(r.stdout).toContain('entries 4; source missing 1; converted 1; built n/a (no MPY_DIR)');
  expect(r.stdout).toMatch(/^ {4}2 {2}NMG2004 {3}\[static-macro, map-elem\]$/m);
});
