/**
 * End-to-end: MicroPython's own modules (bench/corpus/manifest.json, "micropython") against
 * their built-in twins. Each module is built through the make fragment (make/natmodgen.mk, which
 * runs `natmodgen gen` with only its -D flags) and py/dynruntime.mk under its real name, and MicroPython's own test scripts for it
 * (the entry's mpyTests, read from MPY_DIR at run time) plus bench/corpus/mpy-tests/<test>
 * run twice: on MICROPYTHON_TWINS, a unix port built without the module, where `import`
 * finds the natmod; and on MICROPYTHON_TWINREF, a unix port with the module built in. Exit
 * status and stdout must be identical. A script both print SKIP for is not counted.
 *
 * Entries with "impossible" (a natmod cannot serve the module) or "pending" (what is still
 * missing) are listed loudly and not run.
 *
 * Environment:
 *   MPY_DIR              MicroPython v1.28.0 tree with mpy-cross built              (required)
 *   MICROPYTHON_TWINS    unix port without the modules' built-ins, e.g. built with
 *                        CFLAGS_EXTRA="-DMICROPY_PY_BINASCII=0 -DMICROPY_PY_HEAPQ=0 ..." (README);
 *                        json, errno, select and websocket stay built in (the core's JSON
 *                        printing, OSError's names and asyncio hang on the first three; the
 *                        unix variant forces websocket): they are extensible, so the natmod
 *                        on the path wins, and the suite checks that it does   (required)
 *   MICROPYTHON_TWINREF  unix port with them (the standard variant); falls back to
 *                        MICROPYTHON_USERMOD                                         (required)
 *                        An entry with "reference" (_webrepl: MICROPY_PY_WEBREPL=1) is a
 *                        module no standard variant builds: skipped, loudly, when the
 *                        reference lacks it.
 *   TWINS_ONLY           comma-separated module ids to run (default: all)
 *
 * An entry whose sources come from a git submodule of MicroPython (cryptolib: lib/axtls, btree:
 * lib/berkeley-db-1.xx) is skipped, loudly, when that folder of MPY_DIR is empty: run
 * `git submodule update --init lib/axtls` there (and build MICROPYTHON_TWINREF with the module:
 * MICROPY_PY_SSL=1 MICROPY_SSL_AXTLS=1 MICROPY_SSL_MBEDTLS=0 MICROPY_PY_BTREE=1 CFLAGS_EXTRA="-DMICROPY_PY_CRYPTOLIB_CTR=1
 * -DMICROPY_PY_HASHLIB_MD5=0 -DMICROPY_PY_HASHLIB_SHA1=0", the README's twins section).
 *   PYTHON, NATMODGEN_E2E_KEEP as for natmods.test.ts
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, envProblems, loud, readEnv, REPO_ROOT } from './lib/env';
import { buildNatmodgen, freshDir, makeWorkDir, StageError } from './lib/natmod';
import { clip, describeRun, ProcResult, runProcess } from './lib/proc';
import { Summary } from './lib/summary';
import { MODULE_FILE, readmeTwinsBlock, readTwinLists, renderTwinsReadme, TwinEntry } from './lib/twins-readme';

const OWN_TESTS = path.join(REPO_ROOT, 'bench', 'corpus', 'mpy-tests');
const CASE_TIMEOUT_MS = 600_000;
const RUN_TIMEOUT_MS = 30_000;

const env = readEnv();
const nonEmpty = (v: string | undefined) => (v && v.trim() ? path.resolve(v.trim()) : undefined);
const twins = nonEmpty(process.env.MICROPYTHON_TWINS);
const twinRef = nonEmpty(process.env.MICROPYTHON_TWINREF) ?? env.usermod;
const only = (process.env.TWINS_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const lists = readTwinLists(REPO_ROOT);
const entries: TwinEntry[] = lists.entries.filter((e) => e.mpyTests || e.impossible || e.pending);
const chosen = entries.filter((e) => !only.length || only.includes(e.id));
const runnable = chosen.filter((e) => !e.impossible && !e.pending);
const summary = new Summary('MicroPython modules vs their built-in twins (x64)');

const missing = [
  !env.mpyDir && 'MPY_DIR',
  !twins && 'MICROPYTHON_TWINS',
  !twinRef && 'MICROPYTHON_TWINREF (or MICROPYTHON_USERMOD)',
].filter((x): x is string => !!x);
const skipReason = missing.length ? `${missing.join(', ')} not set` : undefined;
if (skipReason) {
  loud([
    `natmodgen twins e2e: SKIPPING ${runnable.length} module(s): ${skipReason}.`,
    "Skipped is not passed. Build a unix port without the modules (see this file's header) and set the variables.",
    ...runnable.map((e) => `  SKIPPED: ${e.id}`),
  ]);
}
/** The entry's submodules that are empty (not checked out) in MPY_DIR. */
function absentSubmodules(e: TwinEntry): string[] {
  if (!env.mpyDir) return [];
  return (e.submodules ?? []).filter((d) => {
    const dir = path.join(env.mpyDir!, d);
    return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
  });
}
const noSources = runnable.filter((e) => absentSubmodules(e).length);
if (!skipReason && noSources.length) {
  loud([
    `natmodgen twins e2e: SKIPPING ${noSources.length} module(s): their sources are git submodules not checked out in MPY_DIR=${env.mpyDir}.`,
    'Skipped is not passed. Check them out (git submodule update --init <folder>) and build MICROPYTHON_TWINREF with the module.',
    ...noSources.map((e) => `  SKIPPED: ${e.id} (empty: ${absentSubmodules(e).join(', ')})`),
  ]);
}
/**
 * For an entry no standard unix variant builds (`reference`: the flags it needs), whether
 * MICROPYTHON_TWINREF lacks the module: then there is nothing to compare with, and the entry is
 * skipped, loudly, instead of failing on every machine with the standard reference.
 */
