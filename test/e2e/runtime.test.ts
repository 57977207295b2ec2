/**
 * End-to-end for natmodgen's runtime library (runtime/): test/e2e/runtime/rtcheck calls
 * every function the library provides, in the modes the API has. Converted with
 * `natmodgen gen`, built with py/dynruntime.mk and loaded by MICROPYTHON, its test.py must
 * print exactly expected.txt; built into a unix port as a user C module (MICROPYTHON_RTREF),
 * it must print the same expected.txt. Both passing means the natmod behaves as the firmware.
 *
 * Environment: MPY_DIR, MICROPYTHON, PYTHON, NATMOD_ARCH as for natmods.test.ts, plus
 *   MICROPYTHON_RTREF  unix port built with USER_C_MODULES=<this repo>/test/e2e/runtime
 *                      (e.g. make -C $MPY_DIR/ports/unix BUILD=build-rt PROG=micropython-rt
 *                       USER_C_MODULES=$PWD/test/e2e/runtime FROZEN_MANIFEST= ...)
 *   MICROPYTHON_TSTRINGS  a unix port with t-strings (CFLAGS_EXTRA=-DMICROPY_PY_TSTRINGS=1), which
 *                      the natmod is loaded into to check mp_obj_new_template against the
 *                      firmware's own (template.py, template-expected.txt)
 */
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, CLI, envProblems, loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { describeRun, runProcess } from './lib/proc';
import { killQemuRuns, mountScript, readFirmwares, runOnQemu } from './lib/qemu';
import {
  buildNatmodgen,
  checkOutput,
  checkProvenance,
  freshDir,
  generate,
  genContext,
  makeNatmod,
  makeWorkDir,
  runTest,
} from './lib/natmod';

const env = readEnv();
const CASE = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'rtcheck');
const testPy = path.join(CASE, 'test.py');
const expected = path.join(CASE, 'expected.txt');
/** The architecture-dependent functions, printed the same on every board (x64, firmware and qemu). */
const boardsPy = path.join(CASE, 'boards.py');
const boardsExpected = path.join(CASE, 'boards-expected.txt');
/** Boards whose heap cannot load the rtcheck natmod (about 50 KB in one allocation). */
const SMALL_HEAP = ['MICROBIT', 'VIRT_RV32'];
const firmwares = readFirmwares(process.env.NATMODGEN_QEMU_DIR?.trim() || undefined).filter((f) => !SMALL_HEAP.includes(f.board.board));
const rtref = process.env.MICROPYTHON_RTREF?.trim() ? path.resolve(process.env.MICROPYTHON_RTREF.trim()) : undefined;
const tstrings = process.env.MICROPYTHON_TSTRINGS?.trim() ? path.resolve(process.env.MICROPYTHON_TSTRINGS.trim()) : undefined;

if (env.skipReason) {
  loud([
    `natmodgen runtime e2e: SKIPPING the rtcheck natmod test: ${env.skipReason}.`,
    'Skipped is not passed: set MPY_DIR and MICROPYTHON to run it.',
  ]);
}
if (!rtref) {
  loud([
    'natmodgen runtime e2e: MICROPYTHON_RTREF not set: the firmware reference run of rtcheck is SKIPPED,',
    'so expected.txt is not re-checked against the firmware in this run.',
  ]);
}

if (!env.skipReason && !tstrings) {
  loud([
    'natmodgen runtime e2e: MICROPYTHON_TSTRINGS not set: mp_obj_new_template is NOT checked against the firmware',
    'in this run (template.py needs a unix port built with -DMICROPY_PY_TSTRINGS=1).',
  ]);
}

const maybe = (cond: boolean) => (cond ? test : test.skip);

