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
