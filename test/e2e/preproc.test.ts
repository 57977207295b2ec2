/**
 * End-to-end for what only a preprocessor model sees: every test/fixtures/preproc/<name>/ folder
 * (the module's .c files, test.py, expected.txt, optional natmodgen.json with "defines" and
 * "includeDirs" relative to the folder) is converted with `natmodgen gen -D.. -I..`, built with
 * py/dynruntime.mk, loaded by the unix port, and its output compared with expected.txt.
 * These fixtures use spellings the v1.28.0 firmware no longer compiles (struct-initialiser
 * types, 3-argument MP_REGISTER_MODULE), so expected.txt is what their firmware build printed
 * on the MicroPython versions they were written for; examples/macros is the case with a
 * v1.28.0 firmware reference (test/e2e/natmods.test.ts).
 * A fixture that is valid v1.28.0 C has a micropython.mk (its natmodgen.json's -D and -I as
 * CFLAGS_USERMOD) and is also run on MICROPYTHON_PREPROCREF, a unix port built with
 * USER_C_MODULES=test/fixtures/preproc: it must print the same expected.txt, so the natmod behaves
 * as the firmware build of the same source. Built, for example, with
 *   make -C $MPY_DIR/ports/unix BUILD=build-preproc PROG=micropython-preproc \
 *     USER_C_MODULES=$PWD/test/fixtures/preproc
 * (one firmware for all of them: stackcheck's -DMICROPY_STACK_CHECK=0 applies to the whole build).
 *
 * Environment as for test/e2e/natmods.test.ts: MPY_DIR and MICROPYTHON, else skipped loudly;
 * MICROPYTHON_PREPROCREF (optional, skipped loudly without it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, CLI, envProblems, loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { buildNatmodgen, checkOutput, freshDir, makeNatmod, makeWorkDir, moduleName, runTest, StageError } from './lib/natmod';
import { describeRun, runProcess, succeeded } from './lib/proc';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'preproc');
const env = readEnv();

interface Fixture {
  name: string;
  dir: string;
  files: string[];
  defines: string[];
  includeDirs: string[];
  /** It has a micropython.mk: valid v1.28.0 C, built into MICROPYTHON_PREPROCREF. */
  firmware: boolean;
}

function fixtures(): Fixture[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES)
    .sort()
    .map((name) => path.join(FIXTURES, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'test.py')))
    .map((dir) => {
      const cfgPath = path.join(dir, 'natmodgen.json');
      const cfg = fs.existsSync(cfgPath)
        ? (JSON.parse(fs.readFileSync(cfgPath, 'utf8')) as { defines?: string[]; includeDirs?: string[]; files?: string[] })
        : {};
      const files =
        cfg.files ??
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.c'))
          .sort();
      return {
        name: path.basename(dir),
        dir,
        files: files.map((f) => path.join(dir, f)),
        defines: cfg.defines ?? [],
        includeDirs: (cfg.includeDirs ?? []).map((d) => path.join(dir, d)),
        firmware: fs.existsSync(path.join(dir, 'micropython.mk')),
      };
    });
}

const cases = fixtures();
if (env.skipReason) {
  loud([
    `natmodgen preproc e2e: SKIPPING ${cases.length} test(s): ${env.skipReason}. Skipped is not passed.`,
    ...cases.map((c) => `  SKIPPED: preproc/${c.name}`),
  ]);
}

const preprocRef = process.env.MICROPYTHON_PREPROCREF?.trim() ? path.resolve(process.env.MICROPYTHON_PREPROCREF.trim()) : undefined;
const withFirmware = cases.filter((c) => c.firmware);
if (!preprocRef) {
  loud([
    `natmodgen preproc e2e: SKIPPING the firmware runs of ${withFirmware.length} fixture(s): MICROPYTHON_PREPROCREF is not set.`,
    'Set it to a unix port built with USER_C_MODULES=test/fixtures/preproc (see the comment at the top of this file).',
  ]);
}

let built: Promise<void> | undefined;

describe('preproc fixtures: convert, build with dynruntime.mk, run', () => {
  if (env.skipReason) {
    for (const c of cases) test.skip(`SKIPPED (set MPY_DIR and MICROPYTHON): preproc/${c.name}`, () => undefined);
    return;
  }
  test.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    async (_n, c) => {
      const problems = envProblems(env);
      if (problems.length) throw new StageError('setup', problems.join('\n'));
      built ??= buildNatmodgen();
      await built;
      const work = makeWorkDir(`preproc-${c.name}`);
      const buildDir = freshDir(work, 'build');
      const mod = await moduleName(c.files);
      const args = ['gen', ...c.defines.flatMap((d) => ['-D', d]), ...c.includeDirs.flatMap((d) => ['-I', d]), '-o', buildDir, ...c.files];
      const g = await runProcess(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, timeoutMs: 60_000 });
      if (!succeeded(g)) throw new StageError('gen', `natmodgen gen failed:\n${describeRun(g)}\n  temp dir: ${work}`);
      const mpy = await makeNatmod(
        buildDir,
        {
          mpyDir: env.mpyDir!,
          mod,
          srcs: c.files.map((f) => path.basename(f)),
          arch: env.arch,
          cflags: c.includeDirs.map((d) => `-I${d}`),
        },
        env.python,
        `\n  temp dir: ${work}`,
      );
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      const r = await runTest(env.micropython!, path.join(c.dir, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(c.dir, 'expected.txt'), lib, `\n  temp dir: ${work}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );
});

describe('preproc fixtures: the firmware build of the same source prints the same expected.txt', () => {
  (preprocRef ? test : test.skip).each(withFirmware.map((c) => [c.name, c] as const))(
    preprocRef ? '%s (MICROPYTHON_PREPROCREF)' : 'SKIPPED (set MICROPYTHON_PREPROCREF): %s',
    async (_n, c) => {
      expect(binaryProblem('MICROPYTHON_PREPROCREF', preprocRef!)).toBeUndefined();
      const work = makeWorkDir(`preproc-fw-${c.name}`);
      const empty = freshDir(work, 'empty-path');
      const r = await runTest(preprocRef!, path.join(c.dir, 'test.py'), freshDir(work, 'run'), empty);
      checkOutput(
        r,
        path.join(c.dir, 'expected.txt'),
        empty,
        '\n  MICROPYTHON_PREPROCREF is the firmware reference (rebuild it if the fixtures changed)',
      );
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});
