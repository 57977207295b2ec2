import * as path from 'path';
import { RootPointerDecl } from '../model/declarations';
import { declare } from './c';
import { isReachableFirmwareType } from '../model/firmware';

/** C identifier fragment for a unit, from its file name; unique among the inputs. */
export function unitIds(paths: string[]): string[] {
  const used = new Set<string>();
  return paths.map((p) => {
    const base =
      path
        .basename(p)
        .replace(/\.[^.]*$/, '')
        .replace(/\W/g, '_') || 'unit';
    let id = base;
    for (let n = 1; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

/**
 * A part of a generated name that other parts follow, written with its length first
 * (`3_a_b`), so that no two different part lists give the same identifier: unit `a`
 * with table `b_c` and unit `a_b` with table `c` are `1_a_b_c` and `3_a_b_c`.
 */
const part = (p: string) => `${p.length}_${p}`;

/**
 * Every generated file-scope name. Each kind starts with its own word or, for the
 * names of one unit's storage, with a digit (a user's C name never does), and every
 * variable part but the last is length-prefixed: the map from (kind, parts) to names
 * is injective, so no two declarations or files can meet at one symbol.
 */
export const names = {
  typeStorage: (name: string, unitId: string | undefined) => (unitId ? `natmodgen_type_${part(unitId)}_${name}` : `natmodgen_type_${name}`),
  /**
   * The symbol of a type's storage: the type's own name when it has external linkage, so a use
   * the alias does not reach (a header's static inline function included before the alias, a
   * unit naming the type only through a header) links to the storage mpy_init fills. Not for
   * a type the firmware has under that name (py/objdict.c compiled into a natmod defines
   * mp_type_dict): that name stays the firmware's, which mpy_ld links through mp_fun_table, so
   * the module's types derive from the firmware's dict and firmware dicts pass its type checks.
   */
  typeSymbol: (t: { name: string; isStatic: boolean }): string | undefined =>
    t.isStatic || isReachableFirmwareType(t.name) ? undefined : t.name,
  typeInit: (name: string) => `natmodgen_init_type_${name}`,
  tableStorage: (name: string, unitId: string) => `natmodgen_${part(unitId)}_${name}`,
  tableFill: (name: string) => `natmodgen_fill_${name}`,
  dataStorage: (name: string, unitId: string) => `natmodgen_${part(unitId)}_${name}`,
  dataInit: (name: string, unitId: string) => `natmodgen_initial_${part(unitId)}_${name}`,
  dataInitFn: (name: string, unitId: string) => `natmodgen_init_data_${part(unitId)}_${name}`,
  objStorage: (name: string, unitId: string) => `natmodgen_${part(unitId)}_${name}`,
  objInit: (name: string) => `natmodgen_init_obj_${name}`,
  rootPointer: (name: string) => `natmodgen_root_${name}`,
  staticLocal: (name: string, fn: string, unitId: string) => `natmodgen_${part(unitId)}_${part(fn)}_${name}`,
  unitInit: (unitId: string) => `natmodgen_init_${part(unitId)}`,
  globals: (moduleName: string) => `natmodgen_store_globals_${moduleName}`,
};

/** Output paths: the file name alone, or relative folders kept when inputs share a file name. */
export function outputPaths(inputs: string[]): string[] {
  const abs = inputs.map((p) => path.resolve(p));
  const bases = abs.map((p) => path.basename(p));
  if (new Set(bases).size === bases.length) return bases;
  const common = commonDir(abs.map((p) => path.dirname(p)));
  return abs.map((p) => path.relative(common, p).split(path.sep).join('/'));
}

function commonDir(dirs: string[]): string {
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (d !== common && !d.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) common = path.dirname(common);
  }
  return common;
}

/** The declaration of a root pointer's storage: a global the GC scans. */
export const rootPointerDeclaration = (d: RootPointerDecl): string => declare(d.template, names.rootPointer(d.name));