function referenceLacks(e: TwinEntry): boolean {
  if (!e.reference || skipReason) return false;
  const r = spawnSync(twinRef!, ['-c', `import ${e.module}`], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  return r.status !== 0;
}
const noReference = runnable.filter((e) => !absentSubmodules(e).length && referenceLacks(e));
if (noReference.length) {
  loud([
    `natmodgen twins e2e: SKIPPING ${noReference.length} module(s): MICROPYTHON_TWINREF=${twinRef} does not have them built in.`,
    'Skipped is not passed. Build the reference with what each needs (README, "MicroPython\'s own modules as natmods").',
    ...noReference.map((e) => `  SKIPPED: ${e.id} (needs ${e.reference})`),
  ]);
}
const notRun = chosen.filter((e) => e.impossible || e.pending);
if (notRun.length) {
  loud([
    `natmodgen twins e2e: ${notRun.length} MicroPython module(s) are NOT compared:`,
    ...notRun.map((e) => `  ${e.id}: ${e.impossible ? `impossible as a natmod: ${e.impossible}` : `not yet: ${e.pending}`}`),
  ]);
}

/** MicroPython test scripts matching a pattern like tests/extmod/json_*.py (a * in the file name only). */
function expandTests(mpyDir: string, pattern: string): string[] {
  const dir = path.join(mpyDir, path.dirname(pattern));
  const base = path.basename(pattern);
  const re = new RegExp(`^${base.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function run(binary: string, script: string, cwd: string, micropypath: string): Promise<ProcResult> {
  return runProcess(binary, [script], { cwd, env: { ...process.env, MICROPYPATH: micropypath }, timeoutMs: RUN_TIMEOUT_MS });
}

const outcome = (r: ProcResult) => `${r.stdout}${r.timedOut ? '[timed out]' : r.code === 0 ? '' : `[exit ${r.code ?? r.signal}]`}`;

/** Checks that `import <module>` on the twins binary loads the natmod, and that the reference has it built in. */
async function checkProvenance(e: TwinEntry, lib: string, pylib: string, cwd: string): Promise<void> {
  const code = `import ${e.module} as m; print(getattr(m, "__file__", "built-in"))`;
  const nat = await runProcess(twins!, ['-c', code], {
    cwd,
    env: { ...process.env, MICROPYPATH: `${lib}:${pylib}` },
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const want = path.join(lib, `${e.module}.mpy`);
  if (path.resolve(cwd, nat.stdout.trim()) !== want) {
    throw new StageError('provenance', `on MICROPYTHON_TWINS, \`import ${e.module}\` did not load ${want}:\n${describeRun(nat)}`);
  }
  const ref = await runProcess(twinRef!, ['-c', code], { cwd, env: { ...process.env, MICROPYPATH: pylib }, timeoutMs: RUN_TIMEOUT_MS });
  if (ref.stdout.trim() !== 'built-in') {
    throw new StageError('provenance', `MICROPYTHON_TWINREF has no built-in ${e.module}: nothing to compare with:\n${describeRun(ref)}`);
  }
}

/**
 * Builds the module as a user would with natmodgen: the make fragment (make/natmodgen.mk) and
 * dynruntime.mk, the module's sources and -D flags, so the compiler-runtime helpers and libm
 * functions it calls (math, cmath) are linked as the fragment does it.
 */
