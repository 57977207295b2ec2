import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NatmodArch } from './arches';
import { packageRoot } from '../paths';
import { onPath, runAsync } from './proc';

/** What py/dynruntime.mk sets up for one architecture, asked from dynruntime.mk itself. */
export interface Toolchain {
  arch: NatmodArch;
  /** Compiler prefix ("" for the host), e.g. "arm-none-eabi-". */
  cross: string;
  /** Whether `${cross}gcc` is on PATH. */
  installed: boolean;
  /** libgcc and the libm (or picolibc libc) matching the architecture's flags; "" when not found. */
  libgcc: string;
  libm: string;
  floatImpl: string;
  /** MICROPY_FLOAT_IMPL given for an architecture whose dynruntime.mk default is none (`--float-impl`). */
  floatOverride?: string;
  /**
   * Compiler flags natmodgen adds: for a compiler without C library headers (Debian's
   * xtensa-lx106), natmodgen's minimal headers and MicroPython's internal errno values,
   * as the esp8266 firmware uses.
   */
  extraCflags: string[];
}

/** Whether the compiler finds a C library's <assert.h> (MicroPython's headers include it). */
async function hasLibcHeaders(cross: string): Promise<boolean> {
  const r = await runAsync('sh', [
    '-c',
    'printf "#include <assert.h>\\n#include <string.h>\\n" | "$0" -E -x c - >/dev/null 2>&1',
    `${cross}gcc`,
  ]);
  return r.code === 0;
}

export function libcHeadersDir(): string {
  return path.join(packageRoot(), 'make', 'libc-headers');
}

const PROBE = `include $(MPY_DIR)/py/dynruntime.mk
natmodgen-probe:
\t@echo "CROSS=$(CROSS)"
\t@echo "LIBGCC=$(LIBGCC_PATH)"
\t@echo "LIBM=$(LIBM_PATH)"
\t@echo "FLOAT=$(MICROPY_FLOAT_IMPL)"
`;

/**
 * Asks dynruntime.mk (with LINK_RUNTIME=1, only to have it locate the libraries) which
 * compiler prefix and runtime libraries an architecture uses, so natmodgen follows the tree.
 * Asynchronous, so that the CLI asks for all architectures at once.
 */
export async function probeToolchain(mpyDir: string, arch: NatmodArch): Promise<Toolchain> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-probe-'));
  try {
    const mk = path.join(dir, 'probe.mk');
    fs.writeFileSync(mk, PROBE);
    const r = await runAsync(
      'make',
      ['-s', '-f', mk, `MPY_DIR=${mpyDir}`, `ARCH=${arch}`, 'MOD=probe', 'LINK_RUNTIME=1', 'natmodgen-probe'],
      {
        cwd: dir,
      },
    );
    const vars = new Map<string, string>();
    for (const line of r.stdout.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1).trim());
    }
    const cross = vars.get('CROSS') ?? '';
    const lib = (v: string | undefined) => (v && fs.existsSync(v) ? v : '');
    const installed = r.code === 0 && vars.has('CROSS') && onPath(`${cross}gcc`) && (arch !== 'x86' || lib(vars.get('LIBGCC')) !== '');
    const extraCflags = installed && !(await hasLibcHeaders(cross)) ? [`-I${libcHeadersDir()}`, '-DMICROPY_USE_INTERNAL_ERRNO=1'] : [];
    return {
      arch,
      cross,
      // x86 builds with the host gcc and -m32: without a 32-bit libgcc (gcc-multilib) it is not installed.
      installed,
      extraCflags,
      libgcc: lib(vars.get('LIBGCC')),
      libm: lib(vars.get('LIBM')),
      floatImpl: vars.get('FLOAT') ?? '',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The Debian package that provides a compiler prefix, for the "how to fix" line. */
export function toolchainPackage(cross: string, arch: NatmodArch): string {
  if (arch === 'x86') return 'gcc-multilib';
  if (cross === '') return 'gcc';
  if (cross.startsWith('arm-none-eabi')) return 'gcc-arm-none-eabi';
  if (cross.startsWith('xtensa-lx106')) return 'gcc-xtensa-lx106';
  if (cross.startsWith('riscv64-unknown-elf')) return 'gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf';
  if (cross.startsWith('xtensa-esp32')) return 'the ESP-IDF toolchain (xtensa-esp32-elf-gcc; not packaged by Debian)';
  return `${cross}gcc`;
}
