/**
 * Hostile modules against the firmware: each folder of test/hostile/fixtures/ is a valid user
 * C module (it builds into a firmware with the unix port's `gcc -std=gnu99 -Wall -Werror`)
 * whose names, macros, comments, strings or file layout once broke natmodgen's output. Each is
 * The `-D` flags its micropython.mk adds to CFLAGS_USERMOD (the firmware build's) are given to
 * natmodgen as `-D` too. Each is
 *   - converted by `natmodgen gen` with no diagnostic, or only the warnings its warnings.txt lists
 *     (always, also in CI without a tree);
 *   - built as a natmod with py/dynruntime.mk and run by a unix port: test.py prints expected.txt
 *     (MPY_DIR and MICROPYTHON);
 *   - synced in place (a copy), the synced files built with py/dynruntime.mk as they are and run:
 *     test.py prints expected.txt (MPY_DIR and MICROPYTHON); or, for a fixture with a
 *     sync-refused.txt (definitions in the files it includes, which sync does not rewrite), sync
 *     refuses with exactly the errors listed there and changes nothing;
 *   - run in the firmware build, a unix port with test/hostile/fixtures as USER_C_MODULES:
 *     test.py prints the same expected.txt (MICROPYTHON_HOSTILE). Built, for example, with
 *       make -C $MPY_DIR/ports/unix BUILD=build-hostile PROG=micropython-hostile \
 *         USER_C_MODULES=$PWD/test/hostile/fixtures
 *     (a binary built from older fixtures fails here: rebuild it after changing them).
 * Natmod and firmware both print expected.txt, so the two builds behave alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { binaryProblem, envProblems, loud, readEnv, TEST_TIMEOUT_MS } from '../e2e/lib/env';
import { checkOutput, freshDir, makeNatmod, runTest } from '../e2e/lib/natmod';
import { syncInPlace } from '../e2e/lib/sync';

const FIXTURES = path.join(repoRoot, 'test', 'hostile', 'fixtures');
const env = readEnv();
const firmware = process.env.MICROPYTHON_HOSTILE?.trim() ? path.resolve(process.env.MICROPYTHON_HOSTILE.trim()) : undefined;

interface Fixture {
  name: string;
  dir: string;
  sources: string[];
  module: string;
  /** `NAME=VALUE` of each `-DNAME=VALUE` that micropython.mk adds to CFLAGS_USERMOD. */
  defines: string[];
}

/** The `-D` flags of a micropython.mk's `CFLAGS_USERMOD += ...` lines, as `NAME[=VALUE]`. */
function mkDefines(dir: string): string[] {
  const mk = fs.readFileSync(path.join(dir, 'micropython.mk'), 'utf8');
  return mk
    .split('\n')
    .filter((l) => /^\s*CFLAGS_USERMOD\s*\+?=/.test(l))
    .flatMap((l) => l.split(/\s+/).filter((w) => w.startsWith('-D')))
    .map((w) => w.slice(2));
}

const fixtures: Fixture[] = fs
  .readdirSync(FIXTURES)
  .filter((n) => fs.statSync(path.join(FIXTURES, n)).isDirectory())
  .sort()
  .map((name) => {
    const dir = path.join(FIXTURES, name);
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.c'))
      .sort();
    return { name, dir, sources, module: `hostile_${name}`, defines: mkDefines(dir) };
  });

if (env.skipReason) {
  loud([
    `test/hostile/firmware.test.ts: SKIPPING the natmod builds of ${fixtures.length} hostile fixture(s): ${env.skipReason}.`,
    'Only the conversions ran. Set MPY_DIR and MICROPYTHON to build and run them.',
  ]);
}
if (!firmware) {
  loud([
    `test/hostile/firmware.test.ts: SKIPPING the firmware runs of ${fixtures.length} hostile fixture(s): MICROPYTHON_HOSTILE is not set.`,
    'Set it to a unix port built with USER_C_MODULES=test/hostile/fixtures (see the comment at the top of this file).',
  ]);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-hostile-fw-'));
afterAll(() => {
  if (process.env.NATMODGEN_E2E_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
});

test('there are hostile fixtures, each with sources, test.py, expected.txt and micropython.mk naming every source', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(5);
  for (const f of fixtures) {
    expect([f.name, f.sources.length > 0]).toEqual([f.name, true]);
    for (const file of ['test.py', 'expected.txt', 'micropython.mk'])
      expect([f.name, fs.existsSync(path.join(f.dir, file))]).toEqual([f.name, true]);
    const mk = fs.readFileSync(path.join(f.dir, 'micropython.mk'), 'utf8');
    for (const s of f.sources) expect([f.name, mk.includes(`/${s}`)]).toEqual([f.name, true]);
  }
});

/** The warnings a fixture's warnings.txt lists (`file.c:LINE: warning CODE`), none without one. */
function listedWarnings(f: Fixture): string[] {
  return listed(f, 'warnings.txt');
}

/** The diagnostics a fixture's file lists (`file.c:LINE: severity CODE`), none without it. */
function listed(f: Fixture, name: string): string[] {
  const file = path.join(f.dir, name);
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
}

/**
 * A text report as warnings.txt writes it: each diagnostic as `file.c:LINE: severity CODE`;
 * its excerpt, caret, help and note lines and the summary line dropped; anything else whole.
 */
function reported(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '' && !/^\s/.test(l) && !/^natmodgen: \d+ errors?, \d+ warnings? in /.test(l) && !/^\S+:\d+:\d+: note: /.test(l))
    .map((l) => {
      const m = /^(\S+):(\d+):\d+: (warning|error) (NMG\d+)/.exec(l);
      return m ? `${path.basename(m[1])}:${m[2]}: ${m[3]} ${m[4]}` : l;
    });
}

