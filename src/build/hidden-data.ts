import { runAsync } from './proc';

/**
 * Read-only objects with external linkage, made hidden after a first compile.
 *
 * dynruntime.mk compiles with -fpic, under which a global object of default visibility may be
 * interposed: GCC reaches it through the GOT even from its own translation unit (x86-64
 * `mov sym@GOTPCREL(%rip)`, ARM a GOT slot off the PIC register). In a .mpy each such object
 * costs a GOT word and its relocation record, and every access an extra load. A natmod has
 * no interposition: mpy_ld links one blob. `const` tables of files a module includes whole
 * (moddeflate.c's `#include "lib/uzlib/tinflate.c"` with its `lookup_table` and `clcidx`)
 * are such objects, and natmodgen does not see them: the compiler does.
 *
 * So `natmodgen build` reads the first compile's symbol tables and, for every global object
 * the compiler placed in a read-only section (`.rodata*`, `.data.rel.ro*`, which mpy_ld lays
 * out inside the text blob, where a PC-relative access is valid), appends to that unit a
 * redeclaration with hidden visibility (GCC merges it with the definition above it), and
 * compiles again. Writable objects (`.bss`, `.data`) are never named: mpy_ld refuses a fixed
 * relocation to bss, so they must stay behind the GOT. xtensawin keeps rodata apart from the
 * text (mpy_ld's separate_rodata), where a fixed relocation to it is refused too, and xtensa
 * reaches data through literal pools, where visibility changes nothing worth the risk: both
 * are left as they are.
 */

/** Architectures whose read-only data mpy_ld places in the text blob, reachable PC-relative. */
export function hidesReadOnlyData(arch: string): boolean {
  return !arch.startsWith('xtensa');
}

/** Sections mpy_ld lays out with the text (read-only, relocations allowed in .data.rel.ro). */
const READ_ONLY = /^\.(rodata|data\.rel\.ro)(\.|$)/;
/** A C identifier: a symbol named by an asm label or a compiler-made name (`n.0`) is no C name to redeclare. */
const C_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * From `objdump -t` of one object: the global, default-visibility data objects defined in a
 * read-only section, in symbol-table order.
 */
export function readOnlyGlobals(objdump: string): string[] {
  const table = objdump.indexOf('SYMBOL TABLE:');
  if (table < 0) return [];
  const names: string[] = [];
  for (const line of objdump.slice(table).split('\n').slice(1)) {
    // value, flags (7 columns), section, size, [visibility], name
    const m = /^[0-9a-fA-F]+\s(.{7})\s(\S+)\s+[0-9a-fA-F]+\s+(\.hidden\s+|\.protected\s+|\.internal\s+)?(\S+)\s*$/.exec(line);
    if (!m) continue;
    const [, flags, section, visibility, name] = m;
    if (visibility || flags[0] !== 'g' || flags[6] !== 'O' || !READ_ONLY.test(section) || !C_NAME.test(name)) continue;
    names.push(name);
  }
  return names;
}

/** The lines appended to a unit: each name redeclared hidden, after its definition. */
export function hiddenRedeclarations(names: string[]): string {
  return [
    '',
    '/* natmodgen build: read-only objects defined above with external linkage, reached directly',
    '   instead of through the GOT (see src/build/hidden-data.ts). */',
    ...names.map((n) => `extern __typeof__(${n}) ${n} __attribute__((visibility("hidden")));`),
    '',
  ].join('\n');
}

/** The read-only globals of each object (objdump -t), in the order of `objects`. */
export async function readOnlyGlobalsOf(cross: string, objects: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const o of objects) {
    const dump = await runAsync(`${cross}objdump`, ['-t', o]);
    if (dump.code !== 0) throw new Error(`${cross}objdump failed on ${o}: ${dump.stderr.split('\n')[0]}`);
    out.push(readOnlyGlobals(dump.stdout));
  }
  return out;
}
