/**
 * Facts about what a natmod can reach at MicroPython v1.28.0 (py/dynruntime.h,
 * py/nativeglue.h `mp_fun_table`, tools/mpy_ld.py). Names here are called from C
 * but are not exported to native modules.
 */

/** Functions natmodgen replaces with a generated equivalent (templates/partials/shim-<name>.c.hbs). */
export const SHIMMED_FUNCTIONS: Record<string, string> = {
  mp_hal_ticks_ms: 'hal_ticks',
  mp_hal_ticks_us: 'hal_ticks',
  mp_hal_ticks_cpu: 'hal_ticks',
  mp_hal_delay_ms: 'hal_delay',
  mp_hal_delay_us: 'hal_delay',
  mp_call_function_0: 'call_function',
  mp_call_function_1: 'call_function',
  mp_call_function_2: 'call_function',
  m_malloc0: 'malloc0',
  mp_stream_close: 'stream_close',
  utf8_ptr_to_index: 'utf8',
  utf8_charlen: 'utf8',
  // py/dynruntime.h provides it, but only for direct subclasses; the firmware walks the hierarchy.
  mp_obj_cast_to_native_base: 'cast_native_base',
};

/** Firmware objects natmodgen replaces with a generated equivalent when a unit names them. */
export const SHIMMED_OBJECTS: Record<string, string> = {
  // py/pystack.h's mp_local_alloc is alloca, which ports declare in their config and natmods lack.
  mp_local_alloc: 'alloca',
  alloca: 'alloca',
  mp_stream_close_obj: 'stream_close_obj',
  mp_stream___exit___obj: 'stream_exit_obj',
  mp_identity_obj: 'identity_obj',
  mp_identity_getiter: 'identity_getiter',
};

/**
 * C library functions mpy_ld cannot link; defined once per module (in the unit that
 * registers it) forwarding to mp_fun_table, when any unit names one of them.
 */
export const LIBC_MEM_FUNCTIONS = new Set(['memcpy', 'memmove', 'memset']);

/** Other C library functions natmodgen defines (once per module) when a unit names them. */
export const LIBC_OTHER_FUNCTIONS = ['memcmp', 'strlen', 'strcmp', 'strncmp', 'strchr'];

/** Shims that other shims build on. */
export const SHIM_NEEDS: Record<string, string[]> = {
  hal_ticks: ['hal_time'],
  hal_delay: ['hal_time'],
  stream_close_obj: ['stream_close'],
  stream_exit_obj: ['stream_close'],
};

/** Order shims are emitted in (dependencies first). */
export const SHIM_ORDER = [
  'alloca', 'qstr_switch', 'map_elem_set', 'hal_time', 'hal_ticks', 'hal_delay', 'call_function', 'malloc0', 'stream_close', 'stream_close_obj', 'stream_exit_obj', 'identity_obj',
  'identity_getiter', 'cast_native_base', 'utf8',
];

/** Functions that cannot be reached from a natmod and have no generated equivalent. */
export const UNAVAILABLE_FUNCTIONS = new Set([
  'mp_call_method_n_kw', 'mp_getiter', 'mp_iternext', 'mp_obj_get_int_maybe', 'mp_obj_new_int_from_ll', 'mp_obj_new_int_from_ull',
  'mp_obj_get_array_fixed_n', 'mp_obj_is_callable', 'mp_obj_new_set', 'mp_obj_is_subclass_fast', 'mp_obj_equal', 'mp_obj_int_get_checked',
  'mp_obj_new_slice', 'mp_obj_str_get_qstr', 'qstr_str', 'qstr_from_str', 'mp_obj_new_str_via_qstr', 'mp_obj_new_str_from_vstr',
  'mp_obj_new_exception_msg', 'mp_obj_new_exception_msg_varg', 'mp_raise_msg_varg', 'mp_obj_print_helper', 'mp_print_str', 'mp_obj_new_bytearray',
  'm_malloc_maybe', 'm_malloc_with_finaliser', 'mp_obj_get_type_str', 'mp_handle_pending', 'mp_map_lookup', 'nlr_push', 'nlr_pop',
  'mp_sched_schedule', 'mp_obj_hash',
]);

