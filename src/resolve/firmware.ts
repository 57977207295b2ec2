import { runtimeIndex } from '../runtime';

/**
 * Firmware objects a table may point at, and how a natmod reaches them at run time
 * (py/dynruntime.h macros, or the builtins namespace via mp_load_global).
 */
const DYNRUNTIME_TYPES = new Set([
  'mp_type_type', 'mp_type_NoneType', 'mp_type_bool', 'mp_type_int', 'mp_type_str', 'mp_type_bytes', 'mp_type_bytearray', 'mp_type_tuple',
  'mp_type_list', 'mp_type_dict', 'mp_type_Exception', 'mp_type_EOFError', 'mp_type_IndexError', 'mp_type_KeyError', 'mp_type_NotImplementedError',
  'mp_type_RuntimeError', 'mp_type_TypeError', 'mp_type_ValueError',
]);

const DYNRUNTIME_OBJECTS = new Set(['mp_stream_read_obj', 'mp_stream_readinto_obj', 'mp_stream_unbuffered_readline_obj', 'mp_stream_write_obj']);

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
  return m && BUILTIN_TYPES.has(m[1]) && !DYNRUNTIME_TYPES.has(cName) ? m[1] : undefined;
}

/** C expression (an mp_obj_t) for a firmware object named in `MP_ROM_PTR(&name)`, or undefined. */
export function firmwareObjectExpr(name: string): string | undefined {
  // Objects natmodgen's runtime library defines (MP_DEFINE_CONST_FUN_OBJ_* there).
  if (runtimeIndex().objects.has(name)) return `MP_OBJ_FROM_PTR(&${name})`;
  if (DYNRUNTIME_TYPES.has(name) || DYNRUNTIME_OBJECTS.has(name)) return `MP_OBJ_FROM_PTR(&${name})`;
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
