// Builds examples with `natmodgen init`'s Makefile, natmodgen.mk, the real
// natmodgen CLI (dist/, from `npm run build`) and MicroPython's dynruntime.mk,
// then runs the example's test.py. Needs a MicroPython tree with mpy-cross
// built and a unix port binary:
//
//   MPY_DIR=/path/to/micropython MICROPYTHON=/path/to/micropython/ports/unix/build-standard/micropython \
//     [PYTHON=python3-with-pyelftools] npx jest test/make
import * as fs from 'fs';
import * as path from 'path';
import { mpyAbi, readMpyTree } from '../../src/build/mpy-tree';
import { run as runCli } from '../../src/cli/run';
import { cleanEnv, fragment, hasCommand, mtime, removeTempDirs, repoRoot, run, Run, tempDir, tick } from './helpers';

afterAll(removeTempDirs);

const MPY_DIR = process.env.MPY_DIR;
const MICROPYTHON = process.env.MICROPYTHON;
const enabled = Boolean(MPY_DIR && MICROPYTHON);
const cli = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

if (!enabled) {
  process.stderr.write(
    'test/make/build.test.ts: SKIPPED the natmod builds with make and MicroPython: set MPY_DIR (a MicroPython tree with mpy-cross built) and MICROPYTHON (a unix port binary) to run them\n',
  );
}

/** A temporary copy of examples/NAME with the Makefile `natmodgen init` writes. */
async function scaffold(name: string): Promise<string> {
  const dir = path.join(tempDir('build'), name);
  fs.cpSync(path.join(repoRoot, 'examples', name), dir, { recursive: true });
  let err = '';
  const code = await runCli(['init', dir, '--mpy-dir', MPY_DIR!], { out: () => undefined, err: (s) => (err += s) });
  if (code !== 0) throw new Error(`natmodgen init failed:\n${err}`);
  return dir;
}

function make(dir: string, ...args: string[]): Run {
  const vars = [`NATMODGEN_MK=${fragment}`, ...(process.env.PYTHON ? [`PYTHON=${process.env.PYTHON}`] : [])];
  return run('make', [...vars, ...args], dir, cleanEnv());
}

