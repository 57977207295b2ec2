import { runtimeIndex } from '../runtime';
import type { FirmwareRef } from './resolved';

/**
 * Firmware objects a table may point at, and how a natmod reaches them at run time
 * (py/dynruntime.h macros, or the builtins namespace via mp_load_global).
 */
const DYNRUNTIME_TYPES = new Set([
  'mp_type_type',
  'mp_type_NoneType',
  'mp_type_bool',
  'mp_type_int',
  'mp_type_str',
  'mp_type_bytes',
  'mp_type_bytearray',
  'mp_type_tuple',
  'mp_type_list',
  'mp_type_dict',
  'mp_type_Exception',
  'mp_type_EOFError',
  'mp_type_IndexError',
  'mp_type_KeyError',
  'mp_type_NotImplementedError',
  'mp_type_RuntimeError',
  'mp_type_TypeError',
  'mp_type_ValueError',
]);

const DYNRUNTIME_OBJECTS = new Set([
  'mp_stream_read_obj',
  'mp_stream_readinto_obj',
  'mp_stream_unbuffered_readline_obj',
  'mp_stream_write_obj',
]);

/** Builtin names reachable with mp_load_global (types and exceptions in the builtins module). */
const BUILTIN_TYPES = new Set([
  'object',
  'float',
  'complex',
  'set',
  'frozenset',
  'range',
  'slice',
  'memoryview',
  'property',
  'staticmethod',
  'classmethod',
  'map',
  'filter',
  'zip',
  'enumerate',
  'reversed',
  'BaseException',
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'GeneratorExit',
  'ImportError',
  'KeyboardInterrupt',
  'LookupError',
  'MemoryError',
  'NameError',
  'OSError',
  'OverflowError',
  'StopIteration',
  'SyntaxError',
  'SystemExit',
  'ZeroDivisionError',
  'IndentationError',
  'UnicodeError',
  'StopAsyncIteration',
]);

/** For `mp_type_X` that py/dynruntime.h lacks but the builtins module has: `X`. */
/** py/obj.h macros whose expansion names a builtin type py/dynruntime.h lacks. */
export const MACROS_USING_TYPES: Readonly<Record<string, string>> = {
  mp_obj_is_float: 'float',
};

/** The names whose mention in code needs builtin type `n` (`mp_type_n`, and macros expanding to it). */
export function namesNeedingType(n: string): string[] {
  return [`mp_type_${n}`, ...Object.keys(MACROS_USING_TYPES).filter((m) => MACROS_USING_TYPES[m] === n)];
}

/**
 * Whether `mp_type_X` names a type of the firmware a natmod reaches (py/dynruntime.h's, or a
 * builtin by name): a module compiling the firmware's own source (py/objarray.c defines
 * mp_type_bytearray beside mp_type_array) keeps the firmware's under that name, so objects
 * from outside pass its type checks.
 */
export function isReachableFirmwareType(cName: string): boolean {
  return DYNRUNTIME_TYPES.has(cName) || builtinTypeName(cName) !== undefined;
}

export function builtinTypeName(cName: string): string | undefined {
  const m = /^mp_type_(\w+)$/.exec(cName);
  return m && BUILTIN_TYPES.has(m[1]) && !DYNRUNTIME_TYPES.has(cName) ? m[1] : undefined;
}

/** py/obj.h's constant objects that py/modbuiltins.c's table names. */
const BUILTIN_SINGLETONS: Record<string, string | undefined> = {
  mp_const_ellipsis_obj: 'Ellipsis',
  mp_const_notimplemented_obj: 'NotImplemented',
};

