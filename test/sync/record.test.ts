/**
 * The sync record (src/cli/sync-record.ts) through the real bin, dist/natmodgen.js: a `sync`
 * command line is answered from its record only while nothing it read has changed, and the
 * answer is the one a full run gives. Each case compares the bin with the cache on against
 * the bin with the cache off (`NATMODGEN_CACHE_DIR=off`), which always runs the pipeline.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './helpers';
import { fakeMpyTree } from '../support/mpy-tree';

const BIN = path.join(repoRoot, 'dist', 'natmodgen.js');
const EXAMPLE = path.join(repoRoot, 'examples', 'functions', 'functions.c');

let tmp: string;
let cache: string;

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build before these tests`);
});

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-record-'));
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-record-cache-'));
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function natmodgen(args: string[], opts: { cacheOff?: boolean; input?: string; cwd?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NATMODGEN_CACHE_DIR: opts.cacheOff ? 'off' : cache };
  delete env.MPY_DIR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? tmp, env, input: opts.input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The record files and their modification times: a replay writes none. */
function records(): Map<string, number> {
  const dir = path.join(cache, 'sync');
  if (!fs.existsSync(dir)) return new Map();
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]));
}

/** Runs a command with the cache on and off and expects the same result; returns it. */
function same(args: string[], opts: { input?: string } = {}): Run {
  const on = natmodgen(args, opts);
  const off = natmodgen(args, { ...opts, cacheOff: true });
  expect(on).toEqual(off);
  return on;
}

/** A module whose globals table depends on a header's macro, synced. */
function moduleWithHeader(): { c: string; h: string } {
  const c = path.join(tmp, 'mod.c');
  const h = path.join(tmp, 'inc', 'conf.h');
  fs.mkdirSync(path.dirname(h));
  fs.writeFileSync(h, '#define HAS_TWO (1)\n');
  fs.writeFileSync(
    c,
    [
      '#include "py/runtime.h"',
      '#include "conf.h"',
      'static mp_obj_t one(void) { return mp_obj_new_int(1); }',
      'static MP_DEFINE_CONST_FUN_OBJ_0(one_obj, one);',
      'static mp_obj_t two(void) { return mp_obj_new_int(2); }',
      'static MP_DEFINE_CONST_FUN_OBJ_0(two_obj, two);',
      'static const mp_rom_map_elem_t mod_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mod) },',
      '    { MP_ROM_QSTR(MP_QSTR_one), MP_ROM_PTR(&one_obj) },',
      '#if HAS_TWO',
      '    { MP_ROM_QSTR(MP_QSTR_two), MP_ROM_PTR(&two_obj) },',
      '#endif',
      '};',
      'static MP_DEFINE_CONST_DICT(mod_globals, mod_globals_table);',
      'const mp_obj_module_t mod_user_cmodule = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&mod_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_mod, mod_user_cmodule);',
      '',
    ].join('\n'),
  );
  expect(natmodgen(['sync', '-I', 'inc', 'mod.c'], { cacheOff: true }).status).toBe(0);
  return { c, h };
}

test('an unchanged in-sync file is answered from the record, with the same result and no write', () => {
  const file = path.join(tmp, 'functions.c');
  fs.copyFileSync(EXAMPLE, file);
  expect(natmodgen(['sync', 'functions.c'], { cacheOff: true }).status).toBe(0);
  const first = same(['sync', '--check', 'functions.c']);
  expect(first.status).toBe(0);
  const made = records();
  expect(made.size).toBe(1);
  const again = natmodgen(['sync', '--check', 'functions.c']);
  expect(again).toEqual(first);
  expect(records()).toEqual(made);
});

