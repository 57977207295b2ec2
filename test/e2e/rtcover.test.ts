/**
 * End-to-end for the runtime-library functions that no other fixture compared with the firmware
 * called (test/unit/facts/runtime-e2e-callers.test.ts lists them): test/e2e/runtime/rtcover is
 * built by `natmodgen build` and loaded by MICROPYTHON, and its test.py must print expected.txt;
 * the firmware reference (MICROPYTHON_RTREF, a unix port with test/e2e/runtime as
 * USER_C_MODULES, which holds rtcover too) must print the same. The natmod is checked to be the
 * module imported (not a built-in of the same name).
 *
 * Environment: MPY_DIR, MICROPYTHON, PYTHON, NATMOD_ARCH as for natmods.test.ts, plus
 * MICROPYTHON_RTREF (optional, skipped loudly without it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, CLI, envProblems, loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { buildNatmodgen, checkOutput, checkProvenance, freshDir, makeWorkDir, runTest } from './lib/natmod';
import { describeRun, runProcess } from './lib/proc';

const env = readEnv();
const CASE = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'rtcover');
const rtref = process.env.MICROPYTHON_RTREF?.trim() ? path.resolve(process.env.MICROPYTHON_RTREF.trim()) : undefined;

if (env.skipReason) loud([`natmodgen rtcover e2e: SKIPPING the natmod run: ${env.skipReason}. Skipped is not passed.`]);
if (!rtref) loud(['natmodgen rtcover e2e: SKIPPING the firmware run: MICROPYTHON_RTREF is not set.']);

describe('runtime functions called by no other firmware-compared fixture (rtcover)', () => {
  (env.skipReason ? test.skip : test)(
    `natmod (ARCH=${env.arch}) built by natmodgen build prints expected.txt`,
    async () => {
      expect(envProblems(env)).toEqual([]);
      await buildNatmodgen();
      const work = makeWorkDir('rtcover');
      const out = freshDir(work, 'out');
      const args = [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', env.arch, '-o', out, path.join(CASE, 'rtcover.c')];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      const dir = fs.readdirSync(out).find((d) => d.startsWith(`${env.arch}_`))!;
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(path.join(out, dir, 'rtcover.mpy'), path.join(lib, 'rtcover.mpy'));
      await checkProvenance(env.micropython!, 'rtcover', freshDir(work, 'probe'), lib, '');
      const r = await runTest(env.micropython!, path.join(CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(CASE, 'expected.txt'), lib, `\n  built by: ${b.command}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );

  (rtref ? test : test.skip)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      expect(binaryProblem('MICROPYTHON_RTREF', rtref!)).toBeUndefined();
      const work = makeWorkDir('rtcover-ref');
      const lib = freshDir(work, 'empty-path');
      const r = await runTest(rtref!, path.join(CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(
        r,
        path.join(CASE, 'expected.txt'),
        lib,
        '\n  (MICROPYTHON_RTREF is the firmware reference: rebuild it with test/e2e/runtime/rtcover)',
      );
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});
