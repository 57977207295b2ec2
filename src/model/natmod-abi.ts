/**
 * Facts about what a natmod can reach at MicroPython v1.28.0 (py/dynruntime.h,
 * py/nativeglue.h `mp_fun_table`, tools/mpy_ld.py). Names here are called from C
 * but are not exported to native modules.
 */

/** natmodgen's own helpers that constructs ask for (templates/partials/shim-<name>.c.hbs), in emission order. */
export const SHIM_ORDER = ['qstr_switch', 'map_elem_set'];

/** The name natmodgen gives py/dynruntime.h's definition of `name` where a module macro of that name calls the function. */
export const natmodApiName = (name: string): string => `natmodgen_api_${name}`;
