import { renderRuntime, RuntimeIndex, RuntimeItem, runtimeClosure, runtimeIndex } from '../runtime';
import { ResolvedModule } from '../model/resolved';
import { TYPE_SLOTS } from '../model/declarations';

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
  /** Names whose definitions are static (internal linkage) in the mpy_init unit. */
  statics: string[];
}

/**
 * The C library file of the runtime: the compiler emits calls to these names by itself
 * (struct copies, initialisers, recognised loops), so they keep external linkage.
 */
const LIBC_FILE = 'libc.c';

/** How a definition made static is renamed: the firmware's headers declared the name extern already. */
export function staticName(name: string): string {
  return `natmodgen_s_${name}`;
}

/** The compiler, not the source, calls these (armv6m division); the runtime guards them by architecture. */
const COMPILER_HELPER = /^__aeabi_/;

/**
 * The compiler also calls memcpy/memmove/memset for copies and initialisers, and headers or
 * #included .c files a unit pulls in may call any of them: one named means all three.
 */
const MEMORY_TRIO = ['memcpy', 'memmove', 'memset'];

/** Declarations that define a file-scope object of the module's under their name. */
const DEFINES_OBJECT: ReadonlySet<string> = new Set([
  'const_dict',
  'rom_table',
  'fun_obj',
  'module_obj',
  'runtime_obj',
  'runtime_data',
  'writable_data',
]);

export function planRuntime(mod: ResolvedModule, extraRoots: { unit: number; names: string[] }[], moduleRoots: string[]): RuntimePlan {
  const index = runtimeIndex();
  // A name the module defines itself is its own, whatever the runtime has.
  const models = mod.units.map((u) => u.model);
  // So is a type it defines (py/objstringio.c compiled into a natmod defines mp_type_stringio).
  // And so is an object it defines (py/objdict.c defines mp_const_empty_dict_obj, which the runtime
  // otherwise gives the natmod as a macro over its own empty dict).
  const objects = models.flatMap((m) => m.decls.filter((d) => DEFINES_OBJECT.has(d.kind)).map((d) => d.name));
  const own = new Set([...models.flatMap((m) => [...m.definedFunctions]), ...mod.types.map((t) => t.name), ...objects]);
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
  const all = runtimeClosure(index, roots, undefined, true);
  const regUnit = mod.registration.unit;
  // mpy_ld keeps every function and object with external linkage, used or not, and GCC
  // cannot inline them away: definitions that only the mpy_init unit needs are static.
  const otherUnits = new Set(
    runtimeClosure(index, unitRoots.filter((_, u) => u !== regUnit).flat(), undefined, true).flatMap((i) => i.defines),
  );
  // A name a firmware inline function calls is named by header code compiled ahead of the
  // renaming (py/parsenum.h's mp_parse_num_float calls mp_parse_num_decimal): it keeps its name.
  const expanded = new Set(mod.units.flatMap((u) => u.expandsTo));
  const statics = all.filter(
    (i) =>
      i.part === 'body' &&
      i.head !== undefined &&
      i.file !== LIBC_FILE &&
      !/^__/.test(i.defines[0]) &&
      !otherUnits.has(i.defines[0]) &&
      !expanded.has(i.defines[0]),
  );
  const staticSet = new Set(statics);
  // Those that keep their name because a firmware macro expands to them are declared ahead of
  // the unit's code too: the firmware's header may declare them only under a setting a natmod
  // build leaves off (py/obj.h's mp_obj_malloc_with_finaliser_helper, MICROPY_ENABLE_FINALISER).
  const keptNames = all.filter(
    (i) =>
      i.part === 'body' &&
      i.head !== undefined &&
      i.file !== LIBC_FILE &&
      !/^__/.test(i.defines[0]) &&
      !staticSet.has(i) &&
      expanded.has(i.defines[0]),
  );
  const unitHeaders = unitRoots.map((roots, unit) => {
    const items = unit === regUnit ? all : runtimeClosure(index, roots, undefined, true);
    const declared = keptNames
      .filter((i) => unit === regUnit || roots.includes(i.defines[0]))
      .map((i) => ({ ...i, part: 'header' as const, text: `${i.head};` }));
    const headers = renderRuntime(index, [...items.filter((i) => i.part === 'header'), ...declared]);
    if (unit !== regUnit || !statics.length) return headers;
    // Renamed (the firmware's headers declared the names extern) and declared static ahead
    // of the unit's code; later extern declarations of the names then have internal linkage too.
    // The definitions' own #includes come first: they declare the original names and the types.
    const forward = statics.map((i) => ({
      ...i,
      part: 'header' as const,
      text: [
        `#undef ${i.defines[0]}`,
        `#define ${i.defines[0]} ${staticName(i.defines[0])}`,
        `static __attribute__((unused)) ${i.head};`,
      ].join('\n'),
    }));
    return [headers, renderRuntime(index, forward)].filter(Boolean).join('\n');
  });
  for (const [unit, model] of models.entries()) {
    const own = ownSlotCopies(index, model.definedFunctions);
    if (own.length) unitHeaders[unit] = [unitHeaders[unit], ownSlotHeader(own)].filter(Boolean).join('\n');
  }
  const body = renderRuntime(
    index,
    all.filter((i) => i.part === 'body').map((i) => (staticSet.has(i) ? { ...i, text: `static __attribute__((unused)) ${i.text}` } : i)),
  );
  const linkQstrs = linkOnlyQstrs(index, models, body);
  return {
    unitHeaders,
    body: linkQstrs.length
      ? [
          body,
          // mpy_ld reads qstrs from the module's sources only; the make fragment compiles the unit of
          // link-only pieces (sscanf...) after them, so the qstrs those pieces name are named here.
          `/* natmodgen: qstrs of the runtime functions linked after compiling: ${linkQstrs.join(' ')} */`,
        ]
          .filter(Boolean)
          .join('\n')
      : body,
    items: all,
    statics: statics.map((i) => i.defines[0]),
  };
}