describe.each(fixtures)('hostile fixture $name', (f) => {
  const outDir = path.join(work, f.name, 'build');

  test('natmodgen gen converts it, with no diagnostic but the warnings its warnings.txt lists', async () => {
    const defines = f.defines.flatMap((d) => ['-D', d]);
    const r = await runCli(['--format', 'json', 'gen', ...defines, '-o', outDir, ...f.sources.map((s) => path.join(f.dir, s))], repoRoot);
    const want = listedWarnings(f);
    const got = (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; line: number; code: string; severity: string }> })
      .diagnostics;
    expect(got.map((d) => `${path.basename(d.file)}:${d.line}: ${d.severity} ${d.code}`)).toEqual(want);
    expect(r.code).toBe(0);
    for (const s of f.sources) expect(fs.existsSync(path.join(outDir, s))).toBe(true);
    const name = await runCli(['name', ...defines, ...f.sources.map((s) => path.join(f.dir, s))], repoRoot);
    expect(name.stdout.trim()).toBe(f.module);
  });

  (env.skipReason ? test.skip : test)(
    'the natmod (py/dynruntime.mk) prints expected.txt',
    async () => {
      expect(envProblems(env)).toEqual([]);
      // The conversion test above wrote the sources (jest runs a file's tests in order).
      for (const s of f.sources) expect(fs.existsSync(path.join(outDir, s))).toBe(true);
      const mpy = await makeNatmod(outDir, { mpyDir: env.mpyDir!, mod: f.module, srcs: f.sources, arch: env.arch }, env.python, '');
      const lib = freshDir(path.join(work, f.name), 'lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      const r = await runTest(env.micropython!, path.join(f.dir, 'test.py'), freshDir(path.join(work, f.name), 'run'), lib);
      checkOutput(r, path.join(f.dir, 'expected.txt'), lib, `\n  natmod of test/hostile/fixtures/${f.name}`);
    },
    TEST_TIMEOUT_MS,
  );

  (env.skipReason ? test.skip : test)(
    'synced in place, the files themselves build as a natmod that prints expected.txt',
    async () => {
      expect(envProblems(env)).toEqual([]);
      // A copy of the whole folder (its headers too), synced with the built CLI, then built as is.
      const dir = freshDir(path.join(work, f.name), 'synced');
      fs.cpSync(f.dir, dir, { recursive: true });
      const r = await syncInPlace(dir, f.sources, f.defines);
      const refused = listed(f, 'sync-refused.txt');
      if (refused.length) {
        // Definitions in files the sources include: sync refuses, at each #include, and writes nothing.
        expect([r.code, reported(r.stderr)]).toEqual([2, refused]);
        for (const s of f.sources) expect(fs.readFileSync(path.join(dir, s), 'utf8')).toBe(fs.readFileSync(path.join(f.dir, s), 'utf8'));
        return;
      }
      expect([r.code, reported(r.stderr)]).toEqual([0, listedWarnings(f)]);
      const again = await syncInPlace(dir, f.sources, f.defines, ['--check']);
      // The same warnings, at the lines where the synced files now hold the calls.
      const atLine = (w: string) => w.replace(/:\d+:/, ':');
      expect([again.code, reported(again.stderr).map(atLine)]).toEqual([0, listedWarnings(f).map(atLine)]);
      // Paired in order: the n-th warning of a file with the n-th listed for it.
      const seen = new Map<string, number>();
      for (const w of reported(again.stderr)) {
        const [file, line] = w.split(':');
        const nth = seen.get(file) ?? 0;
        seen.set(file, nth + 1);
        const listedHere = listedWarnings(f).filter((l) => l.startsWith(`${file}:`));
        const original = listedHere[nth].split(':')[1];
        const lineOf = (p: string, n: string) => fs.readFileSync(p, 'utf8').split('\n')[Number(n) - 1];
        expect(lineOf(path.join(dir, file), line)).toBe(lineOf(path.join(f.dir, file), original));
      }
      const mpy = await makeNatmod(dir, { mpyDir: env.mpyDir!, mod: f.module, srcs: f.sources, arch: env.arch }, env.python, '');
      const lib = freshDir(path.join(work, f.name), 'synced-lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      const run = await runTest(env.micropython!, path.join(f.dir, 'test.py'), freshDir(path.join(work, f.name), 'synced-run'), lib);
      checkOutput(run, path.join(f.dir, 'expected.txt'), lib, `\n  synced copy of test/hostile/fixtures/${f.name} in ${dir}`);
    },
    TEST_TIMEOUT_MS,
  );

  (firmware ? test : test.skip)(
    'the firmware build (unix port, -std=gnu99 -Wall -Werror) prints expected.txt',
    async () => {
      expect(binaryProblem('MICROPYTHON_HOSTILE', firmware!)).toBeUndefined();
      const empty = freshDir(path.join(work, f.name), 'empty-path');
      const r = await runTest(firmware!, path.join(f.dir, 'test.py'), freshDir(path.join(work, f.name), 'fw-run'), empty);
      checkOutput(
        r,
        path.join(f.dir, 'expected.txt'),
        empty,
        `\n  MICROPYTHON_HOSTILE is the firmware reference (rebuild it if the fixtures changed)`,
      );
    },
    TEST_TIMEOUT_MS,
  );
});
