/**
 * End-to-end: every examples/<name>/ folder (test.py + expected.txt) and every test/e2e/extmod/<name>/
 * folder listed in flags.json is converted with `natmodgen gen`, built with MicroPython's
 * py/dynruntime.mk, loaded by a unix-port MicroPython, and its test.py output compared with
 * expected.txt. Optional reference binaries check that expected.txt is what the firmware build prints.
 *
 * Environment:
 *   MPY_DIR              MicroPython v1.28.0 tree with mpy-cross built          (required, else skipped)
 *   MICROPYTHON          unix-port binary that loads the natmods                 (required, else skipped)
 *   MICROPYTHON_USERMOD  unix port with examples/ built in as USER_C_MODULES     (optional reference)
 *   MICROPYTHON_EXTREF   unix port with the extmod modules built in with flags   (optional reference)
 *   NATMOD_ARCH          natmod ARCH for dynruntime.mk, default x64
 *   PYTHON               python3 with pyelftools for mpy_ld.py, default /usr/bin/python3
 *   NATMODGEN_E2E_KEEP=1 keep the temp dirs of passing cases too (failing ones are always kept)
 *
 * One file on purpose: jest runs the tests of a file serially, and these build C.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Case, discoverExamples, discoverExtmod } from './lib/discover';
import { binaryProblem, envProblems, loud, readEnv, TEST_TIMEOUT_MS } from './lib/env';
import {
  buildNatmodgen,
  checkOutput,
  checkProvenance,
  freshDir,
  generate,
  genContext,
  makeNatmod,
  makeWorkDir,
  moduleName,
  runTest,
  StageError,
} from './lib/natmod';
import { Summary } from './lib/summary';

const env = readEnv();
const cases: Case[] = [...discoverExamples(), ...discoverExtmod()];
const runnable = cases.filter((c) => !c.skip);
const summary = new Summary(`natmodgen end-to-end summary (ARCH=${env.arch})`);

const REF_VAR = { examples: 'MICROPYTHON_USERMOD', extmod: 'MICROPYTHON_EXTREF' } as const;
const refBinary = (c: Case): string | undefined => (c.group === 'examples' ? env.usermod : env.extref);

// Say loudly, at load time, what will not run and why.
if (env.skipReason) {
  loud([
    `natmodgen e2e: SKIPPING ${runnable.length} natmod end-to-end test(s): ${env.skipReason}.`,
    'Nothing was converted, built or run; skipped is not passed.',
    'To run them, set MPY_DIR=<MicroPython v1.28.0 tree with mpy-cross built>',
    '                 MICROPYTHON=<unix-port micropython binary>',
    'e.g. MPY_DIR=/work/mpy/micropython MICROPYTHON=$MPY_DIR/ports/unix/build-plain/micropython npx jest test/e2e',
    'Skipped:',
    ...runnable.map((c) => `  SKIPPED (set MPY_DIR and MICROPYTHON): ${c.label}`),
  ]);
} else {
  const problems = envProblems(env);
  if (problems.length) loud(['natmodgen e2e: the environment is set but broken; every natmod test will FAIL:', ...problems]);
}
for (const group of ['examples', 'extmod'] as const) {
  const n = runnable.filter((c) => c.group === group).length;
  if (n > 0 && !(group === 'examples' ? env.usermod : env.extref)) {
    process.stderr.write(`natmodgen e2e: ${REF_VAR[group]} not set: the ${n} firmware reference check(s) for ${group}/ are skipped\n`);
  }
}
for (const c of cases.filter((x) => x.skip)) process.stderr.write(`natmodgen e2e: skipping ${c.label}: ${c.skip}\n`);

function stageOf(e: unknown): string {
  return e instanceof StageError ? e.stage : 'error';
}

/** Appends where the case's files are (kept for inspection) to a failure. */
function withWorkDir(e: unknown, work: string): unknown {
  if (e instanceof Error) e.message += `\n  temp dir (kept for inspection): ${work}`;
  return e;
}

