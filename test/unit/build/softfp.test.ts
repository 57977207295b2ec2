/**
 * natmodgen's soft-float helpers (make/runtime-fallback/softfp.c) compiled for the host under
 * AddressSanitizer and UndefinedBehaviorSanitizer and compared with the host's hardware
 * floating point by test/runtime/softfp/check.c: every pair of special values and 1,000,000
 * random bit patterns per function, bit-exact. Then, where Debian's xtensa-lx106 toolchain is
 * installed (the one whose libgcc lacks these), the fallback archive is built for it with
 * make/natmodgen-fallback.mk and every symbol its members leave undefined must be defined by
 * another member or by that libgcc.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCE = path.join(ROOT, 'make', 'runtime-fallback', 'softfp.c');
const DRIVER = path.join(ROOT, 'test', 'runtime', 'softfp', 'check.c');
const CC = process.env.CC ?? 'gcc';
const SAN = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all'];

function sanitizerProblem(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-san-probe-'));
  const c = path.join(dir, 'p.c');
  fs.writeFileSync(c, 'int main(void) { return 0; }\n');
  const r = spawnSync(CC, [...SAN, c, '-o', path.join(dir, 'p')], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.status === 0 ? undefined : `${CC} cannot build with ${SAN[0]}`;
}
const skip = sanitizerProblem();
if (skip) process.stderr.write(`\n!! soft-float check SKIPPED: ${skip}\n\n`);

(skip ? test.skip : test)(
  'every soft-float helper agrees bit for bit with the hardware on special values and 1e6 random patterns',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-softfp-'));
    const flags = ['-std=gnu99', '-O1', '-g', '-Wall', '-Werror', '-ffp-contract=off', ...SAN];
    const obj = path.join(dir, 'softfp.o');
    const cc = spawnSync(CC, [...flags, '-fno-builtin', '-DNATMODGEN_SOFTFP_TEST', '-c', SOURCE, '-o', obj], { encoding: 'utf8' });
    expect(cc.stderr).toBe('');
    const exe = path.join(dir, 'check');
    const link = spawnSync(CC, [...flags, DRIVER, obj, '-lm', '-o', exe], { encoding: 'utf8' });
    expect(link.stderr).toBe('');
    const run = spawnSync(exe, ['1000000'], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
    fs.rmSync(dir, { recursive: true, force: true });
    const lines = run.stdout.trim().split('\n');
    const names = lines.map((l) => l.split(':')[0]);
    for (const f of ['addsf3', 'subsf3', 'mulsf3', 'divsf3', 'adddf3', 'subdf3', 'muldf3', 'divdf3']) expect(names).toContain(f);
    for (const f of ['floatsisf', 'floatunsisf', 'floatdisf', 'floatundisf', 'fixsfsi', 'fixunssfsi', 'fixsfdi', 'fixunssfdi'])
      expect(names).toContain(f);
    for (const f of ['floatsidf', 'floatunsidf', 'floatdidf', 'floatundidf', 'fixdfsi', 'fixunsdfsi', 'fixdfdi', 'fixunsdfdi'])
      expect(names).toContain(f);
    for (const f of ['extendsfdf2', 'truncdfsf2', 'eqsf2', 'ltdf2', 'unorddf2']) expect(names).toContain(f);
    expect(lines).toHaveLength(42);
    for (const l of lines) {
      const m = /^(\w+): (\d+) cases, (\d+) differ$/.exec(l);
      expect(m).not.toBeNull();
      expect(Number(m![2])).toBeGreaterThanOrEqual(1000000);
      expect(`${m![1]}: ${m![3]} differ`).toBe(`${m![1]}: 0 differ`);
    }
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  },
  120000,
);

const MPY_DIR = process.env.MPY_DIR;
function xtensaProblem(): string | undefined {
  if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))) return 'MPY_DIR is not set to a MicroPython tree';
  if (spawnSync('xtensa-lx106-elf-gcc', ['--version']).status !== 0) return 'xtensa-lx106-elf-gcc is not installed';
  return undefined;
}
const xskip = xtensaProblem();
if (xskip) process.stderr.write(`\n!! xtensa fallback archive check SKIPPED: ${xskip}\n\n`);

(xskip ? test.skip : test)(
  "the xtensa fallback archive's members need nothing but each other and that toolchain's libgcc",
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-fallback-'));
    fs.writeFileSync(
      path.join(dir, 'Makefile'),
      [
        `MPY_DIR = ${MPY_DIR}`,
        'MOD = probe',
        'ARCH = xtensa',
        `CFLAGS_EXTRA += -I${path.join(ROOT, 'make', 'libc-headers')}`,
        'include $(MPY_DIR)/py/dynruntime.mk',
        `include ${path.join(ROOT, 'make', 'natmodgen-fallback.mk')}`,
        '',
      ].join('\n'),
    );
    const make = spawnSync('make', ['-C', dir, '-j2', 'natmodgen-fallback.a'], { encoding: 'utf8' });
    expect(make.stderr).toBe('');
    const nm = (file: string) =>
      spawnSync('xtensa-lx106-elf-nm', ['-A', '-g', '--format=posix', file], { encoding: 'utf8', maxBuffer: 64 << 20 })
        .stdout.split('\n')
        .map((l) => /: (\S+) (\S)/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null);
    const ours = nm(path.join(dir, 'natmodgen-fallback.a'));
    const libgcc = spawnSync('xtensa-lx106-elf-gcc', ['-print-libgcc-file-name'], { encoding: 'utf8' }).stdout.trim();
    const defined = new Set([...ours, ...nm(libgcc)].filter((m) => m[2] !== 'U').map((m) => m[1]));
    const missing = [...new Set(ours.filter((m) => m[2] === 'U' && !defined.has(m[1])).map((m) => m[1]))];
    fs.rmSync(dir, { recursive: true, force: true });
    expect(missing).toEqual([]);
    // the functions the task is about are there
    for (const f of ['__addsf3', '__mulsf3', '__floatsisf', '__extendsfdf2', '__adddf3', '__udivdi3']) expect(defined).toContain(f);
  },
  180000,
);
