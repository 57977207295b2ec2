/**
 * The pure-C pieces of natmodgen's runtime library (libc functions, armv6m division,
 * UTF-8, vstr) compiled for the host and run under AddressSanitizer and
 * UndefinedBehaviorSanitizer (test/runtime/host/check.c). Needs a host gcc with the
 * sanitizers; says loudly when it cannot run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HOST = path.join(ROOT, 'test', 'runtime', 'host');
const CC = process.env.CC ?? 'gcc';
const haveCc = spawnSync(CC, ['--version']).status === 0;
if (!haveCc) process.stderr.write(`\n!! runtime host checks SKIPPED: no C compiler (${CC}); set CC to run them\n\n`);

(haveCc ? test : test.skip)('runtime pure-C pieces pass their checks under ASan and UBSan', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-rt-host-'));
  const exe = path.join(dir, 'check');
  const flags = ['-std=c99', '-g', '-O1', '-Wall', '-Werror', '-fno-builtin', '-D__ARM_ARCH_6M__'];
  const san = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all'];
  const cc = spawnSync(CC, [...flags, ...san, '-I', path.join(HOST, 'include'), path.join(HOST, 'check.c'), '-o', exe], {
    encoding: 'utf8',
  });
  expect(cc.stderr).toBe('');
  expect(cc.status).toBe(0);
  const run = spawnSync(exe, [], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(`${run.stdout}${run.stderr}`).toBe('runtime host checks passed\n');
  expect(run.status).toBe(0);
});
