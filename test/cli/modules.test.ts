// Module-aware inputs: a module folder, a repository with several multi-file modules,
// one file of a multi-file module alone (editors, pre-commit), the shipped hooks file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { groupInputs, joinLinkedGroups } from '../../src/init/inputs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A repository with two modules under modules/ (one multi-file) and an unrelated C file. */
function repository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-repo-'));
  dirs.push(root);
  for (const ex of ['multifile', 'classes'])
    fs.cpSync(path.join(repoRoot, 'examples', ex), path.join(root, 'modules', ex), { recursive: true });
  fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'x', 'micropython.mk'), 'SRC_USERMOD += $(USERMOD_DIR)/nothing.c\n');
  return root;
}

describe('grouping inputs by module', () => {
  test('a folder is searched for module folders; each lists its own sources', () => {
    const root = repository();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const g = groupInputs(['.']);
      expect(g.diagnostics).toEqual([]);
      expect(g.groups.map((x) => [path.basename(x.dir!), x.files])).toEqual([
        ['classes', ['modules/classes/classes.c']],
        ['multifile', ['modules/multifile/module.c', 'modules/multifile/shapes.c']],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  test("one file of a multi-file module brings the module's other sources as context", () => {
    const root = repository();
    const g = groupInputs([path.join(root, 'modules', 'multifile', 'shapes.c')]);
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0].named).toEqual([path.join(root, 'modules', 'multifile', 'shapes.c')]);
    expect(g.groups[0].files.map((f) => path.basename(f))).toEqual(['shapes.c', 'module.c']);
  });

  test('a named file the description adds only under a condition joins the module whose folder holds it (peterzuger/micro-ecc-micropython)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-cond-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(
      path.join(root, 'micropython.mk'),
      'MOD_DIR := $(USERMOD_DIR)\nSRC_USERMOD += $(MOD_DIR)/mod.c\nifneq (,$(findstring -DMOD_ENABLED=1,$(CFLAGS_EXTRA)))\nSRC_USERMOD += $(MOD_DIR)/lib/lib.c\nendif\n',
    );
    fs.writeFileSync(path.join(root, 'mod.c'), 'int m;\n');
    fs.writeFileSync(path.join(root, 'lib', 'lib.c'), 'int l;\n');
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-loose-')), 'other.c');
    dirs.push(path.dirname(outside));
    fs.writeFileSync(outside, 'int o;\n');
    const g = groupInputs([path.join(root, 'mod.c'), path.join(root, 'lib', 'lib.c'), outside]);
    expect(g.groups.map((x) => [x.dir, x.files])).toEqual([
      [root, [path.join(root, 'mod.c'), path.join(root, 'lib', 'lib.c')]],
      [undefined, [outside]],
    ]);
  });

  test('a folder without any module is NMG4002', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-empty-'));
    dirs.push(empty);
    expect(groupInputs([empty]).diagnostics.map((d) => d.code)).toEqual(['NMG4002']);
  });
});