/**
 * The qstrs (`MP_QSTR_x`) of the link-only pieces the module's code names (sscanf, printf,
 * read...) and what they need, that the module's own text does not already name: those pieces
 * are compiled after the module's units, in a unit of their own whose qstrs mpy_ld never reads.
 */
function linkOnlyQstrs(index: RuntimeIndex, models: ReadonlyArray<{ identifiers: Set<string> }>, body: string): string[] {
  const roots = [
    ...new Set(index.items.filter((i) => i.linkOnly).flatMap((i) => i.defines.filter((d) => models.some((m) => m.identifiers.has(d))))),
  ];
  if (!roots.length) return [];
  const names = new Set<string>();
  for (const it of runtimeClosure(index, roots)) for (const q of it.text.match(/\bMP_QSTR_\w+/g) ?? []) names.add(q);
  return [...names].filter((q) => !body.includes(q)).sort();
}

/** The runtime file naming the firmware's slot functions (each macro's value is the firmware's function, read from its type). */
const TYPESLOTS_FILE = 'typeslots.h';

/** A function a unit defines under the name of a firmware slot function: its slot and the firmware's value. */
export interface OwnSlotCopy {
  name: string;
  slot: string;
  firmware: string;
}

/**
 * The firmware slot functions (runtime/typeslots.h) a unit defines a copy of: MicroPython's
 * own sources compiled into a natmod (py/objdict.c in the collections twin defines
 * mp_obj_dict_make_new). The natmod then has two functions where the firmware has one.
 */
export function ownSlotCopies(index: RuntimeIndex, defined: ReadonlySet<string>): OwnSlotCopy[] {
  const out: OwnSlotCopy[] = [];
  for (const item of index.items) {
    const name = item.defines[0];
    if (item.file !== TYPESLOTS_FILE || !defined.has(name)) continue;
    const m = /^#define\s+\w+\s+(.*MP_OBJ_TYPE_GET_SLOT\((.*),\s*(\w+)\).*)$/s.exec(item.text.trim());
    if (m && (TYPE_SLOTS as readonly string[]).includes(m[3])) out.push({ name, slot: m[3], firmware: m[1].replace(/\\\n/g, ' ') });
  }
  return out;
}

/**
 * For a unit with its own copy of firmware slot functions: a slot read that finds the
 * firmware's function gives the unit's copy instead, so the identity checks of the
 * firmware's code compiled with it (mp_obj_is_dict_or_ordereddict compares a type's make_new
 * with mp_obj_dict_make_new) take the firmware's objects as well as the module's. Those checks
 * read slots with MP_OBJ_TYPE_GET_SLOT_OR_NULL; calls through it reach the copy, which is
 * the firmware's source. The headers that define the macro come first, so a later #include
 * (guarded) does not meet it again.
 */
export function ownSlotHeader(own: OwnSlotCopy[]): string {
  const lines = [
    `/* natmodgen: this unit defines its own ${own.map((o) => o.name).join(', ')}; slot reads that find the firmware's give the unit's. */`,
    '#include "py/obj.h"',
  ];
  for (const slot of TYPE_SLOTS) {
    const mine = own.filter((o) => o.slot === slot);
    if (!mine.length) {
      lines.push(`#define natmodgen_own_slot_${slot}(v) (v)`);
      continue;
    }
    const type = `__typeof__(_MP_OBJ_TYPE_SLOT_TYPE_${slot}(NULL))`;
    const swaps = mine.map((o) => `v == (${type})(${o.firmware}) ? (${type})${o.name} : `).join('');
    lines.push(`static inline ${type} natmodgen_own_slot_${slot}(${type} v) {`, `    return ${swaps}v;`, '}');
  }
  lines.push(
    '#undef MP_OBJ_TYPE_GET_SLOT_OR_NULL',
    '#define MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, f) \\',
    '    natmodgen_own_slot_##f(_MP_OBJ_TYPE_SLOT_TYPE_##f(MP_OBJ_TYPE_HAS_SLOT(t, f) ? MP_OBJ_TYPE_GET_SLOT(t, f) : NULL))',
  );
  return lines.join('\n');
}
