import * as path from 'path';
import { RootPointerDecl } from '../model/declarations';
import { declare } from './c';

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

export const names = {
  typeStorage: (name: string, unitId: string | undefined) => (unitId ? `natmodgen_${unitId}_type_${name}` : `natmodgen_type_${name}`),
  typeInit: (name: string) => `natmodgen_init_type_${name}`,
  tableStorage: (name: string, unitId: string) => `natmodgen_${unitId}_${name}`,
  tableFill: (name: string) => `natmodgen_fill_${name}`,
  dataStorage: (name: string, unitId: string) => `natmodgen_${unitId}_${name}`,
  dataInit: (name: string, unitId: string) => `natmodgen_${unitId}_${name}_initial`,
  objStorage: (name: string, unitId: string) => `natmodgen_${unitId}_${name}`,
  objInit: (name: string) => `natmodgen_init_obj_${name}`,
  rootPointer: (name: string) => `natmodgen_root_${name}`,
  staticLocal: (name: string, fn: string, unitId: string) => `natmodgen_${unitId}_${fn}_${name}`,
  unitInit: (unitId: string) => `natmodgen_init_${unitId}`,
  globals: (moduleName: string) => `natmodgen_${moduleName}_store_globals`,
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