describe('sync on a repository with several multi-file modules', () => {
  test('sync . then sync --check . passes; an edit in one module fails --check naming that file only', async () => {
    const root = repository();
    const before = await runCli(['sync', '--check', '.'], root);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('NMG5003');
    const r = await runCli(['sync', '.'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['multifile/module.c', 'multifile/shapes.c', 'classes/classes.c']) {
      expect(fs.readFileSync(path.join(root, 'modules', f), 'utf8')).toContain('natmodgen');
    }
    const check = await runCli(['sync', '--check', '.'], root);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    const shapes = path.join(root, 'modules', 'multifile', 'shapes.c');
    const text = fs.readFileSync(shapes, 'utf8');
    const entry =
      /^ *\{ MP_ROM_QSTR\(MP_QSTR_(\w+)\), MP_ROM_PTR\(&(\w+)\) \},$/m.exec(text.split('natmodgen:original')[0]) ??
      /^ *\{ MP_ROM_QSTR\(MP_QSTR_(\w+)\), MP_ROM_PTR\(&(\w+)\) \},$/m.exec(text);
    expect(entry).not.toBeNull();
    fs.writeFileSync(shapes, text.replace(entry![0], `${entry![0]}\n    { MP_ROM_QSTR(MP_QSTR_again), MP_ROM_PTR(&${entry![2]}) },`));
    const stale = await runCli(['sync', '--check', '.'], root);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /modules\/multifile\/shapes\.c:1:1: error NMG5003: .*not in sync: its natmodgen blocks differ .* from line \d+/,
    );
    expect(stale.stderr).not.toContain('classes.c');
    const diff = await runCli(['sync', '--diff', 'modules/multifile'], root);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^--- a\/modules\/multifile\/shapes\.c\n\+\+\+ b\/modules\/multifile\/shapes\.c\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(fs.readFileSync(shapes, 'utf8')).toContain('MP_QSTR_again');
  });

  test('pre-commit style: one file of a multi-file module alone checks fine (no NMG2001/NMG2005)', async () => {
    const root = repository();
    expect((await runCli(['sync', 'modules/multifile'], root)).code).toBe(0);
    for (const f of ['modules/multifile/shapes.c', 'modules/multifile/module.c']) {
      const r = await runCli(['sync', '--check', f], root);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const both = await runCli(['sync', '--check', 'modules/multifile/shapes.c', 'modules/classes/classes.c'], root);
    expect(both.stderr).toMatch(/classes\.c.*NMG5003/);
    expect(both.stderr).not.toMatch(/NMG2006|NMG2001|NMG2005/);
  });

  test('gen and name accept a module folder', async () => {
    const root = repository();
    const out = path.join(root, 'out');
    const g = await runCli(['gen', '-o', out, 'modules/multifile'], root);
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['module.c', 'shapes.c']);
    const n = await runCli(['name', 'modules'], root);
    expect(n.code).toBe(0);
    expect(n.stdout.split('\n').filter(Boolean).sort()).toEqual(['nmg_classes', 'nmg_multifile']);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  test('ships hooks whose entries are natmodgen commands this CLI accepts', async () => {
    const text = fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    const entries = [...text.matchAll(/^ {2}entry: natmodgen (.*)$/gm)].map((m) => m[1].split(' '));
    expect(entries.length).toBeGreaterThanOrEqual(1);
    const root = repository();
    for (const args of entries) {
      // pre-commit appends the staged file names to the entry.
      const r = await runCli([...args, 'modules/multifile/shapes.c', 'modules/classes/classes.c'], root);
      expect(r.stderr).not.toContain('NMG0001');
      expect([0, 1]).toContain(r.code);
    }
    expect(text).toMatch(/files: \\\.c\$/);
  });
});

describe('grouping named files of repositories the reader cannot fully follow', () => {
  function tmp(prefix: string): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  }
  const reg = (name: string) => `MP_REGISTER_MODULE(MP_QSTR_${name}, ${name}_module);\n`;

  test('a description listing two registering modules gives a named file its own sources only (ChainSigner/uhashlib)', () => {
    const root = tmp('nmg-two-');
    fs.mkdirSync(path.join(root, 'crypto'));
    fs.writeFileSync(
      path.join(root, 'micropython.mk'),
      'D := $(USERMOD_DIR)\nSRC_USERMOD += $(D)/crypto/sha2.c $(D)/hashlib.c $(D)/hmac.c\n',
    );
    fs.writeFileSync(path.join(root, 'crypto', 'sha2.c'), 'int sha;\n');
    fs.writeFileSync(path.join(root, 'hashlib.c'), `int h;\n${reg('hashlib')}`);
    fs.writeFileSync(path.join(root, 'hmac.c'), `int m;\n${reg('hmac')}`);
    const named = [path.join(root, 'crypto', 'sha2.c'), path.join(root, 'hashlib.c')];
    const g = groupInputs(named);
    expect(g.diagnostics).toEqual([]);
    expect(g.groups.map((x) => x.files)).toEqual([named]);
    // With one registering module the other sources still come along.
    const one = groupInputs([path.join(root, 'crypto', 'sha2.c')]);
    expect(one.groups[0].files.map((f) => path.basename(f))).toEqual(['sha2.c', 'hashlib.c', 'hmac.c']);
  });

  test('a named file with a registration in a micropython.cmake of several targets brings no other module (DigitalApprentice/custom_modules)', () => {
    const root = tmp('nmg-cmake-');
    const lib = (n: string) =>
      `add_library(usermod_${n} INTERFACE)\ntarget_sources(usermod_${n} INTERFACE \${CMAKE_CURRENT_LIST_DIR}/${n}/${n}.c)\ntarget_link_libraries(usermod INTERFACE usermod_${n})\n`;
    fs.writeFileSync(path.join(root, 'micropython.cmake'), lib('leds') + lib('fft'));
    for (const n of ['leds', 'fft']) {
      fs.mkdirSync(path.join(root, n));
      fs.writeFileSync(path.join(root, n, `${n}.c`), reg(n));
    }
    const g = groupInputs([path.join(root, 'leds', 'leds.c')]);
    expect(g.diagnostics).toEqual([]);
    expect(g.groups.map((x) => x.files)).toEqual([[path.join(root, 'leds', 'leds.c')]]);
  });

  test('a description the reader stops on ($(shell ...)) does not stop named files: a warning, and the files alone (emlearn/emlearn-micropython)', () => {
    const root = tmp('nmg-shell-');
    const mod = path.join(root, 'src', 'trees');
    fs.mkdirSync(mod, { recursive: true });
    fs.writeFileSync(
      path.join(mod, 'micropython.mk'),
      'MOD_DIR := $(USERMOD_DIR)\nSRC_USERMOD_C += $(MOD_DIR)/trees.c\nEMLEARN_DIR := $(shell python3 -c "import emlearn; print(emlearn.includedir)")\nCFLAGS_USERMOD += -I$(EMLEARN_DIR)\n',
    );
    fs.writeFileSync(path.join(mod, 'trees.c'), reg('trees'));
    const g = groupInputs([path.join(mod, 'trees.c')]);
    expect(g.diagnostics.map((d) => [d.code, d.severity])).toEqual([['NMG4004', 'warning']]);
    expect(g.groups.map((x) => x.files)).toEqual([[path.join(mod, 'trees.c')]]);
    // Naming the folder still needs the description: the error stays.
    expect(groupInputs([mod]).diagnostics.map((d) => [d.code, d.severity])).toEqual([['NMG4004', 'error']]);
  });

  test('descriptions on the way up that do not list a named file are no errors (oggz inside arduino-libopus)', () => {
    const root = tmp('nmg-above-');
    fs.writeFileSync(path.join(root, 'micropython.mk'), 'include $(TOP)/elsewhere.mk\n');
    fs.mkdirSync(path.join(root, 'sub'));
    fs.writeFileSync(path.join(root, 'sub', 'micropython.mk'), 'SRC_USERMOD += $(USERMOD_DIR)/other.c\n');
    fs.writeFileSync(path.join(root, 'sub', 'a.c'), reg('a'));
    fs.writeFileSync(path.join(root, 'lib.c'), 'int l;\n');
    const g = groupInputs([path.join(root, 'lib.c'), path.join(root, 'sub', 'a.c')]);
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(g.groups.flatMap((x) => x.files).map((f) => path.relative(root, f))).toEqual(['lib.c', 'sub/a.c']);
  });
});

describe('gen: library sources named with one module', () => {
  test("files no description lists and that register nothing join the one module named with them (dholth/arduino-libopus's oggz)", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-lib-'));
    dirs.push(root);
    fs.cpSync(path.join(repoRoot, 'examples', 'multifile'), path.join(root, 'binding', 'mod'), { recursive: true });
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(path.join(root, 'lib', 'codec.c'), 'int codec_decode(int x) { return x + 1; }\n');
    const mod = fs.readdirSync(path.join(root, 'binding', 'mod')).filter((f) => f.endsWith('.c'));
    const r = await runCli(['gen', '-o', 'out', 'lib/codec.c', ...mod.map((f) => `binding/mod/${f}`)], root);
    expect(r.stderr).not.toContain('NMG2001');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'out')).sort()).toEqual(['codec.c', ...mod].sort());
  });
});