async function makeWithFragment(dir: string, mpyDir: string, e: TwinEntry): Promise<{ mpy: string; context: string }> {
  const makefile = [
    '# Written by the natmodgen twins e2e: the module through the make fragment.',
    `MPY_DIR = ${mpyDir}`,
    `MOD = ${e.module}`,
    `SRC = ${e.files.map((f) => path.join(mpyDir, f)).join(' ')}`,
    'ARCH = x64',
    // Shell words: a define's value may hold quotes (BERKELEY_DB_CONFIG_FILE="extmod/...").
    `NATMODGEN_DEFINES = ${e.defines.map((d) => (/^[\w=.-]+$/.test(d) ? d : `'${d}'`)).join(' ')}`,
    ...(e.includes?.length
      ? [
          `NATMODGEN_FLAGS = ${e.includes.map((i) => `-I ${path.join(mpyDir, i)}`).join(' ')}`,
          `CFLAGS += ${e.includes.map((i) => `-I${path.join(mpyDir, i)}`).join(' ')}`,
        ]
      : []),
    `include ${path.join(REPO_ROOT, 'make', 'natmodgen.mk')}`,
    'include $(MPY_DIR)/py/dynruntime.mk',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'Makefile'), makefile);
  const r = await runProcess('make', ['-C', dir, `PYTHON=${env.python}`], { cwd: dir, timeoutMs: CASE_TIMEOUT_MS });
  const mpy = path.join(dir, `${e.module}.mpy`);
  const context = `\n  built in ${dir} (Makefile: the make fragment)`;
  if (r.code !== 0 || !fs.existsSync(mpy)) throw new StageError('make', `building the natmod failed:\n${describeRun(r)}${context}`);
  return { mpy, context };
}

