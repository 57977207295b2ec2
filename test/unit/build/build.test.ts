import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArchList, NATMOD_ARCHES, NATIVE_ARCH_CODE } from '../../../src/build/arches';
import { X86_ALIGNMENT, archMakefile, entryFirst, firstError, xtensaConfigHeader } from '../../../src/build/arch-build';
import { MpyTree, mpyAbi, readMpyTree } from '../../../src/build/mpy-tree';
import { buildTag, loaderSource, packageJson, singleArchPackageJson } from '../../../src/build/package';
import { summaryTable } from '../../../src/build/summary';
import { buildModule } from '../../../src/build';

describe('parseArchList', () => {
  test.each([
    ['all', { arches: [...NATMOD_ARCHES], all: true, unknown: [] }],
    [undefined, { arches: [...NATMOD_ARCHES], all: true, unknown: [] }],
    ['armv7m,x64', { arches: ['x64', 'armv7m'], all: false, unknown: [] }],
    ['x64 rv32imc, armv9', { arches: ['x64', 'rv32imc'], all: false, unknown: ['armv9'] }],
  ])('%s', (spec, want) => {
    expect(parseArchList(spec)).toEqual(want);
  });
});

describe('readMpyTree', () => {
  function tree(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-tree-'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  }
  const full = {
    'py/dynruntime.mk': '',
    'tools/mpy_ld.py': '',
    'mpy-cross/build/mpy-cross': '',
    'py/mpconfig.h':
      '#define MICROPY_VERSION_MAJOR 1\n#define MICROPY_VERSION_MINOR 29\n#define MICROPY_VERSION_MICRO 2\n#define MICROPY_VERSION_PRERELEASE 1\n',
    'py/persistentcode.h': '#define MPY_VERSION 7\n#define MPY_SUB_VERSION 1\n',
  };
  test('versions come from the tree', () => {
    const r = readMpyTree(tree(full));
    expect(r.problems).toEqual([]);
    expect(r.tree).toMatchObject({ version: '1.29.2-preview', mpyVersion: 7, mpySubVersion: 1 });
    expect(mpyAbi(r.tree!)).toBe('7.1');
  });
  test('not a tree, or mpy-cross not built: a problem with a fix', () => {
    expect(readMpyTree(tree({})).problems[0].fix).toMatch(/--mpy-dir/);
    const noCross = { ...full } as Record<string, string>;
    delete noCross['mpy-cross/build/mpy-cross'];
    expect(readMpyTree(tree(noCross)).problems[0].fix).toMatch(/^build mpy-cross first: make -C .*mpy-cross$/);
  });
});

describe('firstError', () => {
  test.each([
    ['compiler error over make noise', 'CC mod.c\nmod.c:3:1: error: expected ;\nmake: *** [x] Error 1', 'mod.c:3:1: error: expected ;'],
    [
      'mpy_ld link error',
      'LINK build/mod.o\nLinkError: build/mod.o: undefined symbol: __divsi3\nmake: *** [y] Error 1',
      'LinkError: build/mod.o: undefined symbol: __divsi3',
    ],
    ['only make', 'make: *** [y] Error 2', 'make: *** [y] Error 2'],
    ['nothing', '', 'failed without output'],
  ])('%s', (_n, log, want) => {
    expect(firstError(log)).toBe(want);
  });
});

describe('archMakefile', () => {
  test('dynruntime.mk with the helper objects and extra flags', () => {
    const text = archMakefile({
      toolchain: {
        arch: 'xtensa',
        cross: 'xtensa-lx106-elf-',
        installed: true,
        libgcc: '',
        libm: '',
        floatImpl: 'none',
        extraCflags: ['-Ihdr'],
      },
      mpyDir: '/mpy',
      module: 'mod',
      sources: [
        { rel: 'a.c', text: '' },
        { rel: 'b.c', text: '' },
      ],
      includeDirs: ['/inc'],
    });
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'MPY_DIR = /mpy',
        'MOD = mod',
        'SRC = a.c b.c',
        'ARCH = xtensa',
        'CFLAGS_EXTRA += -I/inc',
        'CFLAGS_EXTRA += -Ihdr',
        'include $(MPY_DIR)/py/dynruntime.mk',
        '$(BUILD)/$(MOD).native.mpy: $(sort $(wildcard runtime-helpers/*.o))',
      ]),
    );
    // the helpers are extra prerequisites of the link, so mpy_ld sees them after the module's objects
    expect(text.indexOf('include $(MPY_DIR)')).toBeLessThan(text.indexOf('runtime-helpers/*.o'));
    expect(text).not.toMatch(/^SRC_O\s*\+?=/m);
    // the link (and only the link) runs mpy_ld through the wrapper that names the .mpy "_", after dynruntime.mk set MPY_LD
    const ld = text.split('\n').findIndex((l) => l.startsWith('$(BUILD)/$(MOD).native.mpy: MPY_LD = $(PYTHON) '));
    expect(text.split('\n')[ld]).toMatch(/make[\\/]natmodgen-mpy-ld\.py \$\(MPY_DIR\)\/tools\/mpy_ld\.py$/);
    expect(ld).toBeGreaterThan(text.split('\n').indexOf('include $(MPY_DIR)/py/dynruntime.mk'));
    // xtensa: the configuration header natmodgen wraps around mpy_ld's, after dynruntime.mk set MP_CONFIGFILE
    const wrap = text.split('\n').findIndex((l) => l.includes('-UMP_CONFIGFILE'));
    expect(text.split('\n')[wrap]).toBe(
      "CFLAGS += -UMP_CONFIGFILE -DMP_CONFIGFILE='<natmodgen-xtensa-config.h>' -DNATMODGEN_MP_CONFIGFILE='<$(CONFIG_H)>'",
    );
    expect(wrap).toBeGreaterThan(text.split('\n').indexOf('include $(MPY_DIR)/py/dynruntime.mk'));
    expect(text).not.toMatch(/MICROPY_FLOAT_IMPL/);
  });

  const tc = (arch: 'x64' | 'rv32imc', floatOverride?: string) => ({
    arch,
    cross: '',
    installed: true,
    libgcc: '',
    libm: '',
    floatImpl: floatOverride ?? 'none',
    floatOverride,
    extraCflags: [],
  });
  test('--float-impl reaches dynruntime.mk before its include; no wrapper off xtensa', () => {
    const text = archMakefile({
      toolchain: tc('rv32imc', 'float'),
      mpyDir: '/mpy',
      module: 'm',
      sources: [{ rel: 'a.c', text: '' }],
      includeDirs: [],
    });
    // GCC's maybe-uninitialized analysis stays a warning under dynruntime.mk's -Werror (oclyke/city-skies sicgl)
    expect(text.split('\n')).toContain('CFLAGS += -Wno-error=maybe-uninitialized');
    expect(text.indexOf('MICROPY_FLOAT_IMPL = float')).toBeGreaterThan(0);
    expect(text.indexOf('MICROPY_FLOAT_IMPL = float')).toBeLessThan(text.indexOf('include $(MPY_DIR)/py/dynruntime.mk'));
    expect(text).not.toMatch(/MP_CONFIGFILE/);
    const plain = archMakefile({ toolchain: tc('x64'), mpyDir: '/mpy', module: 'm', sources: [{ rel: 'a.c', text: '' }], includeDirs: [] });
    expect(plain).not.toMatch(/MICROPY_FLOAT_IMPL|MP_CONFIGFILE/);
  });
  test('x86 and x64 compile with the psABI data alignment, before dynruntime.mk; no other arch does', () => {
    const lines = archMakefile({
      toolchain: tc('x64'),
      mpyDir: '/mpy',
      module: 'm',
      sources: [{ rel: 'a.c', text: '' }],
      includeDirs: [],
    }).split('\n');
    const at = lines.indexOf(`CFLAGS_EXTRA += ${X86_ALIGNMENT}`);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.indexOf('include $(MPY_DIR)/py/dynruntime.mk'));
    const rv = archMakefile({
      toolchain: tc('rv32imc'),
      mpyDir: '/mpy',
      module: 'm',
      sources: [{ rel: 'a.c', text: '' }],
      includeDirs: [],
    });
    expect(rv).not.toContain(X86_ALIGNMENT);
  });
});