describe("a source a module's description lists from outside its folder", () => {
  /** A repository whose module folder's micropython.mk lists ../../src/lib.c (8bitgeek/MicroAMP's layout). */
  function outsideSource(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-outside-'));
    dirs.push(root);
    fs.cpSync(path.join(repoRoot, 'examples', 'multifile'), path.join(root, 'modules', 'mod'), { recursive: true });
    const mk = path.join(root, 'modules', 'mod', 'micropython.mk');
    fs.writeFileSync(mk, `${fs.readFileSync(mk, 'utf8')}SRC_USERMOD += $(USERMOD_DIR)/../../src/lib.c\n`);
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'lib.c'), 'int lib_twice(int x) { return 2 * x; }\n');
    return root;
  }

  test('named with the module, it is one of its sources once, and named', () => {
    const root = outsideSource();
    const lib = path.join(root, 'src', 'lib.c');
    const mod = path.join(root, 'modules', 'mod', 'module.c');
    const g = groupInputs([mod, lib]);
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0].files.filter((f) => path.resolve(f) === lib)).toHaveLength(1);
    expect(g.groups[0].named).toEqual([mod, lib]);
  });

  test('gen writes each output once (was NMG1011: the same output twice)', async () => {
    const root = outsideSource();
    const mod = fs.readdirSync(path.join(root, 'modules', 'mod')).filter((f) => f.endsWith('.c'));
    const r = await runCli(['gen', '-o', 'out', ...mod.map((f) => `modules/mod/${f}`), 'src/lib.c'], root);
    expect(r.stderr).not.toContain('NMG1011');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'out')).sort()).toEqual(['lib.c', 'module.c', 'shapes.c']);
    expect(fs.readFileSync(path.join(root, 'out', 'lib.c'), 'utf8')).toContain('lib_twice');
  });
});

