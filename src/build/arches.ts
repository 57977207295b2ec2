/**
 * The natmod architectures of MicroPython's py/dynruntime.mk, in the order of
 * MP_NATIVE_ARCH_* (py/persistentcode.h), which is also the order of the summary table.
 */
export const NATMOD_ARCHES = [
  'x86',
  'x64',
  'armv6m',
  'armv7m',
  'armv7emsp',
  'armv7emdp',
  'xtensa',
  'xtensawin',
  'rv32imc',
  'rv64imc',
] as const;

export type NatmodArch = (typeof NATMOD_ARCHES)[number];

export function isNatmodArch(s: string): s is NatmodArch {
  return (NATMOD_ARCHES as readonly string[]).includes(s);
}

/** MP_NATIVE_ARCH_* value of each architecture (the arch field of a .mpy header and of sys.implementation._mpy). */
export const NATIVE_ARCH_CODE: Record<NatmodArch, number> = {
  x86: 1,
  x64: 2,
  armv6m: 4,
  armv7m: 5,
  armv7emsp: 7,
  armv7emdp: 8,
  xtensa: 9,
  xtensawin: 10,
  rv32imc: 11,
  rv64imc: 12,
};

/**
 * `--arch LIST|all` → the architectures asked for, in table order; `all` means every one
 * (those without a toolchain are then skipped, not failed). Unknown names are returned apart.
 */
export function parseArchList(spec: string | undefined): { arches: NatmodArch[]; all: boolean; unknown: string[] } {
  const words = (spec ?? 'all')
    .split(/[,\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0 || words.includes('all'))
    return { arches: [...NATMOD_ARCHES], all: true, unknown: words.filter((w) => w !== 'all' && !isNatmodArch(w)) };
  const unknown = words.filter((w) => !isNatmodArch(w));
  const arches = NATMOD_ARCHES.filter((a) => words.includes(a));
  return { arches, all: false, unknown };
}