describe('xtensaConfigHeader', () => {
  test('includes mpy_ld configuration first, then makes the qstr table opaque', () => {
    const h = xtensaConfigHeader();
    expect(h.indexOf('#include NATMODGEN_MP_CONFIGFILE')).toBeLessThan(h.indexOf('#define mp_native_qstr_table (natmodgen_qstr_table())'));
    expect(h).toMatch(/__asm__\(""\s*:\s*"\+r"\(table\)\)/);
  });
});

describe('entryFirst', () => {
  const a = { rel: 'a.c', text: 'int f(void) { return 0; }\n' };
  const b = {
    rel: 'b.c',
    text: 'static int x;\nmp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {\n}\n',
  };
  const c = { rel: 'c.c', text: '/* calls mpy_init() nowhere */\n' };
  test.each([
    ['entry in the middle moves first, the rest keep their order', [a, b, c], [b, a, c]],
    ['entry already first', [b, a, c], [b, a, c]],
    ['no entry: order kept', [a, c], [a, c]],
  ])('%s', (_n, given, want) => {
    expect(entryFirst(given).map((s) => s.rel)).toEqual(want.map((s) => s.rel));
  });
});

describe('packaging', () => {
  const builds = [
    { arch: 'x64' as const, tag: buildTag('x64', '6.3') },
    { arch: 'armv7m' as const, tag: buildTag('armv7m', '6.3') },
  ];
  test('package.json lists the loader and every .mpy under the loader folder, URLs relative', () => {
    expect(JSON.parse(packageJson('mod', builds))).toEqual({
      urls: [
        ['mod.py', 'mod.py'],
        ['mod_mpy/x64_6.3/mod.mpy', 'x64_6.3/mod.mpy'],
        ['mod_mpy/armv7m_6.3/mod.mpy', 'armv7m_6.3/mod.mpy'],
      ],
      deps: [],
    });
    expect(JSON.parse(singleArchPackageJson('mod'))).toEqual({ urls: [['mod.mpy', 'mod.mpy']], deps: [] });
  });
  test('the loader knows the builds and the arch numbers of py/persistentcode.h', () => {
    const src = loaderSource('mod', builds);
    expect(src).toContain('_BUILDS = ("x64_6.3", "armv7m_6.3")');
    const arches = /_ARCHES = \(([^)]*)\)/
      .exec(src)![1]
      .split(', ')
      .map((s) => JSON.parse(s));
    for (const a of NATMOD_ARCHES) expect(arches.indexOf(a)).toBe(NATIVE_ARCH_CODE[a]);
    expect(src).toContain('"mod_mpy/" + tag');
  });
});