/** How a natmod reaches a firmware object named in `MP_ROM_PTR(&name)`, or undefined when it cannot. */
export function firmwareObject(name: string): FirmwareRef | undefined {
  // Objects natmodgen's runtime library defines (MP_DEFINE_CONST_FUN_OBJ_* there).
  if (runtimeIndex().objects.has(name)) return { kind: 'address', name };
  if (DYNRUNTIME_TYPES.has(name) || DYNRUNTIME_OBJECTS.has(name)) return { kind: 'address', name };
  const m = /^mp_type_(\w+)$/.exec(name);
  if (m && BUILTIN_TYPES.has(m[1])) return { kind: 'builtin', name: m[1] };
  // Builtin functions (py/modbuiltins.c) are reachable by name in the builtins module.
  const builtin = /^mp_builtin_(\w+)_obj$/.exec(name);
  if (builtin) return { kind: 'builtin', name: builtin[1] };
  const c = /^mp_const_(none|true|false|empty_tuple|empty_bytes)_obj$/.exec(name);
  if (c) return { kind: 'const', which: c[1] as 'none' | 'true' | 'false' | 'empty_tuple' | 'empty_bytes' };
  // py/obj.h's singletons that the builtins module holds by name.
  const singleton = BUILTIN_SINGLETONS[name];
  if (singleton) return { kind: 'builtin', name: singleton };
  return undefined;
}

/** Names that look like MicroPython runtime functions, the ones checked against the natmod API. */
export const RUNTIME_PREFIXES = /^(mp_|m_|gc_|qstr_|vstr_|nlr_|mpz_|utf8_|unichar_|mp_hal_)/;

/**
 * py/mpconfig.h's version macros for a MicroPython version ("1.28.0", "1.29.0-preview"), as
 * `-D`-like definitions: the same in every port and configuration of that tree, so
 * `#if MICROPY_VERSION >= MICROPY_MAKE_VERSION(1, 19, 0)` reads as the natmod build reads it.
 * None for a version that is not major.minor.micro.
 */
export function versionMacros(version: string): Array<{ name: string; body: string }> {
  const m = /^(\d+)\.(\d+)\.(\d+)(-\w+)?/.exec(version);
  if (!m) return [];
  return [
    { name: 'MICROPY_VERSION_MAJOR', body: m[1] },
    { name: 'MICROPY_VERSION_MINOR', body: m[2] },
    { name: 'MICROPY_VERSION_MICRO', body: m[3] },
    { name: 'MICROPY_VERSION_PRERELEASE', body: m[4] ? '1' : '0' },
    { name: 'MICROPY_MAKE_VERSION(major, minor, patch)', body: '(major << 16 | minor << 8 | patch)' },
    { name: 'MICROPY_VERSION', body: 'MICROPY_MAKE_VERSION(MICROPY_VERSION_MAJOR, MICROPY_VERSION_MINOR, MICROPY_VERSION_MICRO)' },
  ];
}

/**
 * Configuration every natmod build has whatever the ARCH, as `-D`-like definitions: py/dynruntime.mk's
 * config header never sets the object representation, so py/mpconfig.h's default (A) holds, and
 * `#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A` (ulab's float constants) reads as the natmod build reads it.
 */
export function natmodConfigMacros(): Array<{ name: string; body: string }> {
  return [
    { name: 'MICROPY_OBJ_REPR_A', body: '(0)' },
    { name: 'MICROPY_OBJ_REPR_B', body: '(1)' },
    { name: 'MICROPY_OBJ_REPR_C', body: '(2)' },
    { name: 'MICROPY_OBJ_REPR_D', body: '(3)' },
    { name: 'MICROPY_OBJ_REPR', body: '(MICROPY_OBJ_REPR_A)' },
  ];
}

/** Base types whose objects are constant in a natmod too (linkable or not objects at all). */
export const LINKABLE = new Set(['dict', 'type', 'fun_builtin_0', 'fun_builtin_1', 'fun_builtin_2', 'fun_builtin_3', 'fun_builtin_var']);

/** Names that are run-time values in a natmod: qstr numbers, firmware types, constant objects. */
export function runtimeValue(name: string): boolean {
  if (name.startsWith('MP_QSTR_')) return true;
  if (/^MP_ROM_(NONE|TRUE|FALSE)$/.test(name) || /^mp_const_\w+$/.test(name)) return true;
  const t = /^mp_type_(\w+)$/.exec(name);
  return t !== null && !LINKABLE.has(t[1]);
}