async function twinCase(e: TwinEntry, buildFailure: () => unknown): Promise<void> {
  const failure = buildFailure();
  if (failure) throw failure;
  const problems = [
    ...envProblems({ ...env, micropython: undefined }),
    binaryProblem('MICROPYTHON_TWINS', twins!),
    binaryProblem('MICROPYTHON_TWINREF', twinRef!),
  ].filter((p): p is string => !!p);
  if (problems.length) throw new StageError('setup', `the environment is broken:\n  ${problems.join('\n  ')}`);
  const mpyDir = env.mpyDir!;
  const scripts = [
    ...(e.mpyTests ?? []).flatMap((p) => expandTests(mpyDir, p)),
    ...[...(e.test ? [e.test] : []), ...(e.ownTests ?? [])].map((t) => path.join(OWN_TESTS, t)),
  ];
  // A known difference names a script of MPY_DIR by its path there, one of ours by its path in the repository.
  const scriptKey = (script: string) =>
    script.startsWith(OWN_TESTS + path.sep) ? path.relative(REPO_ROOT, script) : path.relative(mpyDir, script);
  if (!scripts.length)
    throw new StageError('setup', `no test script for ${e.id}: ${JSON.stringify(e.mpyTests)} matched nothing in ${mpyDir}`);

  const work = makeWorkDir(`twin-${e.id}`);
  let passed = false;
  try {
    const buildDir = freshDir(work, 'build');
    const { mpy, context } = await makeWithFragment(buildDir, mpyDir, e);
    summary.set(e.id, { module: e.module, mpyBytes: fs.statSync(mpy).size });
    const lib = freshDir(work, 'lib');
    fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
    // MicroPython's Python-level packages the tests import (asyncio), for both binaries alike.
    const pylib = freshDir(work, 'pylib');
    fs.symlinkSync(path.join(mpyDir, 'extmod', 'asyncio'), path.join(pylib, 'asyncio'));
    const runDir = freshDir(work, 'run');
    await checkProvenance(e, lib, pylib, runDir);

    const diffs: string[] = [];
    let compared = 0;
    let skipped = 0;
    for (const script of scripts) {
      const known = e.knownDiffs?.[scriptKey(script)];
      if (known) {
        loud([`natmodgen twins e2e: ${e.id}: NOT COMPARED ${scriptKey(script)}: ${known}`]);
        continue;
      }
      const nat = await run(twins!, script, runDir, `${lib}:${pylib}`);
      const ref = await run(twinRef!, script, runDir, pylib);
      const [a, b] = [outcome(ref), outcome(nat)];
      if (a === 'SKIP\n' && b === 'SKIP\n') {
        skipped++;
        continue;
      }
      compared++;
      if (a !== b) {
        diffs.push(
          `${path.relative(mpyDir, script)}:\n  built-in: ${clip(JSON.stringify(a), 1500)}\n  natmod:   ${clip(JSON.stringify(b), 1500)}\n` +
            `  natmod stderr: ${clip(nat.stderr, 1500)}`,
        );
      }
    }
    summary.set(e.id, {
      natmod: diffs.length
        ? `FAIL (${diffs.length}/${compared} scripts differ)`
        : `pass (${compared} scripts same${skipped ? `, ${skipped} SKIP on both` : ''})`,
    });
    if (diffs.length) {
      throw new StageError(
        'output',
        `${diffs.length} of ${compared} script(s) print differently with the natmod:\n\n${diffs.join('\n\n')}${context}`,
      );
    }
    passed = true;
  } catch (err) {
    if (err instanceof Error) err.message += `\n  temp dir (kept for inspection): ${work}`;
    throw err;
  } finally {
    if (passed && !env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('MicroPython modules against their built-in twins', () => {
  let buildError: unknown;

  beforeAll(async () => {
    if (skipReason || !runnable.length) return;
    try {
      await buildNatmodgen();
    } catch (e) {
      buildError = e;
    }
  }, CASE_TIMEOUT_MS);

  afterAll(() => summary.print());

  test('the manifest lists modules to compare', () => {
    expect(entries.filter((e) => !e.impossible && !e.pending).length).toBeGreaterThan(0);
    for (const e of entries) expect(e.impossible === undefined || e.pending === undefined).toBe(true);
  });

  // README's list is rendered from the manifest and test/e2e/twins/impossible.json;
  // UPDATE_README=1 rewrites the block.
  test("README's list of MicroPython's modules is the manifest's and impossible.json's", () => {
    const readmePath = path.join(REPO_ROOT, 'README.md');
    const readme = fs.readFileSync(readmePath, 'utf8');
    const want = renderTwinsReadme(lists.entries, lists.impossible);
    const have = readmeTwinsBlock(readme);
    if (process.env.UPDATE_README === '1' && have !== undefined && have !== want) {
      fs.writeFileSync(
        readmePath,
        readme.replace(have, () => want),
      );
      return;
    }
    expect(have).toBe(want);
  });

  test('each module file is compared, pending or impossible exactly once', () => {
    const listed = [
      ...lists.entries.filter((e) => e.mpyTests || e.impossible || e.pending).flatMap((e) => e.files.filter((f) => MODULE_FILE.test(f))),
      ...lists.impossible.flatMap((r) => r.files),
    ];
    expect(listed.filter((f, i) => listed.indexOf(f) !== i)).toEqual([]);
    for (const r of lists.impossible) expect(r.files.every((f) => MODULE_FILE.test(f)) && r.why.length > 0).toBe(true);
    if (!env.mpyDir) {
      loud(['natmodgen twins e2e: MPY_DIR not set: NOT CHECKED that the lists name every extmod/mod*.c and py/mod*.c of the tree.']);
      return;
    }
    const inTree = ['extmod', 'py'].flatMap((d) =>
      fs
        .readdirSync(path.join(env.mpyDir!, d))
        .map((f) => `${d}/${f}`)
        .filter((f) => MODULE_FILE.test(f)),
    );
    expect([...new Set(listed)].sort()).toEqual(inTree.sort());
  });

  for (const e of chosen) {
    if (e.impossible || e.pending) {
      summary.set(e.id, { module: e.module, natmod: e.impossible ? 'impossible (not run)' : 'PENDING (not run)' });
      test.skip(`NOT COMPARED (${e.impossible ? 'impossible' : 'pending'}): ${e.id}`, () => undefined);
      continue;
    }
    if (skipReason) {
      summary.set(e.id, { module: e.module, natmod: `SKIPPED (${skipReason})` });
      test.skip(`SKIPPED (${skipReason}): ${e.id}`, () => undefined);
      continue;
    }
    const absent = absentSubmodules(e);
    if (absent.length) {
      const why = `submodule not checked out in MPY_DIR: ${absent.join(', ')}`;
      summary.set(e.id, { module: e.module, natmod: `SKIPPED (${why})` });
      test.skip(`SKIPPED (${why}): ${e.id}`, () => undefined);
      continue;
    }
    if (noReference.includes(e)) {
      const why = `MICROPYTHON_TWINREF lacks it: needs ${e.reference}`;
      summary.set(e.id, { module: e.module, natmod: `SKIPPED (${why})` });
      test.skip(`SKIPPED (${why}): ${e.id}`, () => undefined);
      continue;
    }
    test(e.id, () => twinCase(e, () => buildError), CASE_TIMEOUT_MS);
  }
});
