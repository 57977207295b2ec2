import * as path from 'path';
import { Diagnostic, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { CondBranch, Condition, conditionExpr } from '../model/condition';
import { Decl, FileModel, Qstr, RegistrationDecl, RomEntry, RomTableDecl, RomValue } from '../model/declarations';
import { ResolvedModule, ResolvedUnit, ResolvedValue, Role, FloatConst } from '../model/resolved';
import { firmwareObject } from '../model/firmware';
import { Inventory, natmodInventory } from '../facts';
import { checkApiCalls } from './api-check';
import { SymbolTable } from './symbols';
import { evaluateCondition, lexPP } from '../preprocess';

const MAX_SLOTS = 11;

function all<K extends Decl['kind']>(files: FileModel[], kind: K): Extract<Decl, { kind: K }>[] {
  return files.flatMap((f) => f.decls.filter((d): d is Extract<Decl, { kind: K }> => d.kind === kind));
}

/**
 * The condition that holds when one of `conds` does, when they are the branches of one
 * conditional chain that ends in `#else`, each holding one (under the same enclosing frames):
 * those enclosing frames. Undefined when they are not.
 */
export function coveringCondition(conds: Condition[]): Condition | undefined {
  const depth = conds[0].length;
  if (depth === 0 || conds.some((c) => c.length !== depth)) return undefined;
  const sameBranches = (a: CondBranch[], b: CondBranch[]) =>
    a.length === b.length && a.every((x, i) => x.keyword === b[i].keyword && x.arg === b[i].arg);
  const sameFrames = (a: Condition, b: Condition) => a.length === b.length && a.every((f, i) => sameBranches(f.branches, b[i].branches));
  if (conds.some((c) => !sameFrames(c.slice(0, -1), conds[0].slice(0, -1)))) return undefined;
  const lasts = conds.map((c) => c[depth - 1].branches);
  const chain = lasts.reduce((a, b) => (b.length > a.length ? b : a));
  if (chain[chain.length - 1].keyword !== 'else') return undefined;
  if (lasts.some((l) => !sameBranches(l, chain.slice(0, l.length)))) return undefined;
  const held = new Set(lasts.map((l) => l.length));
  for (let n = 1; n <= chain.length; n++) if (!held.has(n)) return undefined;
  return conds[0].slice(0, -1);
}

/**
 * Follows MP_REGISTER_MODULE → module object → globals dict → table, looks up every
 * table value and decides what is built at run time.
 */
export function resolveModule(
  files: FileModel[],
  escapedQstrs: Map<string, string> = new Map(),
  /** What a natmod can call (src/facts); the shipped v1.28.0 inventory when not given. */
  inventory: Inventory = natmodInventory(),
  /** Whether a file exists, for quoted includes beside the sources (none are re-pointed without it). */
  fileExists: (file: string) => boolean = () => false,
): Result<ResolvedModule | undefined> {
  const diagnostics: Diagnostic[] = [];
  const fail = (d: Diagnostic): Result<undefined> => ({ value: undefined, diagnostics: [...diagnostics, d] });
  const symbols = new SymbolTable(files);

  const regs = all(files, 'registration');
  if (regs.length === 0) {
    // Located at the first input, naming every file searched, so the user sees what was read.
    const first = files[0]?.path;
    const at = first === undefined ? undefined : { file: first, line: 1, col: 1, start: 0, end: 0 };
    return fail(diag('NMG2001', at, { files: files.map((f) => f.path) }));
  }
  const distinct = [...new Set(regs.map((r) => r.moduleName))];
  // A package registers its sub-modules under dotted names (`ulab`, `ulab_dot_numpy`); the
  // natmod is the root, which reaches each sub-module object through its globals.
  const root = distinct.find((n) => distinct.every((o) => o === n || o.startsWith(`${n}_dot_`))) ?? neededRoot(files, regs);
  if (root === undefined) {
    return fail(diag('NMG2006', regs[1].span, { names: distinct.join(', ') }, [{ span: regs[0].span, message: 'first registration' }]));
  }
  const rootRegs = regs.filter((r) => r.moduleName === root);
  // Registered in every branch of one conditional (a 3-argument form for old firmware, the
  // 2-argument form otherwise): registered under what encloses that conditional only.
  const covered = rootRegs.length > 1 ? coveringCondition(rootRegs.map((r) => r.cond)) : undefined;
  const reg = covered ? { ...rootRegs[0], cond: covered, live: covered.length === 0 ? ('on' as const) : rootRegs[0].live } : rootRegs[0];
  if (/_(dot|hyphen|slash|lt|gt|space)_/.test(reg.moduleName)) diagnostics.push(diag('NMG2012', reg.span, { name: reg.moduleName }));
  const guard = conditionExpr(reg.cond);
  // A guard that holds with its undecided names undefined (`#if !CIRCUITPY`) holds in the natmod
  // build too, where the compiler takes them as 0: nothing to warn about.
  if (guard !== undefined && reg.live === 'unknown' && evaluateCondition(lexPP(guard), () => null) === 0) {
    // The natmod then stops at the #error natmodgen writes for it; say so now, with the fix.
    const macros = [...new Set((guard.match(/\b[A-Za-z_]\w*\b/g) ?? []).filter((n) => n !== 'defined'))];
    diagnostics.push(diag('NMG2021', reg.span, { name: reg.moduleName, condition: guard, macros }));
  }

  const moduleObj = symbols.lookup(reg.moduleObj, reg.unit, ['module_obj']);
  if (!moduleObj) return fail(diag('NMG2002', reg.moduleObjSpan, { name: reg.moduleObj }));
  const globalsDict = symbols.lookup(moduleObj.globals, moduleObj.unit, ['const_dict']);
  if (!globalsDict)
    return fail(
      diag('NMG2003', moduleObj.globalsSpan, { name: moduleObj.globals }, [
        { span: moduleObj.span, message: `module object '${moduleObj.name}' defined here` },
      ]),
    );
  const globalsTable = symbols.lookup(globalsDict.table, globalsDict.unit, ['rom_table']);
  if (!globalsTable) return fail(diag('NMG2004', globalsDict.tableSpan, { name: globalsDict.table }));

  const tables = all(files, 'rom_table').filter((t) => t !== globalsTable);
  for (const d of all(files, 'const_dict')) {
    if (d !== globalsDict && !symbols.lookup(d.table, d.unit, ['rom_table']))
      diagnostics.push(diag('NMG2004', d.tableSpan, { name: d.table }));
  }

  const types = all(files, 'obj_type');
  for (const t of types) {
    const distinctSlots = new Set(t.slots.flatMap((s) => (s.kind === 'item' ? [s.item.slot] : [])));
    if (distinctSlots.size > MAX_SLOTS) diagnostics.push(diag('NMG2008', t.span, { name: t.name, count: distinctSlots.size }));
  }
  const typeNames = new Set(types.map((t) => t.name));

  const values = new Map<RomEntry, ResolvedValue>();
  const keys = new Map<RomEntry, ResolvedValue>();
  for (const table of [globalsTable, ...tables]) {
    for (const it of table.items) {
      if (it.kind !== 'item') continue;
      const e = it.item;
      const r = resolveValue(e.value, table, symbols, diagnostics, escapedQstrs, e.undecided);
      if (e.keyValue) {
        // A module's attributes are qstrs: the firmware's lookup of an attribute never finds another key.
        if (table === globalsTable)
          diagnostics.push(diag('NMG2010', e.keySpan, { what: 'module globals entry: the key must be a qstr, MP_ROM_QSTR(MP_QSTR_name)' }));
        const k = resolveValue(e.keyValue, table, symbols, diagnostics, escapedQstrs, e.undecided);
        if (k) keys.set(e, k);
      }
      if (r) values.set(e, r);
    }
  }

  diagnostics.push(...checkApiCalls(files, inventory));
  for (const d of all(files, 'delegation')) {
    if (d.moduleObj !== moduleObj.name) diagnostics.push(diag('NMG2015', d.span, { name: d.moduleObj }));
  }

  const typeForwards = all(files, 'type_forward').filter((f) => typeNames.has(f.name));
  const runtimeObjs = all(files, 'runtime_obj').filter((o) => !(o.name === moduleObj.name && o.unit === moduleObj.unit));
  const delegation = all(files, 'delegation').find((d) => d.moduleObj === moduleObj.name);
  const roleOf = (d: Decl): Role => {
    switch (d.kind) {
      case 'rom_table':
        return d === globalsTable ? { kind: 'globals' } : { kind: 'convert' };
      case 'type_forward':
        return typeForwards.includes(d) ? { kind: 'remove' } : { kind: 'keep' };
      case 'const_dict':
        return d === globalsDict ? { kind: 'remove' } : { kind: 'keep' };
      case 'module_obj':
        return d === moduleObj ? { kind: 'remove' } : { kind: 'keep' };
      case 'registration':
        return { kind: 'remove' };
      case 'runtime_obj':
        return runtimeObjs.includes(d) ? { kind: 'convert' } : { kind: 'keep' };
      case 'delegation':
        return d === delegation ? { kind: 'convert' } : { kind: 'remove' };
      case 'include':
        return includeRole(d, fileExists);
      default:
        return { kind: 'convert' };
    }
  };
  const units: ResolvedUnit[] = files.map((model) => {
    const escapedUses = escapedQstrUses(model, escapedQstrs);
    return {
      model,
      // The prelude interns each escaped qstr's text with the runtime's qstr_from_str.
      expandsTo: [...firmwareExpansion(model, inventory), ...(escapedUses.length ? ['qstr_from_str'] : [])],
      escapedQstrs: escapedUses,
      decls: model.decls.map((decl) => ({
        decl,
        role: roleOf(decl),
        values: decl.kind === 'rom_table' ? decl.items.flatMap((i) => (i.kind === 'item' ? [values.get(i.item)] : [])) : undefined,
        keys: decl.kind === 'rom_table' ? decl.items.flatMap((i) => (i.kind === 'item' ? [keys.get(i.item)] : [])) : undefined,
      })),
    };
  });

  return {
    value: {
      name: reg.moduleName,
      registration: reg,
      moduleObj,
      globalsDict,
      globalsTable,
      tables,
      types,
      typeForwards,
      runtimeObjs,
      rootPointers: all(files, 'root_pointer'),
      delegation,
      initHook: globalsTable.items.flatMap((i) => (i.kind === 'item' && i.item.key === '__init__' ? [i.item] : []))[0],
      argTables: all(files, 'arg_table'),
      includes: all(files, 'include'),
      values,
      units,
    },
    diagnostics,
  };
}

/**
 * Of several modules registered by the inputs, the one a firmware build with all of them as user C
 * modules would need them for: a module's file calls a function that only another module's file
 * defines (mahony.c calls invSqrt() of invsqrt.c, which registers a module of its own), so the natmod
 * of the first must hold the second's file, as the firmware links it. The root is the one module no
 * other module's file needs, when every other module is needed by some file; else undefined.
 */
function neededRoot(files: FileModel[], regs: RegistrationDecl[]): Qstr | undefined {
  const names = [...new Set(regs.map((r) => r.moduleName))];
  const unitsOf = (name: Qstr) => new Set(regs.filter((r) => r.moduleName === name).map((r) => r.unit));
  const needs = (from: FileModel, to: FileModel) =>
    from.calls.some((c) => !from.definedFunctions.has(c.name) && to.definedFunctions.has(c.name));
  const needed = (name: Qstr): boolean => {
    const own = unitsOf(name);
    const others = files.filter((f) => !own.has(f.unit));
    return others.some((f) => files.some((g) => own.has(g.unit) && needs(f, g)));
  };
  const roots = names.filter((n) => !needed(n));
  return roots.length === 1 && names.every((n) => n === roots[0] || needed(n)) ? roots[0] : undefined;
}

/** What the firmware macros and inline functions a unit calls expand to, in first-call order. */
function firmwareExpansion(model: FileModel, inventory: Inventory): string[] {
  const own = model.definedFunctions;
  const out = new Set<string>();
  for (const c of [...model.calls, ...(model.macroCalls ?? [])]) {
    if (own.has(c.name)) continue;
    // py/dynruntime.h's own definition replaces the firmware's macro: its expansion never compiles.
    const status = inventory.lookup(c.name)?.status;
    if (status?.kind === 'dynruntime' && status.via === 'dynruntime.h') continue;
    for (const n of inventory.expansion(c.name)) out.add(n);
  }
  return [...out];
}

function resolveValue(
  v: RomValue,
  table: RomTableDecl,
  symbols: SymbolTable,
  out: Diagnostic[],
  escaped: Map<string, string>,
  undecided = false,
): ResolvedValue | undefined {
  switch (v.kind) {
    case 'int':
      return { kind: 'int', expr: v.expr };
    case 'qstr': {
      // mpy_ld spells a qstr from its identifier; an escaped one becomes a str with its real text.
      const text = escaped.get(v.qstr);
      return text !== undefined ? { kind: 'firmware', ref: { kind: 'str', text } } : { kind: 'qstr', qstr: v.qstr };
    }
    case 'qstr_expr':
      return { kind: 'qstr_expr', expr: v.expr };
    case 'none':
    case 'true':
    case 'false':
      return { kind: 'const', which: v.kind };
    case 'ptr': {
      const d = symbols.lookup(v.target, table.unit, ['fun_obj', 'obj_type', 'const_dict', 'rom_table', 'module_obj', 'runtime_obj']);
      // An address inside an object (`&objs[1]`, `&s.member`) is kept as written: it is not the object's own.
      const own = v.text === `&${v.target}` || v.text === `&(${v.target})`;
      if (!own && (d || symbols.mentioned(v.target) || undecided)) return { kind: 'object', name: v.target, expr: v.text };
      if (d?.kind === 'fun_obj') return { kind: 'fun_obj', decl: d };
      if (d?.kind === 'obj_type') return { kind: 'type', decl: d };
      if (d) return { kind: 'object', name: v.target };
      const fw = own ? firmwareObject(v.target) : undefined;
      if (fw) return { kind: 'firmware', ref: fw };
      // Under a condition only the compiler decides, the object may exist only where it holds.
      if (symbols.mentioned(v.target) || undecided) return { kind: 'object', name: v.target };
      out.push(diag('NMG2005', v.targetSpan, { name: v.target }));
      return undefined;
    }
    case 'float_const':
      return { kind: 'firmware', ref: { kind: 'float', which: v.which as FloatConst } };
    case 'unknown':
      out.push(diag('NMG2007', v.span, { value: v.text }));
      return undefined;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** `py/mphal.h` and the port's `mphalport.h` are port-specific; a quoted include of a file beside the source is re-pointed from the output. */
function includeRole(d: Extract<Decl, { kind: 'include' }>, fileExists: (file: string) => boolean): Role {
  if (d.target === 'py/mphal.h' || d.target === 'mphalport.h') return { kind: 'remove' };
  if (!d.quoted || path.isAbsolute(d.target)) return { kind: 'keep' };
  const local = path.resolve(path.dirname(d.span.file), d.target);
  return fileExists(local) ? { kind: 'local-include', file: local } : { kind: 'keep' };
}

/** The escaped qstrs a file names, in its code, through its macros or as table keys (tables are built from the keys' qstrs). */
function escapedQstrUses(model: FileModel, escaped: Map<string, string>): Array<{ id: string; text: string }> {
  if (escaped.size === 0) return [];
  const keys = new Set<string>();
  for (const d of model.decls)
    if (d.kind === 'rom_table') for (const i of d.items) if (i.kind === 'item' && i.item.key !== undefined) keys.add(i.item.key);
  return (
    [...escaped]
      // A bare `_lt_x_gt_` is a name a macro pastes onto MP_QSTR_ (`MP_QSTR_##n`): one define too many costs nothing.
      .filter(([id]) => keys.has(id) || model.identifiers.has(`MP_QSTR_${id}`) || model.identifiers.has(id))
      .map(([id, text]) => ({ id, text }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}
