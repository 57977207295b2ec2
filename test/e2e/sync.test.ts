/**
 * End-to-end for `natmodgen sync`: every examples/<name>/ folder (test.py + expected.txt) is
 * copied, its .c files are synced in place with the built CLI, and the SYNCED files themselves
 * (no `natmodgen gen` step) are built with MicroPython's py/dynruntime.mk, loaded by a unix-port
 * MicroPython, and test.py's output compared with expected.txt. With MICROPYTHON_USERMOD, the
 * user C module side is checked too: each synced file preprocesses, as the unix port compiles a
 * user C module, to the same tokens as the original.
 *
 * Environment (as test/e2e/natmods.test.ts):
 *   MPY_DIR              MicroPython v1.28.0 tree with mpy-cross built          (required, else skipped)
 *   MICROPYTHON          unix-port binary that loads the natmods                 (required, else skipped)
 *   MICROPYTHON_USERMOD  unix port built with USER_C_MODULES=examples; the folder of the binary
 *                        is its build folder (genhdr/)                          (optional: user C module side)
 *   NATMOD_ARCH          natmod ARCH for dynruntime.mk, default x64
 *   PYTHON               python3 with pyelftools for mpy_ld.py, default /usr/bin/python3
 *   NATMODGEN_E2E_KEEP=1 keep the temp dirs of passing cases too (failing ones are always kept)
 */
import * as fs from 'fs';
import * as path from 'path';
import { unifiedDiff } from './lib/diff';
import { Case, discoverExamples } from './lib/discover';
import { binaryProblem, envProblems, loud, readEnv, TEST_TIMEOUT_MS } from './lib/env';
import { buildNatmodgen, checkOutput, checkProvenance, freshDir, makeNatmod, makeWorkDir, moduleName, runTest } from './lib/natmod';
import { describeRun, succeeded } from './lib/proc';
import { Summary } from './lib/summary';
import { collapse, forDiff, preprocessUsermod, syncInPlace, syncOrFail, syncStdin, SyncStageError, usermodProblem } from './lib/sync';

const env = readEnv();
const cases: Case[] = discoverExamples();
const runnable = cases.filter((c) => !c.skip);
const summary = new Summary(`natmodgen sync end-to-end summary (ARCH=${env.arch}; "firmware reference" = user C module side unchanged)`);

if (env.skipReason) {
  loud([
    `natmodgen e2e sync: SKIPPING ${runnable.length} synced-natmod end-to-end test(s): ${env.skipReason}.`,
    'Nothing was synced, built or run; skipped is not passed.',
    'To run them, set MPY_DIR=<MicroPython v1.28.0 tree with mpy-cross built>',
    '                 MICROPYTHON=<unix-port micropython binary>',
    '         and optionally MICROPYTHON_USERMOD=<unix port built with USER_C_MODULES=examples>',
    'e.g. MPY_DIR=/work/mpy/micropython MICROPYTHON=$MPY_DIR/ports/unix/build-noext/micropython npx jest test/e2e/sync.test.ts',
    'Skipped:',
    ...runnable.map((c) => `  SKIPPED (set MPY_DIR and MICROPYTHON): ${c.label} (sync)`),
  ]);
} else {
  const problems = envProblems(env);
  if (problems.length) loud(['natmodgen e2e sync: the environment is set but broken; every test will FAIL:', ...problems]);
}
if (runnable.length > 0 && !env.usermod) {
  process.stderr.write(`natmodgen e2e sync: MICROPYTHON_USERMOD not set: the ${runnable.length} user-C-module-side check(s) are skipped\n`);
} else if (env.usermod && !env.mpyDir) {
  process.stderr.write('natmodgen e2e sync: MICROPYTHON_USERMOD is set but MPY_DIR is not: the user-C-module-side checks are skipped\n');
}
for (const c of cases.filter((x) => x.skip)) process.stderr.write(`natmodgen e2e sync: skipping ${c.label}: ${c.skip}\n`);

function stageOf(e: unknown): string {
  return e && typeof e === 'object' && 'stage' in e ? String((e as { stage: unknown }).stage) : 'error';
}

