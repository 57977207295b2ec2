// File and folder names that C string literals and comments cannot hold as they are:
// the generated #line directives and header comment still name the file exactly.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { cStringBody } from '../../src/plan/c';

const haveGcc = spawnSync('gcc', ['--version']).status === 0;
if (!haveGcc) process.stderr.write('test/hostile/paths.test.ts: SKIPPED the gcc checks: gcc is not on PATH\n');

const NAMES = ['quote"d', 'back\\slash', 'star*', 'tri??=graph', 'new\nline', 'tab\there'];

describe.each(NAMES)('a source in a folder named %j', (folder) => {
  test('gen succeeds; gcc reads every #line as the real path, and the comment stays closed', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-paths-'));
    const dir = path.join(root, folder);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(repoRoot, 'examples', 'functions', 'functions.c'), path.join(dir, 'functions.c'));
    const out = path.join(root, 'out');
    const r = await runCli(['gen', '-o', out, path.join(folder, 'functions.c')], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(out, 'functions.c'), 'utf8');
    const lines = [...text.matchAll(/^#line \d+ "(?:[^"\\\n]|\\.)*"$/gm)].map((m) => m[0]);
    expect(lines.length).toBeGreaterThan(0);
    // The header comment ends where natmodgen ends it.
    expect(text.indexOf('*/')).toBe(text.indexOf(' */\n') + 1);
    if (!haveGcc) return;
    // A probe: the first #line, then an error gcc reports under the file name it read.
    const probe = path.join(root, 'probe.c');
    fs.writeFileSync(probe, `${text.slice(0, text.indexOf(' */\n') + 4)}${lines[0]}\n#error probe\n`);
    const g = spawnSync('gcc', ['-fsyntax-only', '-Wall', '-Werror', '-trigraphs', probe], { encoding: 'utf8' });
    const expected = path.relative(out, path.join(dir, 'functions.c')).split(path.sep).join('/');
    expect(g.stderr).toContain(`${expected}:`);
    expect(g.stderr).toContain('#error probe');
    expect(g.stderr).not.toMatch(/warning|missing terminating|invalid|trigraph/);
  });
});

test.each<[string, string]>([
  ['plain/path.c', 'plain/path.c'],
  ['a"b', 'a\\"b'],
  ['a\\b', 'a\\\\b'],
  ['??=', '?\\?='],
  ['x*/y', 'x\\052/y'],
  ['a\nb', 'a\\nb'],
  ['\u0001', '\\001'],
])('cStringBody(%j) = %j', (given, want) => {
  expect(cStringBody(given)).toBe(want);
});

test('--line-base: #line names the source and the converted file as seen from that folder (where make runs the compiler)', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-paths-'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.copyFileSync(path.join(repoRoot, 'examples', 'functions', 'functions.c'), path.join(root, 'src', 'functions.c'));
  const r = await runCli(['gen', '--line-base', '.', '-o', 'build/x64/natmodgen', 'src/functions.c'], root);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const text = fs.readFileSync(path.join(root, 'build', 'x64', 'natmodgen', 'functions.c'), 'utf8');
  const files = new Set([...text.matchAll(/^#line \d+ "([^"]*)"$/gm)].map((m) => m[1]));
  expect([...files].sort()).toEqual(['build/x64/natmodgen/functions.c', 'src/functions.c']);
  // Without it, the paths are relative to the converted file's folder.
  const d = await runCli(['gen', '-o', 'build/x64/natmodgen', 'src/functions.c'], root);
  expect(d.code).toBe(0);
  const dflt = fs.readFileSync(path.join(root, 'build', 'x64', 'natmodgen', 'functions.c'), 'utf8');
  expect(new Set([...dflt.matchAll(/^#line \d+ "([^"]*)"$/gm)].map((m) => m[1]))).toEqual(
    new Set(['../../../src/functions.c', 'functions.c']),
  );
});
