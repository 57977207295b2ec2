import { runAsync } from './proc';

/**
 * GCC initialises a local array of pointers (`const char *names[] = {"a", "b", ...};`) by
 * copying a constant it emits without a symbol; with dynruntime.mk's -fpic a constant holding
 * relocations goes to `.data`, which mpy_ld refuses ("`.data` non-empty"), although the code
 * only reads it. An object's `.data` with no symbol in it holds nothing else: every variable
 * has a symbol (a function's `static int n = 1;` is `n.0`, a compound literal
 * `__compound_literal.0`). Such a section is renamed to a `.data.rel.ro` name, which mpy_ld
 * links like the module's other read-only tables; a `.data` holding a variable is left for
 * mpy_ld to refuse.
 */
export const CONSTANT_POOL_SECTION = '.data.rel.ro.natmodgen_pool';

/** From `objdump -h -t`: whether `.data` is non-empty and holds no symbol but its section symbol. */
export function dataIsConstantPool(objdump: string): boolean {
  const size = /^\s*\d+\s+\.data\s+([0-9a-fA-F]+)\s/m.exec(objdump);
  if (!size || parseInt(size[1], 16) === 0) return false;
  const table = objdump.indexOf('SYMBOL TABLE:');
  if (table < 0) return false;
  for (const line of objdump.slice(table).split('\n').slice(1)) {
    // value, flags (7 columns), section, size/alignment, name
    const m = /^[0-9a-fA-F]+\s(.{7})\s(\S+)\s+[0-9a-fA-F]+\s*(.*)$/.exec(line);
    if (!m || m[2] !== '.data') continue;
    const sectionSymbol = m[1].includes('d') && m[3].trim() === '.data';
    if (!sectionSymbol) return false;
  }
  return true;
}

/** Renames the constant-only `.data` of each object in place (see CONSTANT_POOL_SECTION); returns the objects changed. */
export async function moveConstantPools(cross: string, objects: string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const o of objects) {
    const dump = await runAsync(`${cross}objdump`, ['-h', '-t', o]);
    if (dump.code !== 0) throw new Error(`${cross}objdump failed on ${o}: ${dump.stderr.split('\n')[0]}`);
    if (!dataIsConstantPool(dump.stdout)) continue;
    const r = await runAsync(`${cross}objcopy`, [`--rename-section`, `.data=${CONSTANT_POOL_SECTION}`, o]);
    if (r.code !== 0) throw new Error(`${cross}objcopy failed on ${o}: ${r.stderr.split('\n')[0]}`);
    changed.push(o);
  }
  return changed;
}
