// natmodgen.mk's make logic, with a stand-in natmodgen (fixtures/fake-natmodgen.js)
// and a stand-in dynruntime.mk (fixtures/dynruntime-stub.mk): which files are
// generated where, what dynruntime.mk gets to compile, and when natmodgen runs.
// The build with the real natmodgen and MicroPython is in build.test.ts.
import * as fs from 'fs';
import * as path from 'path';
import { outputPaths } from '../../src/plan/names';
import { cleanEnv, fixtures, fragment, hasCommand, mtime, removeTempDirs, run, Run, tempDir, tick } from './helpers';

afterAll(removeTempDirs);

const haveMake = hasCommand('make');
if (!haveMake) process.stderr.write('test/make/fragment.test.ts: SKIPPED: GNU make is not on PATH\n');
const maybe = haveMake ? describe : describe.skip;

const fake = path.join(fixtures, 'fake-natmodgen.js');
const stub = path.join(fixtures, 'dynruntime-stub.mk');

interface Module {
  dir: string;
  log: string;
  make(...args: string[]): Run;
  /** The natmodgen runs logged so far, each as its argument list. */
  runs(): string[][];
  write(rel: string, text: string): void;
}

/**
 * A module folder with `files` (relative to the folder), and a Makefile with
 * `head` lines before the fragment's include, in subfolder `sub` of a temporary folder.
 */
function module(files: Record<string, string>, head: string[], sub = '.'): Module {
  const dir = path.join(tempDir('fragment'), sub);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const makefile = [
    // the stand-in dynruntime.mk needs no MicroPython tree, Python or compiler
    'NATMODGEN_CHECKS = 0',
    ...head,
    `NATMODGEN = node ${fake}`,
    `include ${fragment}`,
    `include ${stub}`,
    'print-%:',
    '\t@echo "$*=$($*)"',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'Makefile'), makefile);
  const log = path.join(dir, 'natmodgen.log');
  return {
    dir,
    log,
    make: (...args) => run('make', args, dir, cleanEnv({ FAKE_NATMODGEN_LOG: log, FAKE_MOD: undefined })),
    runs: () =>
      fs.existsSync(log)
        ? fs
            .readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as string[])
        : [],
    write: (rel, text) => fs.writeFileSync(path.join(dir, rel), text),
  };
}

const gens = (m: Module) => m.runs().filter((r) => r[0] === 'gen');