test('an edit that keeps size and modification time is still seen (content hash)', () => {
  const file = path.join(tmp, 'functions.c');
  fs.copyFileSync(EXAMPLE, file);
  expect(natmodgen(['sync', 'functions.c'], { cacheOff: true }).status).toBe(0);
  expect(natmodgen(['sync', '--check', 'functions.c']).status).toBe(0);
  const st = fs.statSync(file);
  const text = fs.readFileSync(file, 'utf8');
  // Same length: rename one function of the module's table everywhere (a, b -> same lengths).
  const edited = text.replace(/MP_QSTR_sum_ints\b/g, 'MP_QSTR_sum_intz');
  expect(edited).not.toBe(text);
  expect(edited.length).toBe(text.length);
  fs.writeFileSync(file, edited);
  fs.utimesSync(file, st.atime, st.mtime);
  const r = same(['sync', '--check', 'functions.c']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('NMG5003');
});

test('a changed header, and a header that appears earlier on the include path, make a new run', () => {
  const { h } = moduleWithHeader();
  const args = ['sync', '--check', '-I', 'first', '-I', 'inc', 'mod.c'];
  expect(same(args).status).toBe(0);
  expect(natmodgen(args).status).toBe(0);
  fs.writeFileSync(h, '#define HAS_TWO (0)\n');
  const changed = same(args);
  expect(changed.status).toBe(1);
  fs.writeFileSync(h, '#define HAS_TWO (1)\n');
  expect(same(args).status).toBe(0);
  // conf.h in a folder searched first: the run must see it although inc/conf.h did not change.
  fs.mkdirSync(path.join(tmp, 'first'));
  fs.writeFileSync(path.join(tmp, 'first', 'conf.h'), '#define HAS_TWO (0)\n');
  expect(same(args).status).toBe(1);
});

test('a sync that rewrites its input leaves no record; the next run makes one', () => {
  const file = path.join(tmp, 'functions.c');
  fs.copyFileSync(EXAMPLE, file);
  expect(natmodgen(['sync', 'functions.c']).status).toBe(0);
  expect(records().size).toBe(0);
  expect(same(['sync', 'functions.c']).status).toBe(0);
  expect(records().size).toBe(1);
});

test('--stdin: the record holds the text, and other text runs the pipeline', () => {
  const file = path.join(tmp, 'functions.c');
  fs.copyFileSync(EXAMPLE, file);
  const text = fs.readFileSync(file, 'utf8');
  const args = ['sync', '--stdin', '--stdin-filepath', 'functions.c'];
  const first = same(args, { input: text });
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('natmodgen');
  expect(natmodgen(args, { input: text })).toEqual(first);
  const other = same(args, { input: text.replace(/MP_QSTR_sum_ints\b/g, 'MP_QSTR_sum_intz') });
  expect(other.stdout).toContain('MP_QSTR_sum_intz');
  expect(other.stdout).not.toBe(first.stdout);
});

test('errors are replayed exactly, and NATMODGEN_CACHE_DIR=off writes no record', () => {
  fs.writeFileSync(
    path.join(tmp, 'bad.c'),
    'static const mp_rom_map_elem_t t[] = { { MP_ROM_QSTR(MP_QSTR_x), MP_ROM_PTR(&nope_obj) } };\n',
  );
  const first = same(['sync', '--check', 'bad.c']);
  expect(first.status).toBe(2);
  expect(first.stderr).toMatch(/bad\.c:\d+:\d+/);
  expect(natmodgen(['sync', '--check', 'bad.c'])).toEqual(first);
  fs.rmSync(cache, { recursive: true, force: true });
  natmodgen(['sync', '--check', 'bad.c'], { cacheOff: true });
  expect(fs.existsSync(cache)).toBe(false);
});

test("a tree's py/mpconfig.h values: kept across an edit of the module (stamped store), read again when the header changes", async () => {
  const tree = fakeMpyTree();
  try {
    const config = path.join(tree, 'py', 'mpconfig.h');
    const base = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, `${base}#define MICROPY_NMG_TWO (1)\n`);
    const { c } = moduleWithHeader();
    fs.writeFileSync(c, fs.readFileSync(c, 'utf8').replace('#if HAS_TWO', '#if MICROPY_NMG_TWO'));
    const args = ['sync', '--mpy-dir', tree, '--check', '-I', 'inc', 'mod.c'];
    expect(natmodgen(['sync', '--mpy-dir', tree, '-I', 'inc', 'mod.c'], { cacheOff: true }).status).toBe(0);
    // Results made from a file changed in the last 2 s are not kept.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(same(args).status).toBe(0);
    const stored = path.join(cache, 'stamped');
    const kept = () => new Map(fs.readdirSync(stored).map((f) => [f, fs.statSync(path.join(stored, f)).mtimeMs]));
    const made = kept();
    expect([...made.keys()].some((f) => f.startsWith('natmod-config-'))).toBe(true);
    // The first run left its record too (the store's own files are not inputs of it).
    expect(records().size).toBe(1);
    // An edit of the module: the record misses, the kept values answer (not written again).
    fs.writeFileSync(c, `// edited\n${fs.readFileSync(c, 'utf8')}`);
    expect(same(args).status).toBe(0);
    expect(kept()).toEqual(made);
    // The tree's value changes: the kept values are not used (the table entry is dropped now).
    fs.writeFileSync(config, `${base}#define MICROPY_NMG_TWO (0)\n`);
    const changed = same(args);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('NMG5003');
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
});

/**
 * The recorder itself (dist/src/cli/sync-record.js) in a child process that plays a run: what it
 * stats, and what it prints only after the recorder is installed. A stat's stamp is made from the
 * Stats the call returns; the record replays while those stamps hold and the printed text with it.
 */
describe('the recorder', () => {
  const RECORDER = path.join(repoRoot, 'dist', 'src', 'cli', 'sync-record.js');
  const play = (script: string) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `const r = require(${JSON.stringify(RECORDER)}).replayOrRecord(['sync', 'x.c'], process.env, ${JSON.stringify(path.dirname(BIN))});
         if (r !== undefined) process.exitCode = r;
         else {
           const fs = require('fs');
           ${script}
         }`,
      ],
      { cwd: tmp, env: { ...process.env, NATMODGEN_CACHE_DIR: cache, PLAY: 'recorder' }, encoding: 'utf8' },
    );

  it('notes a stat from the Stats it returned (file, folder, absent), and captures streams first used after it was installed', () => {
    fs.writeFileSync(path.join(tmp, 'present.h'), 'int x;\n');
    fs.mkdirSync(path.join(tmp, 'dir'));
    const script = `
      const seen = [fs.statSync('present.h').size, fs.statSync('dir').isDirectory(), fs.statSync('absent.h', { throwIfNoEntry: false })];
      try { fs.statSync('absent2.h'); } catch { seen.push('threw'); }
      console.log('ran', JSON.stringify(seen));
      process.stderr.write('to stderr\\n');`;
    const first = play(script);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('ran [7,true,null,"threw"]\n');
    const [file] = fs.readdirSync(path.join(cache, 'sync'));
    const rec = JSON.parse(fs.readFileSync(path.join(cache, 'sync', file), 'utf8')) as {
      paths: [string, string][];
      out: string;
      err: string;
    };
    const st = fs.statSync(path.join(tmp, 'present.h'));
    expect(new Map(rec.paths)).toEqual(
      new Map([
        [path.join(tmp, 'present.h'), `f:${st.size}:${st.mtimeMs}:${st.ino}`],
        [path.join(tmp, 'dir'), 'd'],
        [path.join(tmp, 'absent.h'), '-'],
        [path.join(tmp, 'absent2.h'), '-'],
      ]),
    );
    expect([rec.out, rec.err]).toEqual([first.stdout, 'to stderr\n']);
    // Replayed while nothing changed (the script would print otherwise)...
    const again = play('console.log("ran again")');
    expect([again.status, again.stdout, again.stderr]).toEqual([0, first.stdout, 'to stderr\n']);
    // ...and run again once a file it found absent appears.
    fs.writeFileSync(path.join(tmp, 'absent2.h'), '');
    expect(play('console.log("ran again")').stdout).toBe('ran again\n');
  });
});