describe('summaryTable', () => {
  test('versions in the heading, one row per architecture', () => {
    const t = summaryTable('mod', { dir: '/m', version: '1.28.0', mpyVersion: 6, mpySubVersion: 3 }, [
      { arch: 'x64', status: 'ok', size: 1234, helpers: 0, detail: 'out/x64_6.3/mod.mpy' },
      { arch: 'armv6m', status: 'FAILED', detail: 'LinkError: x' },
    ]);
    const lines = t.split('\n');
    expect(lines[0]).toContain('MicroPython 1.28.0, .mpy version 6.3');
    expect(lines.find((l) => l.startsWith('x64'))).toMatch(/^x64\s+ok\s+1234\s+0\s+out\/x64_6\.3\/mod\.mpy$/);
    expect(lines.find((l) => l.startsWith('armv6m'))).toMatch(/^armv6m\s+FAILED\s+-\s+-\s+LinkError: x$/);
  });
});

describe('buildModule converts with the module headers', () => {
  test('a slot macro from a header in an -I folder is read (no NMG2009), as gen reads it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-build-inc-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('inc/slots.h', '#define T_SUBSCR subscr, t_subscr,\n');
    write(
      'src/mod.c',
      [
        '#include "py/runtime.h"',
        '#include "slots.h"',
        'static mp_obj_t t_subscr(mp_obj_t a, mp_obj_t b, mp_obj_t c) { return a; }',
        'MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE, T_SUBSCR print, NULL);',
        'static const mp_rom_map_elem_t m_globals_table[] = {',
        '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
        '    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },',
        '};',
        'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
        'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
        'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
        '',
      ].join('\n'),
    );
    const tree: MpyTree = { dir, version: '1.28.0', mpyVersion: 6, mpySubVersion: 3 };
    const run = (includeDirs: string[]) =>
      buildModule({
        files: [path.join(dir, 'src/mod.c')],
        defines: [],
        includeDirs,
        tree,
        python: 'python3',
        toolchains: [],
        outDir: path.join(dir, 'out'),
        packageOutput: false,
        jobs: 1,
      });
    expect((await run([path.join(dir, 'inc')])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await run([])).diagnostics.map((d) => d.code)).toContain('NMG2009');
    // `#include <h>` of a header beside the source: found there, as micropython.mk's -I$(MOD_DIR) finds it.
    write('src/mod.c', fs.readFileSync(path.join(dir, 'src/mod.c'), 'utf8').replace('#include "slots.h"', '#include <slots.h>'));
    fs.renameSync(path.join(dir, 'inc/slots.h'), path.join(dir, 'src/slots.h'));
    expect((await run([])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