function ok(r: Run): Run {
  if (r.code !== 0) throw new Error(`make failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

maybe('natmodgen.mk', () => {
  test('converts all C sources of SRC in one run into $(BUILD)/natmodgen and compiles those', () => {
    const m = module({ 'mod.c': 'int a;\n', 'helper.c': 'int b;\n', 'lib.py': 'x = 1\n' }, ['SRC = mod.c helper.c lib.py']);
    const r = ok(m.make());
    expect(gens(m)).toHaveLength(1);
    expect(gens(m)[0].slice(-4)).toEqual(['-o', 'build/natmodgen', 'mod.c', 'helper.c']);
    expect(fs.readFileSync(path.join(m.dir, 'build/natmodgen/mod.c'), 'utf8')).toContain('int a;');
    expect(fs.existsSync(path.join(m.dir, 'build/build/natmodgen/mod.o'))).toBe(true);
    expect(fs.existsSync(path.join(m.dir, 'build/build/natmodgen/helper.o'))).toBe(true);
    // .py files pass through untouched.
    expect(fs.existsSync(path.join(m.dir, 'build/lib.mpy'))).toBe(true);
    expect(r.stdout).toContain('CC build/natmodgen/mod.c');
    expect(ok(m.make('print-SRC')).stdout.trim()).toBe('SRC=build/natmodgen/mod.c build/natmodgen/helper.c lib.py');
    expect(ok(m.make('print-NATMODGEN_SRC')).stdout.trim()).toBe('NATMODGEN_SRC=mod.c helper.c');
    // The qstr header is made from the converted files.
    expect(fs.readFileSync(path.join(m.dir, 'build/fake_mod.config.h'), 'utf8')).toContain('/* fake natmodgen');
  });

  test('MOD defaults to the registered module name, and a set MOD wins', () => {
    const m = module({ 'mod.c': 'int a;\n' }, ['SRC = mod.c']);
    ok(m.make());
    expect(fs.existsSync(path.join(m.dir, 'fake_mod.mpy'))).toBe(true);
    const n = module({ 'mod.c': 'int a;\n' }, ['MOD = chosen', 'SRC = mod.c']);
    ok(n.make());
    expect(fs.existsSync(path.join(n.dir, 'chosen.mpy'))).toBe(true);
    expect(n.runs().filter((r) => r[0] === 'name')).toHaveLength(0);
    ok(n.make('MOD=fromcli'));
    expect(fs.existsSync(path.join(n.dir, 'fromcli.mpy'))).toBe(true);
  });

  test('a module name natmodgen cannot tell stops make with a message', () => {
    const m = module({ 'mod.c': 'FAIL_NAME\n' }, ['SRC = mod.c']);
    const r = m.make();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('error NMG2001');
    expect(r.stderr).toContain('cannot tell the module name');
    // clean still works.
    expect(m.make('clean').code).toBe(0);
  });

  test('a second make runs nothing; touching a source reruns natmodgen but keeps unchanged output', () => {
    const m = module({ 'mod.c': 'int a;\n', 'helper.c': 'int b;\n' }, ['SRC = mod.c helper.c']);
    ok(m.make());
    const gen = path.join(m.dir, 'build/natmodgen/mod.c');
    const obj = path.join(m.dir, 'build/build/natmodgen/mod.o');
    const [g0, o0] = [mtime(gen), mtime(obj)];

    const again = ok(m.make());
    expect(gens(m)).toHaveLength(1);
    expect(again.stdout).toMatch(/Nothing to be done/);
    expect([mtime(gen), mtime(obj)]).toEqual([g0, o0]);

    tick();
    const now = new Date();
    fs.utimesSync(path.join(m.dir, 'mod.c'), now, now);
    const touched = ok(m.make());
    expect(gens(m)).toHaveLength(2);
    expect(mtime(gen)).toBe(g0);
    expect(touched.stdout).not.toContain('CC ');

    tick();
    m.write('helper.c', 'int b2;\n');
    const edited = ok(m.make());
    expect(gens(m)).toHaveLength(3);
    expect(mtime(gen)).toBe(g0);
    expect(fs.readFileSync(path.join(m.dir, 'build/natmodgen/helper.c'), 'utf8')).toContain('int b2;');
    // (Every object depends on the qstr header made from all of SRC, so all recompile, as with dynruntime.mk alone.)
    expect(edited.stdout).toContain('CC build/natmodgen/helper.c');
  });

  test('NATMODGEN_DEFINES are passed as -D, and changing them (even on the command line) reconverts', () => {
    const m = module({ 'mod.c': 'int a;\n' }, ['NATMODGEN_DEFINES = MICROPY_PY_FOO=1 BAR', 'SRC = mod.c']);
    ok(m.make());
    expect(gens(m)[0]).toEqual(expect.arrayContaining(['-D', 'MICROPY_PY_FOO=1', 'BAR']));
    expect(fs.readFileSync(path.join(m.dir, 'build/natmodgen/mod.c'), 'utf8')).toContain('MICROPY_PY_FOO=1 BAR');
    ok(m.make());
    expect(gens(m)).toHaveLength(1);
    ok(m.make('NATMODGEN_DEFINES=BAZ=2'));
    expect(gens(m)).toHaveLength(2);
    expect(fs.readFileSync(path.join(m.dir, 'build/natmodgen/mod.c'), 'utf8')).toContain('BAZ=2');
  });

  test('a deleted converted file is made again', () => {
    const m = module({ 'mod.c': 'int a;\n' }, ['SRC = mod.c']);
    ok(m.make());
    fs.rmSync(path.join(m.dir, 'build/natmodgen/mod.c'));
    ok(m.make());
    expect(gens(m)).toHaveLength(2);
    expect(fs.existsSync(path.join(m.dir, 'build/natmodgen/mod.c'))).toBe(true);
  });

  test('a failed conversion fails make and is retried by the next make', () => {
    const m = module({ 'mod.c': 'FAIL_GEN\n' }, ['MOD = m', 'SRC = mod.c']);
    const r = m.make();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('error NMG1004');
    expect(m.make().code).not.toBe(0);
    expect(gens(m)).toHaveLength(2);
    tick();
    m.write('mod.c', 'int fixed;\n');
    ok(m.make());
    expect(fs.existsSync(path.join(m.dir, 'm.mpy'))).toBe(true);
  });

  test('make clean removes the converted files', () => {
    const m = module({ 'mod.c': 'int a;\n' }, ['SRC = mod.c']);
    ok(m.make());
    ok(m.make('clean'));
    expect(fs.existsSync(path.join(m.dir, 'build'))).toBe(false);
    expect(fs.existsSync(path.join(m.dir, 'fake_mod.mpy'))).toBe(false);
  });

  test('NATMODGEN_DIR outside BUILD is cleaned too', () => {
    const m = module({ 'mod.c': 'int a;\n' }, ['NATMODGEN_DIR = gen', 'SRC = mod.c']);
    ok(m.make());
    expect(fs.existsSync(path.join(m.dir, 'gen/mod.c'))).toBe(true);
    ok(m.make('clean'));
    expect(fs.existsSync(path.join(m.dir, 'gen'))).toBe(false);
  });

  test('make -j from clean converts once and builds everything', () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 12; k++) files[`src/f${k}.c`] = `int f${k};\n`;
    const m = module(files, [`SRC = ${Object.keys(files).join(' ')}`]);
    for (let round = 0; round < 3; round++) {
      ok(m.make('clean'));
      ok(m.make('-j8'));
      expect(fs.existsSync(path.join(m.dir, 'fake_mod.mpy'))).toBe(true);
      for (let k = 0; k < 12; k++) expect(fs.existsSync(path.join(m.dir, `build/build/natmodgen/f${k}.o`))).toBe(true);
    }
    expect(gens(m)).toHaveLength(3);
  });

  test('ARCH, BUILD and SRC on the command line work', () => {
    const m = module({ 'a.c': 'int a;\n', 'b.c': 'int b;\n' }, ['SRC = a.c']);
    ok(m.make('BUILD=out', 'SRC=a.c b.c', 'ARCH=armv7m'));
    expect(fs.existsSync(path.join(m.dir, 'out/natmodgen/b.c'))).toBe(true);
    expect(fs.existsSync(path.join(m.dir, 'out/out/natmodgen/b.o'))).toBe(true);
  });

  test('a Makefile that names its own default goal keeps it', () => {
    const dir = tempDir('goal');
    fs.writeFileSync(path.join(dir, 'a.c'), 'int a;\n');
    fs.writeFileSync(
      path.join(dir, 'Makefile'),
      [
        'first:',
        '\t@echo first goal',
        'NATMODGEN_CHECKS = 0',
        'SRC = a.c',
        `NATMODGEN = node ${fake}`,
        `include ${fragment}`,
        `include ${stub}`,
        '',
      ].join('\n'),
    );
    expect(ok(run('make', [], dir)).stdout.trim()).toBe('first goal');
  });

  test('SRC without C files stops make with a message', () => {
    const m = module({ 'a.py': 'x = 1\n' }, ['SRC = a.py']);
    const r = m.make();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('SRC lists no .c files');
  });

  // natmodgen decides the output paths; the fragment mirrors that rule to know them.
  describe('converted file paths match natmodgen gen', () => {
    const cases: Array<[string, string[]]> = [
      ['unique names', ['mod.c', 'src/helper.c']],
      ['shared names keep folders', ['a/x.c', 'b/c/x.c']],
      ['shared names under a common folder', ['src/a/x.c', 'src/b/x.c', 'src/y.c']],
      ['shared names, one at the top', ['x.c', 'sub/x.c']],
      ['parent folders', ['../up/x.c', 'x.c']],
    ];
    test.each(cases)('%s', (_name, srcs) => {
      const m = module(Object.fromEntries(srcs.map((s) => [s, 'int a;\n'])), [`SRC = ${srcs.join(' ')}`], 'mod');
      const expected = outputPaths(srcs.map((s) => path.join(m.dir, s))).map((r) => `build/natmodgen/${r}`);
      expect(ok(m.make('print-NATMODGEN_OUT')).stdout.trim()).toBe(`NATMODGEN_OUT=${expected.join(' ')}`);
      ok(m.make());
      for (const e of expected) expect(fs.existsSync(path.join(m.dir, e))).toBe(true);
    });
  });
});
