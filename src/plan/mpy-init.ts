import { conditionExpr, relativeTo } from '../model/condition';
import { ResolvedModule } from '../model/resolved';
import { valueExpr } from './c';
import { call, directiveLine, guarded } from './lines';
import { names } from './names';
import { staticSubmodules } from './submodules';
import { InitLine, MpyInitView, RuntimeTextView, View } from './view';

/** `#error` naming the feature macro the module is registered under. */
export interface RegistrationOffView extends View<'registration-off'> {
  moduleName: string;
  condition: string;
}

/** The registering unit's tail: module-wide definitions and mpy_init, calling each unit's init that has work. */
export function planMpyInit(
  mod: ResolvedModule,
  unitInits: Array<{ name: string; local: boolean }>,
  externalGlobals: boolean,
  runtimeBody: string,
): MpyInitView {
  const models = mod.units.map((u) => u.model);
  const stackCheck = models.some((m) => m.usesStackCheck);
  const moduleType = mod.runtimeObjs.some((o) => o.baseType === 'module');
  // Sub-modules known at generation time are stored by name; otherwise mpy_init walks the globals.
  const stores = moduleType ? staticSubmodules(mod) : undefined;
  const walk = moduleType && stores === undefined;
  // The table's own __name__ entry, when no #if inside the table decides it, is stored in
  // order by the globals function (which runs exactly when the registration is compiled in):
  // a separate store before it would be overwritten.
  const storeName = !mod.globalsTable.items.some(
    (i) => i.kind === 'item' && i.item.key === '__name__' && relativeTo(i.item.cond, mod.globalsTable.cond).length === 0,
  );
  // Code naming the module object gets the module mpy_init receives, before anything runs.
  const rootModule = mod.units.some((u) => u.model.moduleObjRefs?.includes(mod.moduleObj.name));
  const lines: InitLine[] = [
    ...(rootModule ? [{ partial: 'root-module' as const }] : []),
    ...(stackCheck ? [call('natmodgen_stack_probe_init')] : []),
    ...(moduleType ? [{ partial: 'module-type' as const }] : []),
    ...unitInits.map((i) => call(i.name)),
    ...(storeName ? [{ partial: 'store-name' as const, moduleName: mod.name }] : []),
    ...guarded(mod.globalsTable.cond, [call(names.globals(mod.name))]),
    ...(mod.delegation ? guarded(mod.delegation.cond, [{ partial: 'delegation-store' as const }]) : []),
    ...(mod.initHook ? guarded(mod.initHook.cond, [initHook(mod)]) : []),
    // Last, when every sub-module object is built and stored.
    ...(walk ? [{ partial: 'submodules-store' as const, moduleName: mod.name }] : []),
    ...(stores?.length ? [{ partial: 'submodules-static' as const, stores }] : []),
    // The firmware's globals are MP_DEFINE_CONST_DICT's: `mod.x = 1` and `del mod.f` raise AttributeError.
    { partial: 'globals-fixed' as const },
  ];
  return {
    guardLines: registrationGuard(mod),
    definitions: [
      ...(runtimeBody ? [runtimeText(runtimeBody)] : []),
      ...(stackCheck ? [{ partial: 'stack-check' }] : []),
      ...(walk ? [{ partial: 'submodules' }] : []),
    ],
    moduleType,
    rootModule,
    delegation: mod.delegation !== undefined,
    // A function needs a declaration only when another unit defines it.
    externs: [...unitInits.filter((i) => !i.local).map((i) => i.name), ...(externalGlobals ? [names.globals(mod.name)] : [])],
    lines,
  };
}

/**
 * The firmware calls the `__init__` entry with no arguments. When the globals table is in the
 * mpy_init unit its value can be named there and called directly; otherwise it is looked up
 * in the module, as the firmware does.
 */
function initHook(mod: ResolvedModule): InitLine {
  const value = mod.initHook && mod.values.get(mod.initHook);
  if (value && mod.globalsTable.unit === mod.registration.unit) return { partial: 'init-hook-call', value: valueExpr(value) };
  return { partial: 'init-hook' };
}

function registrationGuard(mod: ResolvedModule): Array<View> {
  const expr = conditionExpr(mod.registration.cond);
  if (expr === undefined) return [];
  const off: RegistrationOffView = { partial: 'registration-off', moduleName: mod.name, condition: expr.replace(/"/g, "'") };
  return [directiveLine(`#if !(${expr})`), off, directiveLine('#endif')];
}

/**
 * The compiler calls memcpy/memset on its own for aggregate copies and local array
 * initialisers (on ARM even small ones): needed where the source names them, and where
 * natmodgen itself writes such code (per-call keyword tables, objects built at import).
 */
export function needsLibcMem(mod: ResolvedModule): boolean {
  const arrays = mod.argTables.some((t) => !t.atFileScope || !t.hasDirectives);
  return arrays || mod.runtimeObjs.length > 0;
}

export function runtimeText(text: string): RuntimeTextView {
  return { partial: 'runtime-text', text };
}
