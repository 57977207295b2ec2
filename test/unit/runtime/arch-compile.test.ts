/**
 * Every runtime/*.c file compiles on its own with py/dynruntime.mk's flags and -Werror for
 * each natmod architecture whose toolchain is installed (config.h made by mpy_ld.py
 * --preprocess from the file, as dynruntime.mk does). Needs MPY_DIR; says loudly what it skips.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNTIME = path.join(ROOT, 'runtime');
const MPY_DIR = process.env.MPY_DIR;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** py/dynruntime.mk v1.28.0: compiler, CFLAGS_ARCH and MICROPY_FLOAT_IMPL per ARCH. */
const ARCHS: Record<string, { cc: string; flags: string[]; float: string }> = {
  x64: { cc: 'gcc', flags: ['-fno-stack-protector'], float: 'DOUBLE' },
  x86: { cc: 'gcc', flags: ['-m32', '-fno-stack-protector'], float: 'DOUBLE' },
  armv6m: { cc: 'arm-none-eabi-gcc', flags: ['-mthumb', '-mcpu=cortex-m0'], float: 'FLOAT' },
  armv7m: { cc: 'arm-none-eabi-gcc', flags: ['-mthumb', '-mcpu=cortex-m3'], float: 'FLOAT' },
  armv7emsp: { cc: 'arm-none-eabi-gcc', flags: ['-mthumb', '-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard'], float: 'FLOAT' },
  armv7emdp: { cc: 'arm-none-eabi-gcc', flags: ['-mthumb', '-mcpu=cortex-m7', '-mfpu=fpv5-d16', '-mfloat-abi=hard'], float: 'DOUBLE' },
  xtensa: { cc: 'xtensa-lx106-elf-gcc', flags: ['-mforce-l32'], float: 'NONE' },
  rv32imc: {
    cc: 'riscv64-unknown-elf-gcc',
    flags: ['-march=rv32imac', '-mabi=ilp32', '-mno-relax', '-specs=picolibc.specs'],
    float: 'NONE',
  },
};

const files = fs
  .readdirSync(RUNTIME)
  .filter((f) => f.endsWith('.c'))
  .sort();

/** Why an ARCH cannot be checked here (no MPY_DIR, no toolchain, or a toolchain without C headers). */
function problem(arch: string): string | undefined {
  if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'dynruntime.mk'))) return 'MPY_DIR is not set to a MicroPython tree';
  const { cc, flags } = ARCHS[arch];
  if (spawnSync(cc, ['--version']).status !== 0) return `${cc} is not installed`;
  const probe = spawnSync(cc, [...flags, '-E', '-x', 'c', '-'], { input: '#include <assert.h>\n#include <string.h>\n', encoding: 'utf8' });
  if (probe.status !== 0) return `${cc} has no C library headers (<assert.h>), which py/obj.h includes: no natmod builds for ${arch} here`;
  return undefined;
}

const skipped = Object.keys(ARCHS).flatMap((a) => (problem(a) ? [`${a}: ${problem(a)}`] : []));
if (skipped.length)
  process.stderr.write(`\n!! runtime per-ARCH compile checks SKIPPED for:\n${skipped.map((s) => `!!   ${s}`).join('\n')}\n\n`);

describe('runtime/*.c compile on their own with -Werror', () => {
  for (const arch of Object.keys(ARCHS)) {
    const why = problem(arch);
    (why ? test.skip : test)(
      `ARCH=${arch}${why ? ` (SKIPPED: ${why})` : ''}`,
      () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nmg-rt-${arch}-`));
        const srcs = files.map((f) => path.join(RUNTIME, f));
        const pre = spawnSync(
          PYTHON,
          [path.join(MPY_DIR!, 'tools', 'mpy_ld.py'), '--arch', arch, '--preprocess', '-o', path.join(dir, 'config.h'), ...srcs],
          {
            encoding: 'utf8',
          },
        );
        expect(pre.stderr).toBe('');
        const { cc, flags, float } = ARCHS[arch];
        // One compiler run, one object per file (-c without -o writes <name>.o into cwd): each file stands alone.
        const args = [
          `-I${dir}`,
          `-I${MPY_DIR}`,
          `-I${RUNTIME}`,
          '-std=c99',
          '-Os',
          '-Wall',
          '-Werror',
          '-DNDEBUG',
          '-DNO_QSTR',
          '-DMICROPY_ENABLE_DYNRUNTIME',
          `-DMP_CONFIGFILE=<${path.join(dir, 'config.h')}>`,
          '-fpic',
          '-fno-common',
          '-U_FORTIFY_SOURCE',
          ...flags,
          `-DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_${float}`,
          '-c',
          ...srcs,
        ];
        const r = spawnSync(cc, args, { encoding: 'utf8', cwd: dir });
        const objects = fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.o'))
          .sort();
        fs.rmSync(dir, { recursive: true, force: true });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(objects).toEqual(files.map((f) => f.replace(/\.c$/, '.o')));
      },
      120_000,
    );
  }
});