/** What to write instead, for functions natmods cannot reach. */
export const UNAVAILABLE_SUGGESTIONS: Record<string, string> = {
  mp_call_method_n_kw: 'load the method with mp_load_method and call it with mp_call_function_n_kw',
  mp_getiter: 'iterate with mp_fun_table.getiter / mp_fun_table.iternext, or take a list and use mp_obj_get_array',
  mp_iternext: 'iterate with mp_fun_table.getiter / mp_fun_table.iternext, or take a list and use mp_obj_get_array',
  mp_obj_get_int_maybe: 'check mp_obj_is_int(o) first, then mp_obj_get_int(o)',
  mp_obj_new_int_from_ll: 'use mp_obj_new_int when the value fits a machine word',
  mp_obj_new_int_from_ull: 'use mp_obj_new_int_from_uint when the value fits a machine word',
  mp_obj_get_array_fixed_n: 'use mp_obj_get_array and check the length',
  mp_obj_is_callable: "look the object's type up with mp_obj_get_type and test its call slot",
  mp_obj_new_set: 'build a list, or call the set builtin: mp_call_function_n_kw(mp_load_global(MP_QSTR_set), ...)',
  mp_obj_equal: 'compare with mp_binary_op(MP_BINARY_OP_EQUAL, a, b) == mp_const_true',
  mp_obj_new_slice: 'call the slice builtin with mp_call_function_n_kw(mp_load_global(MP_QSTR_slice), ...)',
  mp_obj_str_get_qstr: 'keep the str object and compare with mp_obj_str_get_data',
  qstr_str: 'use mp_obj_str_get_str(MP_OBJ_NEW_QSTR(q))',
  qstr_from_str: 'keep the text as a str object (mp_obj_new_str)',
  mp_obj_new_str_via_qstr: 'use mp_obj_new_str',
  mp_obj_new_str_from_vstr: 'build the text in a buffer and use mp_obj_new_str',
  mp_obj_new_exception_msg: 'raise with mp_raise_msg(&mp_type_X, MP_ERROR_TEXT("..."))',
  mp_obj_new_exception_msg_varg: 'raise with a fixed message (mp_raise_msg), or format the text with mp_printf into a buffer first',
  mp_raise_msg_varg: 'raise with a fixed message (mp_raise_msg), or format the text with mp_printf into a buffer first',
  mp_obj_print_helper: "call the object's print slot, or mp_printf with %s of str(obj)",
  mp_print_str: 'use mp_printf(print, "%s", s)',
  mp_obj_new_bytearray: 'allocate with m_new and wrap with mp_obj_new_bytearray_by_ref',
  m_malloc_maybe: 'use m_malloc (raises MemoryError) or m_realloc_maybe',
  m_malloc_with_finaliser: 'use m_malloc; natmods have no finalisers, so __del__ would never run',
  mp_obj_get_type_str: 'use mp_obj_get_type(o)->name with %q',
  mp_handle_pending: 'return to Python regularly instead of polling for pending events',
  mp_map_lookup: 'parse keyword arguments with mp_arg_parse_all, or use mp_obj_subscr on a dict',
  nlr_push: 'let the exception propagate (C-level try/except is not portable between ports in a natmod)',
  nlr_pop: 'let the exception propagate (C-level try/except is not portable between ports in a natmod)',
  mp_sched_schedule: 'call the callback directly, or schedule from Python with micropython.schedule',
  mp_obj_hash: 'call the hash builtin: mp_call_function_n_kw(mp_load_global(MP_QSTR_hash), 1, 0, &o)',
};

export function unavailableSuggestion(name: string): string | undefined {
  if (UNAVAILABLE_SUGGESTIONS[name]) return UNAVAILABLE_SUGGESTIONS[name];
  if (name.startsWith('vstr_')) return 'build the text in a buffer (m_new) and create the object with mp_obj_new_str or mp_obj_new_bytes';
  if (name.startsWith('mp_hal_')) return 'port functions are out of reach of a natmod; take the value from Python (pass it in, or import the module that provides it)';
  return undefined;
}

/** Prefixes of port/HAL/library function families natmods cannot reach. */
export const UNAVAILABLE_PREFIXES = ['mp_hal_', 'vstr_'];

export function unavailableReason(name: string): 'shim' | 'runtime' | 'port' | undefined {
  if (SHIMMED_FUNCTIONS[name]) return 'shim';
  if (UNAVAILABLE_FUNCTIONS.has(name)) return 'runtime';
  if (UNAVAILABLE_PREFIXES.some((p) => name.startsWith(p))) return 'port';
  return undefined;
}
