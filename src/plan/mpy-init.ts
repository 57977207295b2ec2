import { directiveLine, guarded } from './lines';
import { conditionExpr } from '../model/condition';
import { names } from './names';
import type { PlanInput } from './index';
import { ResolvedModule } from '../model/resolved';
import { Line, MpyInitView } from './view';

/** The registering unit's tail: module-wide definitions and mpy_init, calling each unit's init that has work. */
export function planMpyInit(input: PlanInput, unitInits: string[], externalGlobals: boolean, runtimeBody: string): MpyInitView {
  const mod = input.module;
  const anyModel = (p: (m: PlanInput['models'][number]) => boolean) => input.models.some(p);
  const tableHasName = mod.globalsTable.items.some((i) => i.kind === 'item' && i.item.key === '__name__');
  return {
    moduleName: mod.name,
    // The table's own __name__ entry (stored in order) makes a separate store redundant.
    nameStore: tableHasName && mod.globalsTable.items.every((i) => i.kind === 'item') ? [] : [{ moduleName: mod.name }],
    // The globals function needs a declaration only when another unit defines it.
    externs: [...unitInits, ...(externalGlobals ? [names.globals(mod.name)] : [])],
    externObjs: mod.delegation ? ['natmodgen_module_getattr_obj'] : [],
    unitInits,
    globalsFn: names.globals(mod.name),
    guardLines: registrationGuard(mod),
    runtime: runtimeBody ? [{ partial: 'runtime-text', text: runtimeBody }] : [],
    stackCheck: anyModel((m) => m.usesStackCheck) ? [{ partial: 'stack-check' }] : [],
    stackCheckInit: anyModel((m) => m.usesStackCheck) ? [{ partial: 'call', fn: 'natmodgen_stack_probe_init' }] : [],
    moduleType: mod.runtimeObjs.some((o) => o.baseType === 'module') ? [{ partial: 'module-type' }] : [],
    getattr: mod.delegation ? guarded(mod.delegation.cond, [{ partial: 'store-getattr' }]) : [],
    initHook: mod.initHook ? guarded(mod.initHook.cond, [{ partial: 'init-hook' }]) : [],
    globalsLines: guarded(mod.globalsTable.cond, [{ partial: 'call', fn: names.globals(mod.name) }]),
  };
}

function registrationGuard(mod: ResolvedModule): Line[] {
  const expr = conditionExpr(mod.registration.cond);
  if (expr === undefined) return [];
  return [
    directiveLine(`#if !(${expr})`),
    { partial: 'registration-off', moduleName: mod.name, condition: expr.replace(/"/g, "'") },
    directiveLine('#endif'),
  ];
}

/**
 * The compiler calls memcpy/memset on its own for aggregate copies and local array
 * initialisers (on ARM even small ones): needed where the source names them, and where
 * natmodgen itself writes such code (per-call keyword tables, objects built at import).
 */
export function needsLibcMem(input: PlanInput): boolean {
  const arrays = input.module.argTables.some((t) => !t.atFileScope || !t.hasDirectives);
  return arrays || input.module.runtimeObjs.length > 0;
}