function ok(r: Run): Run {
  if (r.code !== 0) throw new Error(`make failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Runs test.py with MicroPython from an empty folder, finding the .mpy through MICROPYPATH. */
function runTest(dir: string): string {
  const cwd = tempDir('run');
  const r = run(MICROPYTHON!, [path.join(dir, 'test.py')], cwd, cleanEnv({ MICROPYPATH: dir }));
  return r.stdout + r.stderr;
}

(enabled ? describe : describe.skip)('building natmods with natmodgen.mk and dynruntime.mk', () => {
  beforeAll(() => {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (natmodgen.mk runs the built CLI)`);
  });

  test('examples/functions: builds, imports, runs test.py; rebuilds only what changed', async () => {
    const dir = await scaffold('functions');
    const mpy = path.join(dir, 'nmg_functions.mpy');
    const gen = path.join(dir, 'build', 'x64', 'natmodgen', 'functions.c');
    const src = path.join(dir, 'functions.c');
    const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8');

    const first = ok(make(dir));
    expect(first.stdout).toContain('NATMODGEN functions.c');
    expect(fs.existsSync(mpy)).toBe(true);
    const imported = run(
      MICROPYTHON!,
      ['-c', 'import nmg_functions; print(nmg_functions.__name__)'],
      tempDir('run'),
      cleanEnv({ MICROPYPATH: dir }),
    );
    expect(imported.stdout.trim()).toBe('nmg_functions');
    expect(runTest(dir)).toBe(expected);

    // Nothing changed: nothing is regenerated or rebuilt.
    const [g0, m0] = [mtime(gen), mtime(mpy)];
    const second = ok(make(dir));
    expect(second.stdout).not.toContain('NATMODGEN');
    expect(second.stdout).toMatch(/Nothing to be done/);
    expect([mtime(gen), mtime(mpy)]).toEqual([g0, m0]);

    // Touched but the same: natmodgen runs, its output (and mtime) stays, nothing is recompiled.
    tick();
    const now = new Date();
    fs.utimesSync(src, now, now);
    const touched = ok(make(dir));
    expect(touched.stdout).toContain('NATMODGEN functions.c');
    expect(touched.stdout).not.toContain('CC ');
    expect(mtime(gen)).toBe(g0);

    // Edited: regenerated and rebuilt.
    tick();
    fs.appendFileSync(src, '\n// edited\n');
    const edited = ok(make(dir));
    expect(edited.stdout).toContain('NATMODGEN functions.c');
    expect(edited.stdout).toContain('CC build/x64/natmodgen/functions.c');
    expect(mtime(gen)).not.toBe(g0);
    expect(fs.readFileSync(gen, 'utf8')).toContain('// edited');
    expect(runTest(dir)).toBe(expected);

    // clean removes the generated files and the .mpy.
    ok(make(dir, 'clean'));
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
    expect(fs.existsSync(mpy)).toBe(false);

    // Parallel from clean.
    ok(make(dir, '-j4'));
    expect(fs.existsSync(gen)).toBe(true);
    expect(runTest(dir)).toBe(expected);
  });

  test.each(['classes', 'conditional'])('examples/%s builds and passes its test.py', async (name) => {
    const dir = await scaffold(name);
    ok(make(dir, '-j4'));
    expect(runTest(dir)).toBe(fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
  });

  test('switching ARCH rebuilds the .mpy for the new architecture, from its own build folder', async () => {
    const dir = await scaffold('classes');
    const mpy = path.join(dir, 'nmg_classes.mpy');
    const archOf = () => fs.readFileSync(mpy)[2] >> 2;
    ok(make(dir, 'ARCH=x64'));
    expect(archOf()).toBe(2);
    if (!hasCommand('arm-none-eabi-gcc')) throw new Error('arm-none-eabi-gcc is not on PATH (Debian: gcc-arm-none-eabi)');
    ok(make(dir, 'ARCH=armv7m'));
    expect(archOf()).toBe(5);
    const back = ok(make(dir, 'ARCH=x64'));
    expect(back.stdout).not.toContain('CC ');
    expect(archOf()).toBe(2);
    expect(fs.existsSync(path.join(dir, 'build', 'armv7m', 'natmodgen'))).toBe(true);
  });

  test("compiler errors name the source as seen from make's folder (a path the user can open)", async () => {
    const dir = await scaffold('functions');
    const src = path.join(dir, 'functions.c');
    const lines = fs.readFileSync(src, 'utf8').split('\n');
    // An error only the C compiler sees (-Werror: an unused variable), inside a function.
    const at = lines.findIndex((l) => /^static mp_obj_t \w+\(/.test(l) && l.trimEnd().endsWith('{')) + 1;
    lines.splice(at, 0, '    int nmg_test_unused = 0;');
    fs.writeFileSync(src, lines.join('\n'));
    const r = make(dir, 'ARCH=x64');
    expect(r.code).not.toBe(0);
    const m = /^(.*?):(\d+):\d+: error: unused variable/m.exec(r.stderr);
    expect(m).not.toBeNull();
    expect(m![1]).toBe('functions.c');
    expect(Number(m![2])).toBe(at + 1);
    expect(fs.existsSync(path.join(dir, m![1]))).toBe(true);
  });

  test('make clean needs neither MPY_DIR nor natmodgen', async () => {
    const dir = await scaffold('classes');
    ok(make(dir, 'ARCH=x64'));
    expect(fs.existsSync(path.join(dir, 'nmg_classes.mpy'))).toBe(true);
    const r = run('make', [`NATMODGEN_MK=${fragment}`, 'MPY_DIR=', 'NATMODGEN=false', 'clean'], dir, cleanEnv());
    expect({ code: r.code, err: r.stderr }).toEqual({ code: 0, err: '' });
    expect(fs.existsSync(path.join(dir, 'nmg_classes.mpy'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  test('make natmodgen-build: every architecture asked for, packaged, in one command', async () => {
    const dir = await scaffold('classes');
    const r = ok(make(dir, 'natmodgen-build', 'NATMODGEN_ARCHES=x64 armv7m', 'NATMODGEN_DIST=site'));
    expect(r.stdout).toMatch(/^x64\s+ok\s+\d+/m);
    expect(r.stdout).toMatch(/^armv7m\s+ok\s+\d+/m);
    const abi = mpyAbi(readMpyTree(MPY_DIR!).tree!);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'site', 'package.json'), 'utf8'));
    expect(pkg.urls.map((u: string[]) => u[0])).toEqual([
      'nmg_classes.py',
      `nmg_classes_mpy/x64_${abi}/nmg_classes.mpy`,
      `nmg_classes_mpy/armv7m_${abi}/nmg_classes.mpy`,
    ]);
    expect(fs.readFileSync(path.join(dir, 'site', `armv7m_${abi}`, 'nmg_classes.mpy'))[2] >> 2).toBe(5);
  });

  test('up-front checks stop make with a one-line fix: MPY_DIR, PYTHON, compiler', async () => {
    const dir = await scaffold('classes');
    const cases: Array<[string[], RegExp]> = [
      [['MPY_DIR='], /natmodgen\.mk: MPY_DIR is not set\. Fix: make MPY_DIR=/],
      [[`MPY_DIR=${dir}`], /is not a MicroPython tree \(no py\/dynruntime\.mk\)\. Fix:/],
      [['PYTHON=/bin/false'], /PYTHON=\/bin\/false cannot import pyelftools, which mpy_ld\.py needs\. Fix:/],
      [['ARCH=xtensawin'], /no xtensa-esp32-elf-gcc for ARCH=xtensawin\. Fix: install the ESP-IDF toolchain/],
    ];
    for (const [args, want] of cases) {
      const r = make(dir, ...args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(want);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  test('libm calls (sqrt, pow, sin, floor, fmod) link through the fragment on x64, and equal the firmware math module', async () => {
    // test/e2e/compiler-math: glibc's libm cannot link into a natmod; the fragment takes MicroPython's lib/libm_dbl.
    const dir = path.join(tempDir('build'), 'compmath');
    fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'compiler-math'), dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'Makefile'),
      `MPY_DIR = ${MPY_DIR}\nSRC = compmath.c\nARCH ?= x64\ninclude $(NATMODGEN_MK)\ninclude $(MPY_DIR)/py/dynruntime.mk\n`,
    );
    ok(make(dir));
    expect(fs.existsSync(path.join(dir, 'build', 'x64', 'natmodgen-libm.a'))).toBe(true);
    const out = runTest(dir);
    expect(out.trim().split('\n')).toHaveLength(3);
    expect(out).toMatch(/^0\.5 \['0\.7071', /);
    expect(out).not.toMatch(/False|Error/);
    if (hasCommand('arm-none-eabi-gcc')) {
      // soft-float helpers and lib/libm (float) for armv7m through the same pass
      ok(make(dir, 'ARCH=armv7m'));
      expect(fs.readFileSync(path.join(dir, 'compmath.mpy'))[2] >> 2).toBe(5);
    }
  }, 900_000);

  test('a module that needs no helper gets an empty helper object and no libm archive', async () => {
    const dir = await scaffold('classes');
    ok(make(dir));
    const helpers = path.join(dir, 'build', 'x64', 'natmodgen-helpers.o');
    expect(fs.existsSync(helpers)).toBe(true);
    expect(run('nm', [helpers], dir, cleanEnv()).stdout.trim()).toBe('');
    expect(fs.existsSync(path.join(dir, 'build', 'x64', 'natmodgen-libm.a'))).toBe(false);
  });

  const haveArm = hasCommand('arm-none-eabi-gcc');
  if (!haveArm && enabled)
    process.stderr.write('test/make/build.test.ts: SKIPPED the ARCH=armv7m build: arm-none-eabi-gcc is not on PATH\n');
  // (examples/functions needs memset on armv7m, which natmodgen does not provide yet.)
  (haveArm ? test.each : test.skip.each)(['classes', 'conditional'])('examples/%s builds for ARCH=armv7m', async (name) => {
    const dir = await scaffold(name);
    ok(make(dir, 'ARCH=armv7m'));
    const mpy = fs.readdirSync(dir).filter((f) => f.endsWith('.mpy'));
    expect(mpy).toHaveLength(1);
    // .mpy header: 'M', version 6, then the architecture in the top bits of the flags byte (armv7m is 5).
    const head = fs.readFileSync(path.join(dir, mpy[0]));
    expect(head[0]).toBe(0x4d);
    expect(head[2] >> 2).toBe(5);
  });
});

if (!enabled) {
  test.skip('natmod builds with make and MicroPython (set MPY_DIR and MICROPYTHON to run)', () => undefined);
}