function withWorkDir(e: unknown, work: string): unknown {
  if (e instanceof Error) e.message += `\n  temp dir (kept for inspection): ${work}`;
  return e;
}

function sourceFiles(c: Case): string[] {
  if (c.sources.kind !== 'files') throw new SyncStageError('setup', `${c.label}: not a folder of .c files`);
  return c.sources.files;
}

/** Copies the example folder's files (sources, headers, test data) into `dir`. */
function copyFolder(c: Case, dir: string): void {
  for (const f of fs.readdirSync(c.dataDir)) {
    const from = path.join(c.dataDir, f);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(dir, f));
  }
}

/** Copies the example and syncs its .c files in place; returns the base names of the synced files. */
async function syncedCopy(c: Case, dir: string): Promise<string[]> {
  copyFolder(c, dir);
  const names = sourceFiles(c).map((f) => path.basename(f));
  await syncOrFail(dir, names, c.defines);
  const unchanged = names.filter((n) => fs.readFileSync(path.join(dir, n), 'utf8') === fs.readFileSync(path.join(c.dataDir, n), 'utf8'));
  if (unchanged.length)
    throw new SyncStageError('sync', `natmodgen sync exited 0 but left ${unchanged.join(', ')} unchanged (nothing to build both ways)`);
  return names;
}