describe('module folders that call each other (mahony/ calling invSqrt() of invsqrt/)', () => {
  /** hostile fixture m10_needs split into two module folders, each with its own micropython.mk. */
  function twoFolders(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-linked-'));
    dirs.push(root);
    const fx = path.join(repoRoot, 'test', 'hostile', 'fixtures', 'm10_needs');
    fs.mkdirSync(path.join(root, 'needs'));
    fs.mkdirSync(path.join(root, 'inv'));
    const needs = fs.readFileSync(path.join(fx, 'm10_needs.c'), 'utf8').replace('"m10_inv.h"', '"../inv/m10_inv.h"');
    fs.writeFileSync(path.join(root, 'needs', 'm10_needs.c'), needs);
    for (const f of ['m10_inv.c', 'm10_inv.h']) fs.copyFileSync(path.join(fx, f), path.join(root, 'inv', f));
    fs.writeFileSync(path.join(root, 'needs', 'micropython.mk'), 'D := $(USERMOD_DIR)\nSRC_USERMOD += $(D)/m10_needs.c\n');
    fs.writeFileSync(path.join(root, 'inv', 'micropython.mk'), 'D := $(USERMOD_DIR)\nSRC_USERMOD += $(D)/m10_inv.c\n');
    return root;
  }

  test('they are one natmod, as the firmware links them into one image; unrelated modules stay apart', () => {
    const root = twoFolders();
    const g = groupInputs([path.join(root, 'needs'), path.join(root, 'inv')]);
    expect(g.diagnostics).toEqual([]);
    expect(g.groups).toHaveLength(2);
    const joined = joinLinkedGroups(g.groups);
    expect(joined.map((x) => x.files.map((f) => path.basename(f)))).toEqual([['m10_needs.c', 'm10_inv.c']]);
    // The other order: still one natmod, whichever folder comes first.
    expect(joinLinkedGroups([...g.groups].reverse()).map((x) => x.files.length)).toEqual([2]);
    // A static function of the same name is no link between modules.
    fs.writeFileSync(path.join(root, 'inv', 'm10_inv.c'), 'static int m10_inv_scaled(int x) { return x; }\n');
    expect(joinLinkedGroups(groupInputs([path.join(root, 'needs'), path.join(root, 'inv')]).groups)).toHaveLength(2);
  });

  test('gen of the two folders writes what gen of both files together writes (hostile fixture m10_needs runs that natmod)', async () => {
    const root = twoFolders();
    const a = await runCli(['gen', '-o', path.join(root, 'a'), path.join(root, 'needs'), path.join(root, 'inv')], root);
    const b = await runCli(
      ['gen', '-o', path.join(root, 'b'), path.join(root, 'needs', 'm10_needs.c'), path.join(root, 'inv', 'm10_inv.c')],
      root,
    );
    expect([a.code, a.stderr, b.code]).toEqual([0, '', 0]);
    for (const f of ['m10_needs.c', 'm10_inv.c'])
      expect(fs.readFileSync(path.join(root, 'a', f), 'utf8')).toBe(fs.readFileSync(path.join(root, 'b', f), 'utf8'));
    const name = await runCli(['name', path.join(root, 'needs'), path.join(root, 'inv')], root);
    expect(name.stdout).toBe('hostile_m10_needs\n');
  });
});

