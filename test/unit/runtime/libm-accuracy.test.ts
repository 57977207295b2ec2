/**
 * natmodgen's own exp, log and pow for x64/x86 natmods (make/libm-extra/natmodgen_exp_pow.c)
 * compiled for the host and checked against libquadmath rounded to double
 * (test/runtime/libm/accuracy.c): random arguments, exact integer powers (ties to even)
 * and the special values. Needs a host gcc with libquadmath; says loudly when it cannot run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCE = path.join(ROOT, 'make', 'libm-extra', 'natmodgen_exp_pow.c');
const DRIVER = path.join(ROOT, 'test', 'runtime', 'libm', 'accuracy.c');
const CC = process.env.CC ?? 'gcc';

function probe(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-quad-probe-'));
  const c = path.join(dir, 'p.c');
  fs.writeFileSync(c, '#include <quadmath.h>\nint main(void) { return (int)expq(0); }\n');
  const r = spawnSync(CC, [c, '-o', path.join(dir, 'p'), '-lquadmath'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.status === 0 ? undefined : `${CC} cannot build with libquadmath`;
}
const skip = probe();
if (skip) process.stderr.write(`\n!! libm accuracy check SKIPPED: ${skip}; install gcc with libquadmath to run it\n\n`);

(skip ? test.skip : test)('exp, log and pow are correctly rounded and keep the special values', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-libm-acc-'));
  const objects = ['exp', 'log', 'pow'].map((name) => {
    const o = path.join(dir, `${name}.o`);
    const cc = spawnSync(
      CC,
      ['-std=c99', '-O2', '-Wall', '-Werror', '-Wno-unused-function', '-ffp-contract=off', '-fno-builtin', '-c'].concat([
        `-DNATMODGEN_LIBM_${name.toUpperCase()}`,
        `-D${name}=nmg_${name}`,
        SOURCE,
        '-o',
        o,
      ]),
      { encoding: 'utf8' },
    );
    expect(cc.stderr).toBe('');
    expect(cc.status).toBe(0);
    return o;
  });
  const exe = path.join(dir, 'accuracy');
  const link = spawnSync(CC, ['-std=gnu99', '-O1', DRIVER, ...objects, '-lquadmath', '-lm', '-o', exe], { encoding: 'utf8' });
  expect(link.stderr).toBe('');
  const run = spawnSync(exe, [], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.stdout).toMatch(/^exp: 20000 random arguments, 0 differ$/m);
  expect(run.stdout).toMatch(/^log: 20000 random arguments, 0 differ$/m);
  expect(run.stdout).toMatch(/^pow: 20000 random and \d+ exact integer powers, 0 differ$/m);
  expect(run.stdout).toMatch(/^special values: \d+, 0 differ$/m);
  expect(run.status).toBe(0);
});
