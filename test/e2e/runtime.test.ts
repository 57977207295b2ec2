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
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, CLI, envProblems, loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { describeRun, runProcess } from './lib/proc';
import { killQemuRuns, mountScript, readFirmwares, runOnQemu } from './lib/qemu';
import {
  buildLoadable,
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
      const { lib, context } = await buildLoadable(work, 'rtcheck', [path.join(CASE, 'rtcheck.c')], {
        mpyDir: env.mpyDir!,
        arch: env.arch,
        python: env.python,
        micropython: env.micropython!,
      });
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
/**
 * `natmodgen build` of one case's C file for one ARCH (extra: arguments before `-o`) in work;
 * the .mpy is copied into a fresh lib folder for the run.
 */
async function buildCase(work: string, source: string, arch: string, extra: string[] = []): Promise<{ lib: string; command: string }> {
  const out = freshDir(work, 'out');
  const args = [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', arch, ...extra, '-o', out, source];
  const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS });
  if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
  const mpy = `${path.basename(source, '.c')}.mpy`;
  const dir = fs.readdirSync(out).find((d) => d.startsWith(`${arch}_`))!;
  const lib = freshDir(work, 'lib');
  fs.copyFileSync(path.join(out, dir, mpy), path.join(lib, mpy));
  return { lib, command: b.command };
}

