import { renderRuntime, RuntimeItem, runtimeClosure, runtimeIndex } from '../runtime';
import { ResolvedModule } from '../model/resolved';

/**
 * Which pieces of natmodgen's runtime library (runtime/) the module gets: the
 * closure of the names its units use. Headers (macros, prototypes) go ahead of
 * the code of each unit that needs them; definitions go once into the unit that
 * holds mpy_init.
 */
export interface RuntimePlan {
  /** Per unit: header text to put ahead of the unit's code ('' for none). */
  unitHeaders: string[];
  /** Definitions for the mpy_init unit ('' for none). */
  body: string;
  /** Every piece chosen, for reports and benchmarks. */
  items: RuntimeItem[];
}

/** The compiler, not the source, calls these (armv6m division); the runtime guards them by architecture. */
const COMPILER_HELPER = /^__aeabi_/;

/**
 * The compiler also calls memcpy/memmove/memset for copies and initialisers, and headers or
 * #included .c files a unit pulls in may call any of them: one named means all three.
 */
const MEMORY_TRIO = ['memcpy', 'memmove', 'memset'];

export function planRuntime(mod: ResolvedModule, extraRoots: { unit: number; names: string[] }[], moduleRoots: string[]): RuntimePlan {
  const index = runtimeIndex();
  // A name the module defines itself is its own, whatever the runtime has.
  const models = mod.units.map((u) => u.model);
  const own = new Set(models.flatMap((m) => [...m.definedFunctions]));
  const unitRoots = mod.units.map(({ model: m, expandsTo }, unit) =>
    [
      ...m.runtimeNames,
      ...expandsTo.filter((n) => index.provided.has(n)),
      ...extraRoots.filter((r) => r.unit === unit).flatMap((r) => r.names),
    ].filter((n) => !own.has(n)),
  );
  const helpers = [...index.provided].filter((n) => COMPILER_HELPER.test(n)).sort();
  const roots = [...unitRoots.flat(), ...moduleRoots.filter((n) => !own.has(n)), ...helpers];
  if (roots.some((n) => MEMORY_TRIO.includes(n))) roots.push(...MEMORY_TRIO.filter((n) => !own.has(n)));
  const all = runtimeClosure(index, roots);
  const regUnit = mod.registration.unit;
  const unitHeaders = unitRoots.map((roots, unit) => {
    const items = unit === regUnit ? all : runtimeClosure(index, roots);
    return renderRuntime(
      index,
      items.filter((i) => i.part === 'header'),
    );
  });
  return {
    unitHeaders,
    body: renderRuntime(
      index,
      all.filter((i) => i.part === 'body'),
    ),
    items: all,
  };
}
