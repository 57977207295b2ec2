/**
 * Inputs that must fail: each folder under test/errors holds input.c and the
 * `file:line:col: severity CODE` heads the CLI must print. Nothing may be written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';

const ERRORS = path.join(repoRoot, 'test', 'errors');
const cases = fs
  .readdirSync(ERRORS)
  .filter((n) => fs.existsSync(path.join(ERRORS, n, 'input.c')))
  .sort();

describe.each(cases)('error case %s', (name) => {
  const dir = path.join(ERRORS, name);
  const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');

  test('exits 2 with the expected located diagnostics and writes nothing', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-err-'));
    const r = await runCli(['gen', '-o', out, 'input.c'], dir);
    expect(r.code).toBe(2);
    const heads = r.stderr
      .split('\n')
      .filter((l) => / (error|warning) NMG\d{4}:/.test(l))
      .map((l) => l.replace(/: [^:]*$/, '').replace(/(NMG\d{4}).*$/, '$1'));
    expect(heads).toEqual(expected);
    expect(r.stderr).toContain('help:');
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('files that cannot be read', () => {
  test.each([
    ['a file that does not exist', ['gen', '-o', 'OUT', 'no/such/file.c'], 'NMG1001'],
    ['an empty file', ['gen', '-o', 'OUT', 'EMPTY'], 'NMG1002'],
    ['a folder that holds no module', ['gen', '-o', 'OUT', 'FOLDER'], 'NMG4002'],
    ['a device', ['gen', '-o', 'OUT', '/dev/zero'], 'NMG1006'],
  ])('%s gives a diagnostic and exit 2', async (_n, args, code) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-read-'));
    fs.writeFileSync(path.join(tmp, 'empty.c'), '  \n');
    fs.mkdirSync(path.join(tmp, 'folder.c'));
    const real = args.map((a) => (a === 'OUT' ? path.join(tmp, 'out') : a === 'EMPTY' ? 'empty.c' : a === 'FOLDER' ? 'folder.c' : a));
    const r = await runCli(real, tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
  });
});

describe('usage errors', () => {
  test.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['gen', '--no-such-option', 'x.c']],
    ['gen without inputs', ['gen']],
    ['several inputs without -o', ['gen', 'a.c', 'b.c']],
  ])('%s exits 2', async (_n, args) => {
    const r = await runCli(args, repoRoot);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });
});