/** The firmware reference (MICROPYTHON_RTREF, the case compiled in) runs the case's test.py and prints its expected.txt. */
async function checkReference(name: string, caseDir: string): Promise<void> {
  const problem = binaryProblem('MICROPYTHON_RTREF', rtref!);
  if (problem) throw new Error(problem);
  const work = makeWorkDir(`${name}-ref`);
  const lib = freshDir(work, 'empty-path');
  const r = await runTest(rtref!, path.join(caseDir, 'test.py'), freshDir(work, 'run'), lib);
  checkOutput(
    r,
    path.join(caseDir, 'expected.txt'),
    lib,
    '\n  (MICROPYTHON_RTREF is the firmware reference: expected.txt is what it prints)',
  );
  if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
}

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
      const { lib, command } = await buildCase(work, path.join(MPZ_CASE, 'mpzcheck.c'), 'x64', ['-D', MPZ_CONFIG]);
      const r = await runTest(env.micropython!, path.join(MPZ_CASE, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(MPZ_CASE, 'expected.txt'), lib, `\n  built by: ${command}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      await checkReference('mpzcheck', MPZ_CASE);
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * What a firmware takes from its C library or its port and natmodgen's runtime builds instead:
 * sscanf, setjmp/longjmp, mp_hal_stdin_rx_chr, extmod/vfs.h's block-device calls,
 * mp_reader_new_mem and mp_warning (test/e2e/runtime/rtextra). On x64 test.py runs with "ab\ncd"
 * on stdin and must print expected.txt and, on stderr, expected-stderr.txt (the warnings); the
 * firmware reference (MICROPYTHON_RTREF, whose USER_C_MODULES folder holds rtextra: glibc's sscanf
 * and setjmp, the unix port's HAL) must print the same. On every qemu board (the module is small
 * enough for MICROBIT's and VIRT_RV32's heaps) the part of test.py above its "unix only" line
 * must print boards-expected.txt: setjmp/longjmp run on armv6m, armv7m, armv7emdp and rv32imc.
 */
const EXTRA = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'rtextra');
const EXTRA_STDIN = 'ab\ncd';
const qemuAll = readFirmwares(process.env.NATMODGEN_QEMU_DIR?.trim() || undefined);

/**
 * ARCHes whose setjmp/sscanf are compiled but not run (no qemu board): each with its compiler.
 * xtensawin is not among them: natmodgen's runtime has no setjmp there (see runtime/setjmp.c).
 */
const BUILD_ONLY = [
  { arch: 'x86', cc: 'gcc' },
  { arch: 'armv7emsp', cc: 'arm-none-eabi-gcc' },
  { arch: 'xtensa', cc: 'xtensa-lx106-elf-gcc' },
  { arch: 'rv64imc', cc: 'riscv64-unknown-elf-gcc' },
].map((a) => ({ ...a, missing: spawnSync(a.cc, ['--version']).status !== 0 }));
if (!env.skipReason && BUILD_ONLY.some((a) => a.missing)) {
  loud([
    `natmodgen runtime e2e: rtextra is NOT built for ${BUILD_ONLY.filter((a) => a.missing)
      .map((a) => `${a.arch} (no ${a.cc})`)
      .join(', ')}.`,
  ]);
}

async function runExtra(micropython: string, work: string, lib: string) {
  const run = freshDir(work, 'run');
  fs.copyFileSync(path.join(EXTRA, 'test.py'), path.join(run, 'test.py'));
  const r = await runProcess(micropython, ['test.py'], {
    cwd: run,
    env: { ...process.env, MICROPYPATH: lib },
    input: EXTRA_STDIN,
    timeoutMs: TEST_TIMEOUT_MS,
  });
  checkOutput(r, path.join(EXTRA, 'expected.txt'), lib, '\n  (stdin: "ab\\ncd")');
  expect(r.stderr).toBe(fs.readFileSync(path.join(EXTRA, 'expected-stderr.txt'), 'utf8'));
}

if (!env.skipReason && !qemuAll.length) {
  loud([
    'natmodgen runtime e2e: NATMODGEN_QEMU_DIR not set or no firmware: rtextra (setjmp/longjmp, sscanf) is NOT run on the qemu boards.',
  ]);
}

describe('C library and port services of the runtime, end to end (rtextra)', () => {
  maybe(!env.skipReason && env.arch === 'x64')(
    'natmod built by natmodgen build prints expected.txt and expected-stderr.txt',
    async () => {
      const problems = envProblems(env);
      if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
      await buildNatmodgen();
      const work = makeWorkDir('rtextra');
      const { lib } = await buildCase(work, path.join(EXTRA, 'rtextra.c'), 'x64');
      await runExtra(env.micropython!, work, lib);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same',
    async () => {
      const problem = binaryProblem('MICROPYTHON_RTREF', rtref!);
      if (problem) throw new Error(problem);
      const work = makeWorkDir('rtextra-ref');
      await runExtra(rtref!, work, freshDir(work, 'empty-path'));
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );

  maybe(!env.skipReason)(
    `builds (-Werror) for the ARCHes no run above covers: ${BUILD_ONLY.map((a) => `${a.arch}${a.missing ? ' (SKIPPED: no ' + a.cc + ')' : ''}`).join(', ')}`,
    async () => {
      await buildNatmodgen();
      const arches = BUILD_ONLY.filter((a) => !a.missing).map((a) => a.arch);
      if (!arches.length) return;
      const work = makeWorkDir('rtextra-arches');
      const out = freshDir(work, 'out');
      const args = [CLI, 'build', '--mpy-dir', env.mpyDir!, '--arch', arches.join(','), '-o', out, path.join(EXTRA, 'rtextra.c')];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS * 2 });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      for (const arch of arches)
        expect(
          fs.existsSync(
            path.join(
              out,
              fs.readdirSync(out).find((d) => d.startsWith(`${arch}_`))!,
              'rtextra.mpy',
            ),
          ),
        ).toBe(true);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );

  maybe(!env.skipReason && qemuAll.length > 0)(
    `prints boards-expected.txt on ${qemuAll.map((f) => `${f.board.board} (${f.board.arch})`).join(', ') || 'no board'}`,
    async () => {
      await buildNatmodgen();
      const work = makeWorkDir('rtextra-boards');
      const out = freshDir(work, 'out');
      const arches = [...new Set(qemuAll.map((f) => f.board.arch))];
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
        '-o',
        out,
        path.join(EXTRA, 'rtextra.c'),
      ];
      const b = await runProcess('node', args, { cwd: work, env: { ...process.env, PYTHON: env.python }, timeoutMs: TEST_TIMEOUT_MS * 2 });
      if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
      const want = fs.readFileSync(path.join(EXTRA, 'boards-expected.txt'), 'utf8');
      const text = fs.readFileSync(path.join(EXTRA, 'test.py'), 'utf8');
      const cut = text.indexOf('# ---- unix only');
      if (cut < 0) throw new Error('test/e2e/runtime/rtextra/test.py has no "# ---- unix only" line');
      for (const { board, firmware } of qemuAll) {
        const dir = fs.readdirSync(out).find((d) => d.startsWith(`${board.arch}_`));
        const mpy = path.join(out, dir!, 'rtextra.mpy');
        const run = await runOnQemu(board, firmware, [mountScript('rtextra.mpy', fs.readFileSync(mpy)), text.slice(0, cut)], 600_000);
        expect({ board: board.board, stdout: run.stdout, stderr: run.stderr }).toEqual({ board: board.board, stdout: want, stderr: '' });
      }
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    1_800_000,
  );
});

/**
 * A fixture of test/e2e/runtime as a natmod built by `natmodgen build` (checked to be the module
 * `import` loads), and its firmware reference: both print expected.txt.
 */
function natmodAndReference(name: string, dir: string, timeout = TEST_TIMEOUT_MS): void {
  maybe(!env.skipReason)(
    `natmod (ARCH=${env.arch}) built by natmodgen build prints expected.txt`,
    async () => {
      const problems = envProblems(env);
      if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
      await buildNatmodgen();
      const work = makeWorkDir(name);
      const { lib, command } = await buildCase(work, path.join(dir, `${name}.c`), env.arch);
      await checkProvenance(env.micropython!, name, freshDir(work, 'probe'), lib, '');
      const r = await runTest(env.micropython!, path.join(dir, 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(r, path.join(dir, 'expected.txt'), lib, `\n  built by: ${command}`);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    timeout,
  );

  maybe(!!rtref)(
    'firmware build (MICROPYTHON_RTREF) prints the same expected.txt',
    async () => {
      await checkReference(name, dir);
    },
    TEST_TIMEOUT_MS,
  );
}

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
  natmodAndReference('auditcheck', AUDIT_CASE);
});

/**
 * The functions py/dynruntime.h makes macros that behaved otherwise than the firmware's (issue 8):
 * mp_obj_str_get_data/str (the buffer protocol's types and error instead of str and bytes),
 * mp_obj_new_str_of_type (bytes for bytearray), mp_obj_len (whatever len means where it is called
 * from), mp_obj_get_array (another TypeError text), mp_obj_new_exception (the type, not an
 * instance) and mp_import_all (a missing parenthesis). test/e2e/runtime/dyncheck built by
 * `natmodgen build` prints expected.txt, which the firmware reference (MICROPYTHON_RTREF) printed.
 */
const DYN_CASE = path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'dyncheck');

describe('py/dynruntime.h macros with the firmware behaviour (dyncheck)', () => {
  natmodAndReference('dyncheck', DYN_CASE);
});

/**
 * The runtime-library functions no other firmware-compared fixture called
 * (test/unit/facts/runtime-e2e-callers.test.ts lists them): test/e2e/runtime/rtcover.
 */
describe('runtime functions called by no other firmware-compared fixture (rtcover)', () => {
  natmodAndReference('rtcover', path.join(REPO_ROOT, 'test', 'e2e', 'runtime', 'rtcover'), TEST_TIMEOUT_MS * 2);
});