async function natmodCase(c: Case, buildFailure: () => unknown): Promise<void> {
  if (c.problem) throw new StageError('setup', c.problem);
  const failure = buildFailure();
  if (failure) throw failure;
  const problems = envProblems(env);
  if (problems.length) throw new StageError('setup', `the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
  const mpyDir = env.mpyDir!;
  const micropython = env.micropython!;

  const files = c.sources.kind === 'files' ? c.sources.files : [path.join(mpyDir, c.sources.rel)];
  const absent = files.filter((f) => !fs.existsSync(f));
  if (absent.length) throw new StageError('setup', `input file(s) not found: ${absent.join(', ')}`);

  const work = makeWorkDir(c.label);
  let passed = false;
  try {
    const buildDir = freshDir(work, 'build');
    const mod = await moduleName(files);
    summary.set(c.label, { module: mod });

    const gen = await generate(files, c.defines, buildDir);
    const context = genContext(gen, buildDir);

    const mpy = await makeNatmod(buildDir, { mpyDir, mod, srcs: gen.outputs, arch: env.arch }, env.python, context);
    summary.set(c.label, { mpyBytes: fs.statSync(mpy).size });

    // MICROPYPATH holds nothing but the .mpy; the script runs from a dir holding nothing but test.py.
    const lib = freshDir(work, 'lib');
    fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
    const r = await runTest(micropython, c.testPy, freshDir(work, 'run'), lib);

    const errors: StageError[] = [];
    try {
      await checkProvenance(micropython, mod, freshDir(work, 'probe'), lib, '');
    } catch (e) {
      errors.push(e as StageError);
    }
    try {
      checkOutput(r, c.expected, lib, context);
    } catch (e) {
      errors.push(e as StageError);
    }
    if (errors.length) throw new StageError(errors[0].stage, errors.map((e) => e.message).join('\n\n'));
    passed = true;
  } catch (e) {
    throw withWorkDir(e, work);
  } finally {
    if (passed && !env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
  }
}

async function referenceCase(c: Case, binary: string): Promise<void> {
  const problem = binaryProblem(REF_VAR[c.group], binary);
  if (problem) throw new StageError('setup', problem);
  const work = makeWorkDir(`ref-${c.label}`);
  let passed = false;
  try {
    // An empty MICROPYPATH: the module can only come from the binary itself.
    const lib = freshDir(work, 'empty-path');
    const r = await runTest(binary, c.testPy, freshDir(work, 'run'), lib);
    checkOutput(r, c.expected, lib, `\n  (${REF_VAR[c.group]} is the firmware reference: expected.txt should be exactly what it prints)`);
    passed = true;
  } catch (e) {
    throw withWorkDir(e, work);
  } finally {
    if (passed && !env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('natmodgen end to end', () => {
  let buildError: unknown;

  beforeAll(async () => {
    if (env.skipReason || !runnable.some((c) => !c.problem)) return;
    try {
      await buildNatmodgen();
    } catch (e) {
      buildError = e;
    }
  }, TEST_TIMEOUT_MS);

  afterAll(() => summary.print());

  if (cases.length === 0) {
    test('at least one end-to-end case exists', () => {
      throw new Error('no examples/<name>/ folder with test.py and expected.txt was found: the suite would test nothing');
    });
  }

  for (const c of cases) {
    summary.set(c.label, {});
    if (c.skip) {
      summary.set(c.label, { natmod: 'skipped (incomplete data)', reference: 'skipped' });
      test.skip(`SKIPPED (${c.skip}): ${c.label}`, () => undefined);
      continue;
    }

    if (env.skipReason) {
      summary.set(c.label, { natmod: 'SKIPPED (no MPY_DIR/MICROPYTHON)' });
      test.skip(`SKIPPED (set MPY_DIR and MICROPYTHON): ${c.label}`, () => undefined);
    } else {
      test(
        c.label,
        async () => {
          try {
            await natmodCase(c, () => buildError);
            summary.set(c.label, { natmod: 'pass' });
          } catch (e) {
            summary.set(c.label, { natmod: `FAIL (${stageOf(e)})` });
            throw e;
          }
        },
        TEST_TIMEOUT_MS,
      );
    }

    const ref = refBinary(c);
    const refVar = REF_VAR[c.group];
    if (!ref) {
      summary.set(c.label, { reference: `skipped (no ${refVar})` });
      test.skip(`SKIPPED (set ${refVar}): ${c.label} firmware reference`, () => undefined);
    } else {
      test(
        `${c.label} firmware reference (${refVar})`,
        async () => {
          try {
            await referenceCase(c, ref);
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
