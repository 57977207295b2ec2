import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../support/cli';

const root = path.resolve(__dirname, '..', '..', '..');
const example = path.join(root, 'examples', 'functions', 'functions.c');

describe('natmodgen build: checks before building (exit 2, one-line fix, nothing written)', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-build-cli-'));
  const saved = process.env.MPY_DIR;
  beforeEach(() => delete process.env.MPY_DIR);
  afterAll(() => {
    if (saved !== undefined) process.env.MPY_DIR = saved;
  });

  test.each([
    ['no output folder', [example], /no output folder\n {2}fix: pass -o OUTDIR/],
    ['no tree', ['-o', 'out', example], /no MicroPython tree\n {2}fix: pass --mpy-dir DIR or set MPY_DIR/],
    ['a folder that is not a tree', ['--mpy-dir', cwd, '-o', 'out', example], /is not a MicroPython tree .*\n {2}fix: pass --mpy-dir/],
  ])('%s', async (_n, args, want) => {
    const r = await runCli(['build', ...args], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
    expect(fs.existsSync(path.join(cwd, 'out'))).toBe(false);
  });

  // A stand-in tree: these checks happen before anything reads more of it than this.
  const mpyDir = path.join(cwd, 'mpy');
  for (const [rel, text] of Object.entries({
    'py/dynruntime.mk': '',
    'tools/mpy_ld.py': '',
    'mpy-cross/build/mpy-cross': '',
    'py/mpconfig.h': '#define MICROPY_VERSION_MAJOR 1\n#define MICROPY_VERSION_MINOR 28\n#define MICROPY_VERSION_MICRO 0\n',
    'py/persistentcode.h': '#define MPY_VERSION 6\n#define MPY_SUB_VERSION 3\n',
  })) {
    fs.mkdirSync(path.dirname(path.join(mpyDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(mpyDir, rel), text);
  }
  test('unknown architecture; a Python without pyelftools', async () => {
    const bad = await runCli(['build', '--mpy-dir', mpyDir, '--arch', 'x64,armv9', '-o', 'out', example], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown architecture armv9\n {2}fix: use all or some of: x86, x64, armv6m/);
    const oldPy = process.env.PYTHON;
    process.env.PYTHON = path.join(cwd, 'no-such-python');
    try {
      const py = await runCli(['build', '--mpy-dir', mpyDir, '-o', 'out', example], cwd);
      expect(py.code).toBe(2);
      expect(py.stderr).toMatch(/cannot run mpy_ld\.py: not found\n {2}fix: set PYTHON to a python3 with pyelftools/);
    } finally {
      if (oldPy === undefined) delete process.env.PYTHON;
      else process.env.PYTHON = oldPy;
    }
    expect(fs.existsSync(path.join(cwd, 'out'))).toBe(false);
  });
});
