import { Condition } from '../model/condition';
import { ConstDictDecl, RomTableDecl } from '../model/declarations';
import { ResolvedModule } from '../model/resolved';
import { cStringBody } from './c';
import { guarded } from './lines';
import { DirectiveLineView, View } from './view';

/** One sub-module put into sys.modules under its dotted name. */
export interface SubmoduleStoreView extends View<'submodule-store'> {
  /** The dotted name as a C string body, and its length in bytes. */
  name: string;
  length: number;
  /** The module object's C name. */
  object: string;
}

/** The deepest nesting followed, as the run-time walk does (submodules.c.hbs). */
const MAX_DEPTH = 8;

/**
 * The sub-modules of the registered module, found from its tables at generation time: every
 * globals-table entry whose value is a module object the natmod rebuilds, at any depth, with
 * the `#if`s of the entries leading to it. Undefined when they cannot all be named in the
 * mpy_init unit or when an entry may be a module natmodgen cannot see (a firmware module
 * object): then mpy_init walks the globals at run time instead.
 */
export function staticSubmodules(mod: ResolvedModule): Array<SubmoduleStoreView | DirectiveLineView> | undefined {
  const regUnit = mod.registration.unit;
  const modules = new Map(mod.runtimeObjs.filter((o) => o.baseType === 'module').map((o) => [o.name, o]));
  const dicts = new Map<string, ConstDictDecl>();
  for (const u of mod.units) for (const d of u.decls) if (d.decl.kind === 'const_dict') dicts.set(d.decl.name, d.decl);
  const tables = new Map<string, RomTableDecl>(mod.tables.map((t) => [t.name, t]));
  const out: Array<SubmoduleStoreView | DirectiveLineView> = [];
  let ok = true;
  const visit = (table: RomTableDecl, prefix: string, depth: number): Array<SubmoduleStoreView | DirectiveLineView> => {
    const lines: Array<SubmoduleStoreView | DirectiveLineView> = [];
    for (const it of table.items) {
      if (it.kind !== 'item') continue;
      const v = mod.values.get(it.item);
      if (v?.kind === 'firmware' && v.ref.kind === 'address' && /^mp_module_/.test(v.ref.name)) ok = false;
      if (v?.kind !== 'object' || v.expr !== undefined) continue;
      const obj = modules.get(v.name);
      if (!obj) continue;
      if (obj.unit !== regUnit) ok = false;
      const dotted = `${prefix}.${it.item.key}`;
      const here: Array<SubmoduleStoreView | DirectiveLineView> = [
        { partial: 'submodule-store', name: cStringBody(dotted), length: Buffer.byteLength(dotted), object: obj.name },
      ];
      if (depth < MAX_DEPTH) {
        const dictName = /\(\s*mp_obj_dict_t\s*\*\s*\)\s*&\s*(\w+)/.exec(obj.init)?.[1] ?? /&\s*(\w+)/.exec(obj.init)?.[1];
        const dict = dictName === undefined ? undefined : dicts.get(dictName);
        const sub = dict === undefined ? undefined : tables.get(dict.table);
        if (!sub) ok = false;
        else here.push(...visit(sub, dotted, depth + 1));
      }
      lines.push(...guarded(entryCond(it.item.cond, table.cond), here));
    }
    return lines;
  };
  out.push(...visit(mod.globalsTable, mod.name, 0));
  return ok ? out : undefined;
}

/** An entry's condition inside its table (the table's own condition is the caller's). */
function entryCond(cond: Condition, tableCond: Condition): Condition {
  let i = 0;
  while (i < cond.length && i < tableCond.length && cond[i] === tableCond[i]) i++;
  return cond.slice(i);
}
