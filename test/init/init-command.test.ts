// `natmodgen init` and `natmodgen makefile` through the CLI, on temporary copies
// of the examples and on small made-up modules.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run as runCli } from '../../src/cli/run';
import { fakeMpyTree } from '../support/mpy-tree';
import { cleanEnv, fixtures, fragment, hasCommand, removeTempDirs, run, tempDir } from '../make/helpers';

afterAll(removeTempDirs);

/** --mpy-dir and MPY_DIR are checked: they name a (stand-in) MicroPython tree. */
const fakeMp = fakeMpyTree();
const fakeMpRe = fakeMp.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const repoRoot = path.resolve(__dirname, '..', '..');
const examplesDir = path.join(repoRoot, 'examples');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** Runs `fn` with MPY_DIR set to `value` (or unset) in this process's environment. */
async function withMpyDir<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const old = process.env.MPY_DIR;
  if (value === undefined) delete process.env.MPY_DIR;
  else process.env.MPY_DIR = value;
  try {
    return await fn();
  } finally {
    if (old === undefined) delete process.env.MPY_DIR;
    else process.env.MPY_DIR = old;
  }
}

function folder(files: Record<string, string>): string {
  const dir = tempDir('init');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A MicroPython tree whose py/dynruntime.mk is the test stand-in. */
function stubMpyDir(): string {
  const dir = tempDir('mpy');
  fs.mkdirSync(path.join(dir, 'py'));
  fs.copyFileSync(path.join(fixtures, 'dynruntime-stub.mk'), path.join(dir, 'py', 'dynruntime.mk'));
  // make/natmodgen.mk checks that mpy-cross is built before anything else.
  fs.mkdirSync(path.join(dir, 'mpy-cross', 'build'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'mpy-cross', 'build', 'mpy-cross'), '');
  return dir;
}

const examples = fs
  .readdirSync(examplesDir)
  .filter((n) => fs.existsSync(path.join(examplesDir, n, 'micropython.mk')))
  .sort();

const haveMake = hasCommand('make');
if (!haveMake) process.stderr.write('test/init/init-command.test.ts: SKIPPED the make runs: GNU make is not on PATH\n');

describe('natmodgen init on the examples', () => {
  test('there are examples to scaffold', () => {
    expect(examples).toEqual(expect.arrayContaining(['classes', 'conditional', 'functions']));
  });

  test.each(examples)('%s', async (name) => {
    const dir = path.join(tempDir('example'), name);
    fs.cpSync(path.join(examplesDir, name), dir, { recursive: true });
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.c'))
      .sort();

    const r = await cli('init', dir, '--mpy-dir', fakeMp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${path.join(dir, 'Makefile')} (from micropython.mk: ${sources.length} source`);
    const mk = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
    expect(mk).toMatch(new RegExp(`^MPY_DIR \\?= ${fakeMpRe}$`, 'm'));
    // SRC lists the folder's C files (in the order micropython.mk gives).
    expect(/^SRC = (.*)$/m.exec(mk)?.[1].split(' ').sort()).toEqual(sources);
    expect(mk).toMatch(/^CFLAGS \+= -I\.$/m);
    expect(mk).toMatch(/^ARCH \?= x64$/m);
    const fragAt = mk.indexOf('include $(NATMODGEN_MK)');
    const dynAt = mk.indexOf('include $(MPY_DIR)/py/dynruntime.mk');
    expect(fragAt).toBeGreaterThan(mk.indexOf('SRC ='));
    expect(dynAt).toBeGreaterThan(fragAt);

    if (haveMake) {
      // The Makefile works with the fragment (natmodgen and dynruntime.mk stood in for).
      const mpy = stubMpyDir();
      const m = run(
        'make',
        [`MPY_DIR=${mpy}`, 'NATMODGEN_CHECKS=0', `NATMODGEN_MK=${fragment}`, `NATMODGEN=node ${path.join(fixtures, 'fake-natmodgen.js')}`],
        dir,
        cleanEnv({ FAKE_MOD: name }),
      );
      expect(m.stderr).toBe('');
      expect(m.code).toBe(0);
      // make/natmodgen.mk builds each architecture in its own folder (ARCH is x64 in the Makefile init writes).
      for (const s of sources) expect(fs.existsSync(path.join(dir, 'build', 'x64', 'natmodgen', s))).toBe(true);
      expect(fs.existsSync(path.join(dir, `${name}.mpy`))).toBe(true);
    }
  });
});

describe('natmodgen init', () => {
  const mk = [
    'MOD_DIR := $(USERMOD_DIR)',
    'SRC_USERMOD_C += $(MOD_DIR)/mod.c $(MOD_DIR)/src/helper.c',
    'CFLAGS_USERMOD += -I$(MOD_DIR)/include -DMY_FEATURE=1',
    '',
  ].join('\n');

  test('writes SRC, include folders and flags relative to the module folder', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '', 'src/helper.c': '' });
    const r = await cli('init', dir, '--mpy-dir', fakeMp, '--arch', 'armv7m');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
    expect(text).toMatch(/^SRC = mod\.c src\/helper\.c$/m);
    expect(text).toMatch(/^CFLAGS \+= -Iinclude -DMY_FEATURE=1$/m);
    expect(text).toMatch(/^ARCH \?= armv7m$/m);
  });

  test('long source lists are wrapped', async () => {
    const names = Array.from({ length: 12 }, (_, k) => `source_file_${k}.c`);
    const dir = folder({
      'micropython.mk': `SRC_USERMOD_C += ${names.map((n) => `$(USERMOD_DIR)/${n}`).join(' ')}\n`,
      ...Object.fromEntries(names.map((n) => [n, ''])),
    });
    expect((await cli('init', dir, '--mpy-dir', fakeMp)).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
    expect(text).toContain(`SRC = \\\n    source_file_0.c \\\n`);
    expect(text).toContain(`    source_file_11.c\n`);
  });

  test('MPY_DIR comes from the environment, else is a placeholder that stops make with a message', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '', 'src/helper.c': '' });
    await withMpyDir(fakeMp, () => cli('init', dir));
    expect(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8')).toMatch(new RegExp(`^MPY_DIR \\?= ${fakeMpRe}$`, 'm'));

    const r = await withMpyDir(undefined, () => cli('init', dir, '--force'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MPY_DIR=/path/to/micropython');
    expect(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8')).toMatch(/^MPY_DIR \?= \$\(error set MPY_DIR to/m);
    if (haveMake) {
      const m = run('make', [`NATMODGEN_MK=${fragment}`], dir, cleanEnv({ MPY_DIR: undefined }));
      expect(m.code).not.toBe(0);
      expect(m.stderr).toContain('set MPY_DIR to the top of your MicroPython source tree');
    }
  });

  (haveMake ? test : test.skip)('without NATMODGEN_MK and natmodgen on PATH, make says how to set it', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '', 'src/helper.c': '' });
    await cli('init', dir, '--mpy-dir', fakeMp);
    // A PATH with make alone on it.
    const bin = tempDir('path');
    fs.symlinkSync(run('sh', ['-c', 'command -v make'], dir).stdout.trim(), path.join(bin, 'make'));
    const m = run(path.join(bin, 'make'), [], dir, cleanEnv({ PATH: bin }));
    expect(m.code).not.toBe(0);
    expect(m.stderr).toContain("natmodgen's Makefile fragment was not found");
  });

  test('refuses to overwrite a Makefile unless --force', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '', 'src/helper.c': '', Makefile: 'mine\n' });
    const r = await cli('init', dir, '--mpy-dir', fakeMp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`natmodgen: error NMG4009: '${path.join(dir, 'Makefile')}' already exists`);
    expect(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8')).toBe('mine\n');
    expect((await cli('init', dir, '--mpy-dir', fakeMp, '--force')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8')).toContain('include $(NATMODGEN_MK)');
  });

  test('reads micropython.cmake when there is no micropython.mk, or when asked', async () => {
    const cmake = [
      'add_library(usermod_m INTERFACE)',
      'target_sources(usermod_m INTERFACE ${CMAKE_CURRENT_LIST_DIR}/cmod.c)',
      'target_include_directories(usermod_m INTERFACE ${CMAKE_CURRENT_LIST_DIR})',
      '',
    ].join('\n');
    const only = folder({ 'micropython.cmake': cmake, 'cmod.c': '' });
    const r = await cli('init', only, '--mpy-dir', fakeMp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from micropython.cmake: 1 source');
    expect(fs.readFileSync(path.join(only, 'Makefile'), 'utf8')).toMatch(/^SRC = cmod\.c$/m);

    const both = folder({ 'micropython.cmake': cmake, 'micropython.mk': mk, 'cmod.c': '', 'mod.c': '', 'src/helper.c': '' });
    await cli('init', both, '--mpy-dir', fakeMp);
    expect(fs.readFileSync(path.join(both, 'Makefile'), 'utf8')).toMatch(/^SRC = mod\.c src\/helper\.c$/m);
    await cli('init', both, '--mpy-dir', fakeMp, '--from', 'cmake', '--force');
    expect(fs.readFileSync(path.join(both, 'Makefile'), 'utf8')).toMatch(/^SRC = cmod\.c$/m);
  });

  test('takes the build description itself as well as its folder', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '', 'src/helper.c': '' });
    expect((await cli('init', path.join(dir, 'micropython.mk'), '--mpy-dir', fakeMp)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'Makefile'))).toBe(true);
  });

  test('warns about listed sources that do not exist, and still writes the Makefile', async () => {
    const dir = folder({ 'micropython.mk': mk, 'mod.c': '' });
    const r = await cli('init', dir, '--mpy-dir', fakeMp);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/micropython\.mk:2:1: warning NMG4010: source '.*src\/helper\.c' does not exist/);
  });

  (hasCommand('make') ? test : test.skip)('evaluates with GNU make what its own reading cannot: $(shell), include, define', async () => {
    const dir = folder({
      'micropython.mk': [
        'MOD_DIR := $(USERMOD_DIR)',
        'SRC_USERMOD_C += $(shell ls $(MOD_DIR)/src/*.c)',
        'include $(MOD_DIR)/extra.mk',
        '',
      ].join('\n'),
      'extra.mk': [
        'define FLAGS',
        '-DFROM_DEFINE=1',
        'endef',
        'CFLAGS_USERMOD += $(FLAGS) -I$(USERMOD_DIR)/inc',
        'SRC_USERMOD_C += $(USERMOD_DIR)/more.c',
        '',
      ].join('\n'),
      'src/a.c': '',
      'src/b.c': '',
      'more.c': '',
    });
    const r = await cli('init', dir, '--mpy-dir', fakeMp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
    expect(text).toMatch(/^SRC = src\/a\.c src\/b\.c more\.c$/m);
    expect(text).toMatch(/^CFLAGS \+= -Iinc -DFROM_DEFINE=1$/m);
  });

  (hasCommand('cmake') ? test : test.skip)(
    'evaluates with CMake in script mode what its own reading cannot: functions, list(TRANSFORM)',
    async () => {
      const cm = [
        'add_library(usermod_x INTERFACE)',
        'function(x_sources out)',
        '  set(${out} a.c b.c PARENT_SCOPE)',
        'endfunction()',
        'x_sources(X_SRC)',
        'list(TRANSFORM X_SRC PREPEND ${CMAKE_CURRENT_LIST_DIR}/src/)',
        'target_sources(usermod_x INTERFACE ${X_SRC})',
        'target_include_directories(usermod_x INTERFACE ${CMAKE_CURRENT_LIST_DIR}/inc)',
        'target_compile_definitions(usermod_x INTERFACE X_FEATURE=1)',
        'target_link_libraries(usermod INTERFACE usermod_x)',
        '',
      ].join('\n');
      const dir = folder({ 'micropython.cmake': cm, 'src/a.c': '', 'src/b.c': '' });
      const r = await cli('init', dir, '--mpy-dir', fakeMp);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
      expect(text).toMatch(/^SRC = src\/a\.c src\/b\.c$/m);
      expect(text).toMatch(/^CFLAGS \+= -Iinc -DX_FEATURE=1$/m);
    },
  );

  const errors: Array<[string, () => string, RegExp]> = [
    ['no such folder', () => path.join(os.tmpdir(), 'natmodgen-no-such-folder'), /^natmodgen: error NMG4001: no such folder/],
    ['neither file', () => folder({ 'mod.c': '' }), /^natmodgen: error NMG4002: '.*' holds neither micropython\.mk nor micropython\.cmake/],
    [
      'an unparsable micropython.mk',
      () => folder({ 'micropython.mk': 'SRC_USERMOD_C += mod.c\nifeq (a,b)\n', 'mod.c': '' }),
      /micropython\.mk:2:1: error NMG4003: cannot parse this: missing 'endif'/,
    ],
    [
      'a micropython.mk that stops the build',
      () => folder({ 'micropython.mk': 'SRC_USERMOD_C += mod.c\n$(error no board selected)\n', 'mod.c': '' }),
      hasCommand('make')
        ? /micropython\.mk:2:1: error NMG4003: cannot parse this: make: no board selected/
        : /micropython\.mk:2:1: error NMG4004: natmodgen init cannot evaluate \$\(error no board selected\)/,
    ],
    [
      'an unparsable micropython.cmake',
      () => folder({ 'micropython.cmake': 'target_sources(x INTERFACE\n  mod.c\n', 'mod.c': '' }),
      /micropython\.cmake:1:1: error NMG4003: cannot parse this: unbalanced parentheses/,
    ],
    [
      'no C sources',
      () => folder({ 'micropython.mk': 'CFLAGS_USERMOD += -I$(USERMOD_DIR)\n' }),
      /micropython\.mk:1:1: error NMG4008: micropython\.mk lists no C sources/,
    ],
  ];
  test.each(errors)('reports %s with exit code 2 and writes nothing', async (_name, make, message) => {
    const dir = make();
    const r = await cli('init', dir, '--mpy-dir', fakeMp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'Makefile'))).toBe(false);
  });
});

describe('natmodgen makefile', () => {
  test('prints the absolute path of make/natmodgen.mk', async () => {
    const r = await cli('makefile');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${fragment}\n`);
    expect(path.isAbsolute(r.stdout.trim())).toBe(true);
    expect(fs.existsSync(r.stdout.trim())).toBe(true);
  });
});