describe('one module described by its folder and by an enclosing micropython.cmake that includes it', () => {
  // test/corpus-cases/nested-descriptions: mod/micropython.mk lists the binding only; the top-level
  // micropython.cmake include()s mod/micropython.cmake, which lists the binding and ../lib/tone.c
  // (jp-96/esp32-i2s-dac-builtin-tone).
  const fixture = path.join(repoRoot, 'test', 'corpus-cases', 'nested-descriptions');
  function copy(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-nested-'));
    dirs.push(root);
    fs.cpSync(fixture, root, { recursive: true });
    return root;
  }

  test('the binding and the library source named together are one module, in the order named', () => {
    const root = copy();
    const mod = path.join(root, 'mod', 'tonemod.c');
    const lib = path.join(root, 'lib', 'tone.c');
    for (const named of [
      [mod, lib],
      [lib, mod],
    ]) {
      const g = groupInputs(named);
      expect(g.diagnostics).toEqual([]);
      expect(g.groups).toHaveLength(1);
      expect(g.groups[0].named).toEqual(named);
      expect(g.groups[0].files.map((f) => path.resolve(f))).toEqual(named);
    }
  });

  test('gen writes each output once (was NMG1011: tonemod.c twice) and registers the module once', async () => {
    const root = copy();
    const r = await runCli(['gen', '-o', 'out', 'mod/tonemod.c', 'lib/tone.c'], root);
    expect(r.stderr).not.toContain('NMG1011');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'out')).sort()).toEqual(['tone.c', 'tonemod.c']);
    expect(fs.readFileSync(path.join(root, 'out', 'tonemod.c'), 'utf8')).toContain('mpy_init');
    expect(fs.readFileSync(path.join(root, 'out', 'tone.c'), 'utf8')).not.toContain('mpy_init(');
  });

  test('a top-level description of several registering modules still keeps their files apart', () => {
    const root = copy();
    fs.mkdirSync(path.join(root, 'other'));
    fs.writeFileSync(
      path.join(root, 'other', 'other.c'),
      fs.readFileSync(path.join(root, 'mod', 'tonemod.c'), 'utf8').replace(/tonemod/g, 'othermod'),
    );
    fs.writeFileSync(path.join(root, 'other', 'micropython.mk'), 'SRC_USERMOD += $(USERMOD_DIR)/other.c\n');
    fs.appendFileSync(
      path.join(root, 'micropython.cmake'),
      'target_sources(usermod_tonemod INTERFACE ${CMAKE_CURRENT_LIST_DIR}/other/other.c)\n',
    );
    const g = groupInputs([path.join(root, 'mod', 'tonemod.c'), path.join(root, 'other', 'other.c')]);
    expect(g.groups.map((x) => x.named.map((n) => path.basename(n)))).toEqual([['tonemod.c'], ['other.c']]);
  });
});