describe('runtime library end to end (rtcheck)', () => {
  maybe(!env.skipReason)(
    `natmod (ARCH=${env.arch}) prints expected.txt`,
    async () => {
      const problems = envProblems(env);
      if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
      await buildNatmodgen();
      const work = makeWorkDir('rtcheck');
      const buildDir = freshDir(work, 'build');
      const gen = await generate([path.join(CASE, 'rtcheck.c')], [], buildDir);
      const context = genContext(gen, buildDir);
      const mpy = await makeNatmod(
        buildDir,
        { mpyDir: env.mpyDir!, mod: 'rtcheck', srcs: gen.outputs, arch: env.arch },
        env.python,
        context,
      );
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      await checkProvenance(env.micropython!, 'rtcheck', freshDir(work, 'probe'), lib, context);
      const r = await runTest(env.micropython!, testPy, freshDir(work, 'run'), lib);
      checkOutput(r, expected, lib, context);
      checkOutput(await runTest(env.micropython!, boardsPy, freshDir(work, 'run-boards'), lib), boardsExpected, lib, context);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );

  maybe(!env.skipReason && !!tstrings && env.arch === 'x64')(
    'mp_obj_new_template in the natmod equals the firmware __template__ (MICROPYTHON_TSTRINGS)',
    async () => {
      const problem = binaryProblem('MICROPYTHON_TSTRINGS', tstrings!);
      if (problem) throw new Error(problem);
      await buildNatmodgen();
      const work = makeWorkDir('rtcheck-template');
      const buildDir = freshDir(work, 'build');
      const gen = await generate([path.join(CASE, 'rtcheck.c')], [], buildDir);
      const context = genContext(gen, buildDir);
      const mpy = await makeNatmod(
        buildDir,
        { mpyDir: env.mpyDir!, mod: 'rtcheck', srcs: gen.outputs, arch: env.arch },
        env.python,
        context,
      );
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      const r = await runTest(tstrings!, path.join(CASE, 'template.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(CASE, 'template-expected.txt'), lib, context);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      const problem = binaryProblem('MICROPYTHON_RTREF', rtref!);
      if (problem) throw new Error(problem);
      const work = makeWorkDir('rtcheck-ref');
      const lib = freshDir(work, 'empty-path');
      const r = await runTest(rtref!, testPy, freshDir(work, 'run'), lib);
      checkOutput(r, expected, lib, '\n  (MICROPYTHON_RTREF is the firmware reference: expected.txt is what it prints)');
      const b = await runTest(rtref!, boardsPy, freshDir(work, 'run-boards'), lib);
      checkOutput(b, boardsExpected, lib, '\n  (MICROPYTHON_RTREF is the firmware reference: boards-expected.txt is what it prints)');
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * The same natmod built for the qemu boards (NATMODGEN_QEMU_DIR: ports/qemu firmwares; not
 * MICROBIT and VIRT_RV32, whose heaps cannot hold it: MemoryError allocating 49216 bytes): boards.py compares each architecture-dependent
 * function with what the firmware computes on that board, so every board prints boards-expected.txt.
 */
if (!env.skipReason && !firmwares.length) {
  loud(['natmodgen runtime e2e: NATMODGEN_QEMU_DIR not set or no firmware: boards.py is NOT run on the qemu boards.']);
} else if (!env.skipReason) {
  loud([`natmodgen runtime e2e: boards.py is NOT run on ${SMALL_HEAP.join(', ')}: their heaps cannot load the rtcheck natmod.`]);
}
afterAll(() => killQemuRuns());
describe('runtime library on the qemu boards (boards.py)', () => {
  maybe(!env.skipReason && firmwares.length > 0)(
    `prints boards-expected.txt on ${firmwares.map((f) => `${f.board.board} (${f.board.arch})`).join(', ') || 'no board'}`,
    async () => {
      await buildNatmodgen();
      const work = makeWorkDir('rtcheck-boards');
      const out = freshDir(work, 'out');
      const arches = [...new Set(firmwares.map((f) => f.board.arch))];
      // ports/qemu boards all have floats: rv32imc (none in dynruntime.mk) is built with single precision.
      const args = [
        CLI,
        'build',
        '--mpy-dir',
        env.mpyDir!,
        '--arch',
        arches.join(','),
        '--float-impl',
        'float',
        // the boards' heaps cannot hold the whole module: its host-only checks are left out
        '-D',
        'RTCHECK_BOARDS=1',
        '-o',
        out,
        path.join(CASE, 'rtcheck.c'),
      ];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS * 2 });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      const want = fs.readFileSync(boardsExpected, 'utf8');
      const script = fs.readFileSync(boardsPy, 'utf8');
      for (const { board, firmware } of firmwares) {
        const dir = fs.readdirSync(out).find((d) => d.startsWith(`${board.arch}_`));
        const mpy = path.join(out, dir!, 'rtcheck.mpy');
        const run = await runOnQemu(board, firmware, [mountScript('rtcheck.mpy', fs.readFileSync(mpy)), script], 600_000);
        expect({ board: board.board, stdout: run.stdout, stderr: run.stderr }).toEqual({ board: board.board, stdout: want, stderr: '' });
      }
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    1_800_000,
  );
});

/**
 * mpz (py/mpz.h) as modules like ucrypto and ucbor use it: test/e2e/runtime/mpzcheck built with
 * `natmodgen build -D MICROPY_LONGINT_IMPL=2` (the firmware's long ints, so mp_obj_int_t has its
 * layout), which compiles py/mpz.c of MPY_DIR into the natmod; the firmware reference
 * (MICROPYTHON_RTREF, whose USER_C_MODULES folder holds mpzcheck too) runs the firmware's own.
 */
const MPZ_CASE = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'mpzcheck');
/** The unix port's long ints are mpz (MICROPY_LONGINT_IMPL_MPZ, 2): the natmod is built with the same configuration. */
const MPZ_CONFIG = 'MICROPY_LONGINT_IMPL=2';

describe('py/mpz.c from the MicroPython tree, end to end (mpzcheck)', () => {
  maybe(!env.skipReason && env.arch === 'x64')(
    'natmod built by natmodgen build prints expected.txt',
    async () => {
      const problems = envProblems(env);
      if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
      await buildNatmodgen();
      const work = makeWorkDir('mpzcheck');
      const out = freshDir(work, 'out');
      const args = [
        CLI,
        'build',
        '--mpy-dir',
        env.mpyDir!,
        '--arch',
        'x64',
        '-D',
        MPZ_CONFIG,
        '-o',
        out,
        path.join(MPZ_CASE, 'mpzcheck.c'),
      ];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      const mpy = path.join(
        out,
        fs.readdirSync(out).find((d) => d.startsWith('x64_'))!,
        'mpzcheck.mpy',
      );
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(mpy, path.join(lib, 'mpzcheck.mpy'));
      const r = await runTest(env.micropython!, path.join(MPZ_CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(MPZ_CASE, 'expected.txt'), lib, `\n  built by: ${b.command}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      const problem = binaryProblem('MICROPYTHON_RTREF', rtref!);
      if (problem) throw new Error(problem);
      const work = makeWorkDir('mpzcheck-ref');
      const lib = freshDir(work, 'empty-path');
      const r = await runTest(rtref!, path.join(MPZ_CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(
        r,
        path.join(MPZ_CASE, 'expected.txt'),
        lib,
        '\n  (MICROPYTHON_RTREF is the firmware reference: expected.txt is what it prints)',
      );
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * What issue 8's inventory audit moved out of "impossible": test/e2e/runtime/auditcheck calls the
 * assembler/scope/emitglue headers' plain-C macros and inlines and the runtime library's
 * mp_stack_check, mp_obj_fun_bc_attr, mp_obj_fun_bc_get_name and
 * mp_vfs_mount_and_chdir_protected. Built by `natmodgen build` and loaded by MICROPYTHON, its
 * test.py must print expected.txt; the firmware reference (MICROPYTHON_RTREF, whose
 * USER_C_MODULES folder holds auditcheck too) must print the same.
 */
const AUDIT_CASE = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'auditcheck');

describe('inventory audit end to end (auditcheck)', () => {
  maybe(!env.skipReason)(
    `natmod (ARCH=${env.arch}) built by natmodgen build prints expected.txt`,
    async () => {
      const problems = envProblems(env);
      if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
      await buildNatmodgen();
      const work = makeWorkDir('auditcheck');
      const out = freshDir(work, 'out');
      const args = [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', env.arch, '-o', out, path.join(AUDIT_CASE, 'auditcheck.c')];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      const dir = fs.readdirSync(out).find((d) => d.startsWith(`${env.arch}_`))!;
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(path.join(out, dir, 'auditcheck.mpy'), path.join(lib, 'auditcheck.mpy'));
      const r = await runTest(env.micropython!, path.join(AUDIT_CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(AUDIT_CASE, 'expected.txt'), lib, `\n  built by: ${b.command}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      const problem = binaryProblem('MICROPYTHON_RTREF', rtref!);
      if (problem) throw new Error(problem);
      const work = makeWorkDir('auditcheck-ref');
      const lib = freshDir(work, 'empty-path');
      const r = await runTest(rtref!, path.join(AUDIT_CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(
        r,
        path.join(AUDIT_CASE, 'expected.txt'),
        lib,
        '\n  (MICROPYTHON_RTREF is the firmware reference: expected.txt is what it prints)',
      );
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});