async function syncNatmodCase(c: Case, buildFailure: () => unknown): Promise<void> {
  if (c.problem) throw new SyncStageError('setup', c.problem);
  const failure = buildFailure();
  if (failure) throw failure;
  const problems = envProblems(env);
  if (problems.length) throw new SyncStageError('setup', `the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
  const mpyDir = env.mpyDir!;
  const micropython = env.micropython!;

  const work = makeWorkDir(`sync-${c.label}`);
  let passed = false;
  try {
    const src = freshDir(work, 'src');
    const names = await syncedCopy(c, src);
    const synced = new Map(names.map((n) => [n, fs.readFileSync(path.join(src, n), 'utf8')]));

    // The built CLI agrees with itself: --check says in sync, and a real stdin pipe gives the same text.
    const check = await syncInPlace(src, names, c.defines, ['--check']);
    if (check.code !== 0)
      throw new SyncStageError('sync', `natmodgen sync --check right after sync did not exit 0:\n${describeRun(check)}`);
    for (const n of names) {
      const r = await syncStdin(src, n, names, c.defines, fs.readFileSync(path.join(c.dataDir, n), 'utf8'));
      if (!succeeded(r) || r.stdout !== synced.get(n)) {
        const diff = unifiedDiff(synced.get(n)!, r.stdout, { expected: `${n} as synced in place`, actual: 'stdout of sync --stdin' });
        throw new SyncStageError(
          'sync',
          `natmodgen sync --stdin --stdin-filepath ${n} disagrees with the in-place sync:\n${diff}\n${describeRun(r, { stdout: false })}`,
        );
      }
    }

    // MOD from `natmodgen name` of the original sources: `natmodgen name` on synced sources fails
    // for some examples (NMG1003, see test/sync/name.test.ts), which is not what this checks.
    const mod = await moduleName(sourceFiles(c));
    summary.set(c.label, { module: mod });

    // SRC = the synced files themselves, built in their own folder (their headers sit next to them).
    const context = `\n  synced sources: ${names.map((n) => path.join(src, n)).join(', ')}`;
    const mpy = await makeNatmod(src, { mpyDir, mod, srcs: names, arch: env.arch }, env.python, context);
    summary.set(c.label, { mpyBytes: fs.statSync(mpy).size });

    const lib = freshDir(work, 'lib');
    fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
    const r = await runTest(micropython, c.testPy, freshDir(work, 'run'), lib);

    const errors: Error[] = [];
    try {
      await checkProvenance(micropython, mod, freshDir(work, 'probe'), lib, context);
    } catch (e) {
      errors.push(e as Error);
    }
    try {
      checkOutput(r, c.expected, lib, context);
    } catch (e) {
      errors.push(e as Error);
    }
    if (errors.length) throw new SyncStageError(stageOf(errors[0]) as SyncStageError['stage'], errors.map((e) => e.message).join('\n\n'));
    passed = true;
  } catch (e) {
    throw withWorkDir(e, work);
  } finally {
    if (passed && !env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
  }
}

async function usermodSideCase(c: Case, usermod: string, buildFailure: () => unknown): Promise<void> {
  if (c.problem) throw new SyncStageError('setup', c.problem);
  const failure = buildFailure();
  if (failure) throw failure;
  const problem = binaryProblem('MICROPYTHON_USERMOD', usermod) ?? usermodProblem(usermod);
  if (problem) throw new SyncStageError('setup', problem);
  const inc = { mpyDir: env.mpyDir!, buildDir: path.dirname(usermod) };

  const work = makeWorkDir(`sync-usermod-${c.label}`);
  let passed = false;
  try {
    const src = freshDir(work, 'src');
    const names = await syncedCopy(c, src);
    const diffs: string[] = [];
    for (const n of names) {
      const before = await preprocessUsermod(path.join(c.dataDir, n), c.dataDir, inc);
      const after = await preprocessUsermod(path.join(src, n), src, inc);
      if (collapse(before.text) !== collapse(after.text)) {
        const diff = unifiedDiff(forDiff(before.text), forDiff(after.text), {
          expected: `${n} (original, preprocessed)`,
          actual: `${n} (synced, preprocessed)`,
        });
        diffs.push(
          `${n}: the user C module build sees different code after sync:\n${diff}\n  original: ${before.run.command}\n  synced:   ${after.run.command}`,
        );
      }
    }
    if (diffs.length) throw new SyncStageError('usermod side', diffs.join('\n\n'));
    passed = true;
  } catch (e) {
    throw withWorkDir(e, work);
  } finally {
    if (passed && !env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('natmodgen sync end to end', () => {
  let buildError: unknown;
  const runsAnything = (!env.skipReason || (env.usermod && env.mpyDir)) && runnable.some((c) => !c.problem);

  beforeAll(async () => {
    if (!runsAnything) return;
    try {
      await buildNatmodgen();
    } catch (e) {
      buildError = e;
    }
  }, TEST_TIMEOUT_MS);

  afterAll(() => summary.print());

  if (cases.length === 0) {
    test('at least one example exists', () => {
      throw new Error('no examples/<name>/ folder with test.py and expected.txt was found: the suite would test nothing');
    });
  }

  for (const c of cases) {
    summary.set(c.label, {});
    if (c.skip) {
      summary.set(c.label, { natmod: 'skipped (incomplete data)', reference: 'skipped' });
      test.skip(`SKIPPED (${c.skip}): ${c.label} (sync)`, () => undefined);
      continue;
    }

    if (env.skipReason) {
      summary.set(c.label, { natmod: 'SKIPPED (no MPY_DIR/MICROPYTHON)' });
      test.skip(`SKIPPED (set MPY_DIR and MICROPYTHON): ${c.label} synced, built as a natmod`, () => undefined);
    } else {
      test(
        `${c.label} synced, built as a natmod`,
        async () => {
          try {
            await syncNatmodCase(c, () => buildError);
            summary.set(c.label, { natmod: 'pass' });
          } catch (e) {
            summary.set(c.label, { natmod: `FAIL (${stageOf(e)})` });
            throw e;
          }
        },
        TEST_TIMEOUT_MS,
      );
    }

    const usermod = env.usermod;
    if (!usermod || !env.mpyDir) {
      const why = !usermod ? 'MICROPYTHON_USERMOD' : 'MPY_DIR';
      summary.set(c.label, { reference: `skipped (no ${why})` });
      test.skip(`SKIPPED (set ${why}): ${c.label} synced, user C module side unchanged`, () => undefined);
    } else {
      test(
        `${c.label} synced, user C module side unchanged (MICROPYTHON_USERMOD)`,
        async () => {
          try {
            await usermodSideCase(c, usermod, () => buildError);
            summary.set(c.label, { reference: 'pass' });
          } catch (e) {
            summary.set(c.label, { reference: `FAIL (${stageOf(e)})` });
            throw e;
          }
        },
        TEST_TIMEOUT_MS,
      );
    }
  }
});
