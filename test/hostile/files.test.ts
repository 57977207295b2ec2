// The user's files under unlucky conditions: protected files and folders, a full disk,
// I/O errors, special files, oversized inputs, kills during a write, outputs that
// would destroy a source. Each ends in a located diagnostic with exit 2 (or a clean
// result), never with a changed mode, a partial file or a leftover temporary file.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { MAX_INPUT_BYTES } from '../../src/io/read';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs: typeof fs = require('fs');

const functionsC = path.join(repoRoot, 'examples', 'functions', 'functions.c');
const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-hostile-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) {
    try {
      fs.chmodSync(d, 0o755);
      for (const f of fs.readdirSync(d)) fs.chmodSync(path.join(d, f), 0o755);
    } catch {
      // best effort
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

function withFunctions(): { dir: string; file: string; text: string } {
  const dir = tmp();
  const file = path.join(dir, 'functions.c');
  fs.copyFileSync(functionsC, file);
  return { dir, file, text: fs.readFileSync(file, 'utf8') };
}

const debris = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.natmodgen-'));

describe('protected files and folders', () => {
  test('sync refuses a read-only source (0444): exit 2, NMG1009, file and mode unchanged', async () => {
    const { dir, file, text } = withFunctions();
    fs.chmodSync(file, 0o444);
    const r = await runCli(['sync', 'functions.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/functions\.c:1:1: error NMG1009/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(debris(dir)).toEqual([]);
  });

  test('sync --check reads a read-only source without complaint', async () => {
    const { dir, file } = withFunctions();
    fs.chmodSync(file, 0o444);
    const r = await runCli(['sync', '--check', 'functions.c'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NMG5003');
    expect(r.stderr).toContain('it has no natmodgen blocks yet');
  });

  test('sync in a read-only folder: exit 2, NMG1009 naming the folder, no temporary file', async () => {
    const { dir, file, text } = withFunctions();
    fs.chmodSync(dir, 0o555);
    const r = await runCli(['sync', 'functions.c'], dir);
    fs.chmodSync(dir, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG1009');
    expect(r.stderr).toContain(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(debris(dir)).toEqual([]);
  });

  test('gen -o naming an existing file, or a folder under a file: exit 2, NMG1008', async () => {
    const { dir } = withFunctions();
    fs.writeFileSync(path.join(dir, 'plain'), 'x');
    for (const out of ['plain', 'plain/sub']) {
      const r = await runCli(['gen', '-o', out, 'functions.c'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('NMG1008');
      expect(r.stderr).not.toMatch(/internal error|\bat .*\.(js|ts):\d+/);
    }
    expect(fs.readFileSync(path.join(dir, 'plain'), 'utf8')).toBe('x');
  });
});

describe('never lose a file', () => {
  test('gen -o . in the source folder refuses to overwrite the source (NMG1010)', async () => {
    const { dir, file, text } = withFunctions();
    const r = await runCli(['gen', '-o', '.', 'functions.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG1010');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  test('gen refuses to overwrite a file it did not write (NMG1011), and replaces its own output', async () => {
    const { dir } = withFunctions();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'functions.c'), '/* my notes */\n');
    const r = await runCli(['gen', '-o', 'out', 'functions.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG1011');
    expect(fs.readFileSync(path.join(out, 'functions.c'), 'utf8')).toBe('/* my notes */\n');
    fs.rmSync(path.join(out, 'functions.c'));
    expect((await runCli(['gen', '-o', 'out', 'functions.c'], dir)).code).toBe(0);
    fs.appendFileSync(path.join(out, 'functions.c'), '\n');
    expect((await runCli(['gen', '-o', 'out', 'functions.c'], dir)).code).toBe(0);
  });
});

describe('OS errors become diagnostics', () => {
  test.each(['ENOSPC', 'EIO', 'EDQUOT', 'EPERM'])(
    '%s while writing: exit 2, NMG1008, no temporary file, source unchanged',
    async (code) => {
      const { dir, file, text } = withFunctions();
      const spy = jest.spyOn(realFs, 'writeSync').mockImplementation(() => {
        throw Object.assign(new Error(`${code}: simulated`), { code });
      });
      try {
        const r = await runCli(['sync', 'functions.c'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`functions\\.c:1:1: error NMG1008: cannot write .*\\(${code}\\)`));
      } finally {
        spy.mockRestore();
      }
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      expect(debris(dir)).toEqual([]);
    },
  );

  test('EXDEV on the rename: exit 2, no temporary file', async () => {
    const { dir, file, text } = withFunctions();
    const spy = jest.spyOn(realFs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' });
    });
    try {
      const r = await runCli(['sync', 'functions.c'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('(EXDEV)');
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(debris(dir)).toEqual([]);
  });

  test('the write is synced to disk before the rename', async () => {
    const { dir } = withFunctions();
    const order: string[] = [];
    const fsyncReal = realFs.fsyncSync;
    const renameReal = realFs.renameSync;
    const fsync = jest.spyOn(realFs, 'fsyncSync').mockImplementation((fd) => {
      order.push('fsync');
      fsyncReal(fd);
    });
    const rename = jest.spyOn(realFs, 'renameSync').mockImplementation((a, b) => {
      order.push('rename');
      renameReal(a, b);
    });
    try {
      expect((await runCli(['sync', 'functions.c'], dir)).code).toBe(0);
    } finally {
      fsync.mockRestore();
      rename.mockRestore();
    }
    expect(order.indexOf('fsync')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('fsync')).toBeLessThan(order.indexOf('rename'));
  });
});

describe('inputs that are not ordinary source files', () => {
  test('a FIFO is refused before it is opened for reading (NMG1006)', async () => {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.c');
    const mk = spawn('mkfifo', [fifo]);
    await new Promise((res) => mk.on('close', res));
    if (!fs.existsSync(fifo)) throw new Error('mkfifo failed: the FIFO case cannot run');
    const r = await runCli(['gen', 'pipe.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'pipe.c' is a FIFO");
  });

  test('a file over the size limit is refused from its size (NMG1007)', async () => {
    const dir = tmp();
    const big = path.join(dir, 'big.c');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_INPUT_BYTES + 1);
    const read = jest.spyOn(realFs, 'readSync');
    const r = await runCli(['gen', 'big.c'], dir);
    const reads = read.mock.calls.length;
    read.mockRestore();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG1007');
    expect(reads).toBe(0);
  });

  test.each([
    ['a Python file', 'mod.py', 'print(1)\n', 'Python'],
    ['a header', 'mod.h', '#define X 1\n', 'a header'],
    ['a C++ source', 'example.cpp', 'extern "C" {\nint f(void) { return 1; }\n}\n', 'dynruntime.mk compiles only C'],
  ])('%s gets NMG1012 saying what it is', async (_n, name, text, what) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, name), text);
    const r = await runCli(['gen', name], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG1012');
    expect(r.stderr).toContain(what);
  });

  test("natmodgen's own output given as input gets NMG1012", async () => {
    const { dir } = withFunctions();
    expect((await runCli(['gen', '-o', 'out', 'functions.c'], dir)).code).toBe(0);
    const r = await runCli(['gen', 'out/functions.c'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('natmodgen output');
  });
});

describe('encodings', () => {
  test('a UTF-8 byte-order mark is accepted by gen and kept by sync', async () => {
    const { dir, file, text } = withFunctions();
    fs.writeFileSync(file, `\ufeff${text}`);
    const g = await runCli(['gen', 'functions.c'], dir);
    expect(g.code).toBe(0);
    expect(g.stdout.startsWith('\ufeff')).toBe(false);
    expect(g.stdout).not.toContain('\ufeff');
    expect((await runCli(['sync', 'functions.c'], dir)).code).toBe(0);
    const synced = fs.readFileSync(file, 'utf8');
    expect(synced.startsWith('\ufeff')).toBe(true);
    expect(synced.indexOf('\ufeff', 1)).toBe(-1);
    expect((await runCli(['sync', '--check', 'functions.c'], dir)).code).toBe(0);
  });

  test('CR-only line endings are read as lines and kept by sync', async () => {
    const { dir, file, text } = withFunctions();
    fs.writeFileSync(file, text.replace(/\n/g, '\r'));
    expect((await runCli(['gen', 'functions.c'], dir)).code).toBe(0);
    expect((await runCli(['sync', 'functions.c'], dir)).code).toBe(0);
    const synced = fs.readFileSync(file, 'utf8');
    expect(synced).not.toContain('\n');
    expect(synced).toContain('natmodgen');
    expect((await runCli(['sync', '--check', 'functions.c'], dir)).code).toBe(0);
  });
});

describe('kill during a write', () => {
  const main = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  const built = fs.existsSync(main);
  if (!built) process.stderr.write('test/hostile/files.test.ts: SKIPPED kill-during-write: run npm run build first (dist/ is missing)\n');
  (built ? test : test.skip)('SIGKILL at random points leaves the old or the new file, and the next run removes the debris', async () => {
    const { dir, file, text } = withFunctions();
    const gen = await runCli(['sync', 'functions.c'], dir);
    expect(gen.code).toBe(0);
    const synced = fs.readFileSync(file, 'utf8');
    for (let k = 0; k < 12; k++) {
      fs.writeFileSync(file, text);
      const child = spawn(process.execPath, [main, 'sync', 'functions.c'], { cwd: dir, stdio: 'ignore' });
      // Listen before waiting: a run that finishes before the kill has already closed, and a listener
      // added after that would wait forever.
      const closed = new Promise((res) => child.on('close', res));
      await new Promise((res) => setTimeout(res, 40 + ((k * 37) % 300)));
      child.kill('SIGKILL');
      await closed;
      const now = fs.readFileSync(file, 'utf8');
      expect([text, synced]).toContain(now);
    }
    expect((await runCli(['sync', 'functions.c'], dir)).code).toBe(0);
    expect(debris(dir)).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(synced);
  });
});
