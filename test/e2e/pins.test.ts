/**
 * End-to-end for the pin HAL (runtime/pin.c): test/e2e/pins/pincheck drives machine.PinBase
 * subclasses that log every value() call through mp_hal_get_pin_obj / mp_hal_pin_write /
 * mp_hal_pin_read, with the pins kept in the module's own object. Converted with
 * `natmodgen gen`, built with py/dynruntime.mk and loaded by MICROPYTHON, its test.py must print
 * exactly expected.txt; built into a unix port as a user C module (MICROPYTHON_PINREF), where
 * the firmware's portable fallback (extmod/virtpin.c) runs, it must print the same.
 * test/e2e/pins/pinmodes uses what only the ports' mphalport.h define (modes, high/low,
 * open-drain levels, toggle, pin ids): no unix firmware builds it, so it runs as a natmod only.
 *
 * With NATMODGEN_QEMU_DIR both also run on the qemu boards, whose machine module has PinBase.
 *
 * Environment: MPY_DIR, MICROPYTHON, PYTHON, NATMOD_ARCH as for natmods.test.ts, plus
 *   MICROPYTHON_PINREF  unix port built with USER_C_MODULES=<this repo>/test/e2e/pins
 *                       (the standard variant has machine.PinBase: MICROPY_PY_MACHINE_PIN_BASE)
 */
import * as fs from 'fs';
import * as path from 'path';
import { binaryProblem, CLI, envProblems, loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { describeRun, runProcess } from './lib/proc';
import { killQemuRuns, mountScript, readFirmwares, runOnQemu } from './lib/qemu';
import { buildLoadable, buildNatmodgen, checkOutput, freshDir, makeWorkDir, runTest } from './lib/natmod';

const env = readEnv();
const PINS = path.join(REPO_ROOT, 'test', 'e2e', 'pins');
const pinref = process.env.MICROPYTHON_PINREF?.trim() ? path.resolve(process.env.MICROPYTHON_PINREF.trim()) : undefined;

if (env.skipReason) {
  loud([
    `natmodgen pin HAL e2e: SKIPPING the pin natmod tests: ${env.skipReason}.`,
    'Skipped is not passed: set MPY_DIR and MICROPYTHON to run it.',
  ]);
}
if (!pinref) {
  loud([
    'natmodgen pin HAL e2e: MICROPYTHON_PINREF not set: the firmware reference run of pincheck is SKIPPED,',
    'so its expected.txt is not re-checked against the firmware in this run.',
  ]);
}

const maybe = (cond: boolean) => (cond ? test : test.skip);

async function natmodRun(name: string): Promise<void> {
  const problems = envProblems(env);
  if (problems.length) throw new Error(`the end-to-end environment is broken:\n  ${problems.join('\n  ')}`);
  await buildNatmodgen();
  const dir = path.join(PINS, name);
  const work = makeWorkDir(name);
  const { lib, context } = await buildLoadable(work, name, [path.join(dir, `${name}.c`)], {
    mpyDir: env.mpyDir!,
    arch: env.arch,
    python: env.python,
    micropython: env.micropython!,
  });
  const r = await runTest(env.micropython!, path.join(dir, 'test.py'), freshDir(work, 'run'), lib);
  checkOutput(r, path.join(dir, 'expected.txt'), lib, context);
  if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
}

describe('pin HAL end to end', () => {
  maybe(!env.skipReason)(`pincheck natmod (ARCH=${env.arch}) prints expected.txt`, () => natmodRun('pincheck'), TEST_TIMEOUT_MS * 2);

  maybe(!env.skipReason)(`pinmodes natmod (ARCH=${env.arch}) prints expected.txt`, () => natmodRun('pinmodes'), TEST_TIMEOUT_MS * 2);

  maybe(!!pinref)(
    'firmware build (MICROPYTHON_PINREF) prints the same pincheck expected.txt',
    async () => {
      const problem = binaryProblem('MICROPYTHON_PINREF', pinref!);
      if (problem) throw new Error(problem);
      const work = makeWorkDir('pincheck-ref');
      const lib = freshDir(work, 'empty-path');
      const r = await runTest(pinref!, path.join(PINS, 'pincheck', 'test.py'), freshDir(work, 'run'), lib);
      checkOutput(
        r,
        path.join(PINS, 'pincheck', 'expected.txt'),
        lib,
        '\n  (MICROPYTHON_PINREF is the firmware reference: expected.txt is what it prints)',
      );
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * The same modules on the qemu boards (NATMODGEN_QEMU_DIR: ports/qemu, MICROPY_PY_MACHINE_PIN_BASE
 * and machine.Signal): each board prints the same expected.txt as the unix port.
 */
const firmwares = readFirmwares(process.env.NATMODGEN_QEMU_DIR?.trim() || undefined);
if (!env.skipReason && !firmwares.length)
  loud(['natmodgen pin HAL e2e: NATMODGEN_QEMU_DIR not set or no firmware: the qemu boards are NOT run.']);
afterAll(() => killQemuRuns());
describe('pin HAL on the qemu boards', () => {
  maybe(!env.skipReason && firmwares.length > 0)(
    `pincheck and pinmodes print expected.txt on ${firmwares.map((f) => `${f.board.board} (${f.board.arch})`).join(', ') || 'no board'}`,
    async () => {
      await buildNatmodgen();
      const work = makeWorkDir('pins-boards');
      const arches = [...new Set(firmwares.map((f) => f.board.arch))];
      for (const name of ['pincheck', 'pinmodes']) {
        const out = freshDir(work, name);
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
          path.join(PINS, name, `${name}.c`),
        ];
        const b = await runProcess('node', args, {
          cwd: work,
          env: { ...process.env, PYTHON: env.python },
          timeoutMs: TEST_TIMEOUT_MS * 2,
        });
        if (b.code !== 0) throw new Error(`natmodgen build failed:\n${describeRun(b)}`);
        const want = fs.readFileSync(path.join(PINS, name, 'expected.txt'), 'utf8');
        const script = fs.readFileSync(path.join(PINS, name, 'test.py'), 'utf8');
        for (const { board, firmware } of firmwares) {
          const dir = fs.readdirSync(out).find((d) => d.startsWith(`${board.arch}_`));
          const mpy = path.join(out, dir!, `${name}.mpy`);
          const run = await runOnQemu(board, firmware, [mountScript(`${name}.mpy`, fs.readFileSync(mpy)), script], 600_000);
          expect({ board: board.board, name, stdout: run.stdout, stderr: run.stderr }).toEqual({
            board: board.board,
            name,
            stdout: want,
            stderr: '',
          });
        }
      }
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    1_800_000,
  );
});
