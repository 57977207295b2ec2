import { SHIMMED_OBJECTS } from '../model/natmod-abi';
import { reachableFirmwareObjects } from '../facts';

/**
 * Firmware objects a table may point at, and how a natmod reaches them at run time
 * (py/dynruntime.h macros and mpy_ld's linkable data, from src/facts; or the builtins
 * namespace via mp_load_global).
 */
let reach: ReturnType<typeof reachableFirmwareObjects> | undefined;
const reachable = () => (reach ??= reachableFirmwareObjects());

/** Builtin names reachable with mp_load_global (types and exceptions in the builtins module). */
const BUILTIN_TYPES = new Set([
  'object', 'float', 'complex', 'set', 'frozenset', 'range', 'slice', 'memoryview', 'property', 'staticmethod', 'classmethod', 'map', 'filter', 'zip',
  'enumerate', 'reversed', 'BaseException', 'ArithmeticError', 'AssertionError', 'AttributeError', 'GeneratorExit', 'ImportError', 'KeyboardInterrupt',
  'LookupError', 'MemoryError', 'NameError', 'OSError', 'OverflowError', 'StopIteration', 'SyntaxError', 'SystemExit', 'ZeroDivisionError',
  'IndentationError', 'UnicodeError', 'StopAsyncIteration',
]);

/** For `mp_type_X` that py/dynruntime.h lacks but the builtins module has: `X`. */
export function builtinTypeName(cName: string): string | undefined {
  const m = /^mp_type_(\w+)$/.exec(cName);
  return m && BUILTIN_TYPES.has(m[1]) && !reachable().types.has(cName) ? m[1] : undefined;
}

/** C expression (an mp_obj_t) for a firmware object named in `MP_ROM_PTR(&name)`, or undefined. */
export function firmwareObjectExpr(name: string): string | undefined {
  if (SHIMMED_OBJECTS[name]) return `MP_OBJ_FROM_PTR(&${name})`;
  if (reachable().types.has(name) || reachable().objects.has(name)) return `MP_OBJ_FROM_PTR(&${name})`;
  const m = /^mp_type_(\w+)$/.exec(name);
  if (m && BUILTIN_TYPES.has(m[1])) return `mp_load_global(MP_QSTR_${m[1]})`;
  // Builtin functions (py/modbuiltins.c) are reachable by name in the builtins module.
  const builtin = /^mp_builtin_(\w+)_obj$/.exec(name);
  if (builtin) return `mp_load_global(MP_QSTR_${builtin[1]})`;
  if (name === 'mp_const_none_obj') return 'mp_const_none';
  if (name === 'mp_const_true_obj') return 'mp_const_true';
  if (name === 'mp_const_false_obj') return 'mp_const_false';
  if (name === 'mp_const_empty_tuple_obj') return 'mp_const_empty_tuple';
  return undefined;
}
