import { Span } from '../diagnostics/diagnostic';
import { Condition } from './condition';

/** A qstr identifier without its `MP_QSTR_` prefix, e.g. `add_ints`. */
export type Qstr = string & { readonly __brand: 'Qstr' };
export const asQstr = (s: string): Qstr => s as Qstr;

/** Fields every extracted declaration has: where it is and under which #if it sits. */
export interface DeclBase {
  name: string;
  span: Span;
  cond: Condition;
  /** Index of the input file (unit) that holds it. */
  unit: number;
  /** Whether the source declares it `static`. */
  isStatic: boolean;
}

/** `MP_DEFINE_CONST_FUN_OBJ_{0,1,2,3,VAR,VAR_BETWEEN,KW}(name, ...)` (py/obj.h): const, linkable as is. */
export interface FunObjDecl extends DeclBase {
  kind: 'fun_obj';
  macro: string;
}

/** A value in a ROM table (py/obj.h `MP_ROM_*`). */
export type RomValue =
  | { kind: 'ptr'; target: string; text: string; span: Span; targetSpan: Span }
  | { kind: 'int'; expr: string; span: Span }
  | { kind: 'qstr'; qstr: Qstr; span: Span }
  /** `MP_ROM_QSTR(NAME)`, NAME a macro only undecidable branches define: left for the compiler. */
  | { kind: 'qstr_expr'; expr: string; span: Span }
  | { kind: 'none' | 'true' | 'false'; span: Span }
  /** `mp_const_float_pi` and friends (py/obj.h): firmware float objects. */
  | { kind: 'float_const'; which: string; span: Span }
  | { kind: 'unknown'; text: string; span: Span };

export interface RomEntry {
  /** The key, when it is a qstr (`MP_ROM_QSTR(MP_QSTR_k)`), as nearly every table has it. */
  key?: Qstr;
  /** Any other key (`MP_ROM_INT(MP_EPERM)` in py/moderrno.c's errorcode table): a value like the entry's value. */
  keyValue?: RomValue;
  keySpan: Span;
  value: RomValue;
  /** The preprocessor conditional around the entry, including the table's own `#if`s. */
  cond: Condition;
  /**
   * The entry sits under a condition natmodgen cannot decide (`#ifdef NAME` that no input, header
   * or -D defines): the compiler decides, so an object it names need not be in the inputs.
   */
  undecided?: boolean;
}

/** Table items in source order: entries and the verbatim conditional directives between them. */
export type CondItem<T> = { kind: 'item'; item: T } | { kind: 'directive'; text: string; span: Span };

/** `static const mp_rom_map_elem_t name[] = { ... };` */
export interface RomTableDecl extends DeclBase {
  kind: 'rom_table';
  items: CondItem<RomEntry>[];
}

/** `MP_DEFINE_CONST_DICT(name, table)` (py/obj.h). */
export interface ConstDictDecl extends DeclBase {
  kind: 'const_dict';
  table: string;
  tableSpan: Span;
}

/** The type slots MicroPython v1.28.0 defines (py/obj.h `mp_obj_type_t`), in declaration order. */
export const TYPE_SLOTS = [
  'make_new',
  'print',
  'call',
  'unary_op',
  'binary_op',
  'attr',
  'subscr',
  'iter',
  'buffer',
  'protocol',
  'parent',
  'locals_dict',
] as const;
export type SlotName = (typeof TYPE_SLOTS)[number];

export interface TypeSlot {
  slot: SlotName;
  value: string;
  span: Span;
}

/** `MP_DEFINE_CONST_OBJ_TYPE(name, MP_QSTR_Name, flags, slot, value, ...)` (py/obj.h), or `MP_DEFINE_EXCEPTION(Name, Base)` (py/objexcept.h). */
export interface ObjTypeDecl extends DeclBase {
  kind: 'obj_type';
  typeName: Qstr;
  /**
   * The name as the module writes it (`BOARD_NAME`), when it is one of the module's macros whose
   * qstr an `#if` natmodgen cannot decide chooses: generated code keeps it for the compiler.
   */
  typeNameAsWritten?: string;
  flags: string;
  slots: CondItem<TypeSlot>[];
  /** Defined as an `mp_obj_full_type_t` (a struct initialiser): its name is of that type. */
  full?: boolean;
  /** Defined inside a function (`static MP_DEFINE_CONST_OBJ_TYPE(...)` in its body): where that function starts. */
  hoistBefore?: number;
}

/** A declaration without definition, `static const mp_obj_type_t name;` or `extern const mp_obj_type_t name;`. */
export interface TypeForwardDecl extends DeclBase {
  kind: 'type_forward';
}

/** `const mp_obj_module_t name = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&dict };` */
export interface ModuleObjDecl extends DeclBase {
  kind: 'module_obj';
  globals: string;
  globalsSpan: Span;
  /** Conditional directives inside the declaration (`#else` ... `#endif` around alternative heads): removal keeps them. */
  directives?: string[];
}

/** `MP_REGISTER_MODULE(MP_QSTR_name, obj)` or `MP_REGISTER_EXTENSIBLE_MODULE(...)` (py/obj.h, read by py/makemoduledefs.py). */
export interface RegistrationDecl extends DeclBase {
  kind: 'registration';
  moduleName: Qstr;
  moduleObj: string;
  moduleObjSpan: Span;
  extensible: boolean;
  /** Whether the registration's `#if` is known true under the given -D and the module's macros ('unknown': it rests on macros natmodgen cannot see defined). */
  live?: 'on' | 'unknown';
}

/** `static const mp_arg_t name[] = { { MP_QSTR_x, ... }, ... };` inside a function or at file scope. */
export interface ArgTableDecl extends DeclBase {
  kind: 'arg_table';
  /** Span of the `static` keyword, removed so the table is built on each call with run-time qstrs. */
  staticSpan?: Span;
  atFileScope: boolean;
  /** The initializer `{ ... }` on one line, for tables at file scope. */
  init: string;
  /** Whether the initializer holds preprocessor directives. */
  hasDirectives: boolean;
  /** The entries (each `{ MP_QSTR_x, flags, {default} }`) with the directives between them. */
  entries: CondItem<string>[];
}

/** `#include "..."` */
export interface IncludeDecl extends DeclBase {
  kind: 'include';
  target: string;
  quoted: boolean;
  /** A header name tested by `__has_include("x.h")` in an `#if`/`#elif`: `span` is the quoted name. */
  inTest?: boolean;
}

/** A call of something natmods cannot link, which natmodgen's runtime does not provide either. */
export interface UnavailableUse extends DeclBase {
  kind: 'unavailable';
}

/**
 * An argument of a call to a name py/dynruntime.h makes a function-like macro, whose commas
 * inside braces (a compound literal: `mp_obj_new_tuple(2, (mp_obj_t[]){a, b})`) the
 * preprocessor would take for argument separators; the firmware calls a function there.
 */
export interface MacroArgDecl extends DeclBase {
  kind: 'macro_arg';
  /** The argument's first and last tokens, rewritten with the parentheses. */
  firstToken: { start: number; end: number; text: string };
  lastToken: { start: number; end: number; text: string };
}

/**
 * A name py/dynruntime.h makes a function-like macro, used without a call (`{ q, mp_obj_len }`
 * in a table of function pointers, a callback argument): the firmware has a function there;
 * the natmod gets natmodgen's runtime function `natmodgen_fnaddr_<name>` (runtime/fnaddr.c).
 */
export interface FnAddressDecl extends DeclBase {
  kind: 'fn_address';
  /** The runtime function put in its place. */
  replacement: string;
}

/** `switch (q) { case MP_QSTR_x: ... }`: its labels are not constants in a natmod. */
export interface QstrSwitchDecl extends DeclBase {
  kind: 'qstr_switch';
  /** The parenthesised condition, and its inner expression text. */
  condSpan: Span;
  condText: string;
  /** Every `case MP_QSTR_x:` label in order; `viaMacro`: the index in `macroUses` of the macro use that writes it. */
  labels: Array<{ qstr: Qstr; span: Span; viaMacro?: number }>;
  /**
   * Uses of the module's macros that write case labels (`#define CASE(n) case MP_QSTR_##n:`): the
   * use's span and its expansion, as text pieces and indexes into `labels`.
   */
  macroUses: Array<{ span: Span; pieces: Array<{ text: string } | { label: number } | { cond: true }> }>;
  /**
   * The whole switch is written by a use of the module's macro (`#define ATTRS(a) switch (a) { ... }`):
   * `macroUses` holds that one use, its condition a `cond` piece; `condSpan` is the use's span.
   */
  inMacro?: boolean;
}

/** A preprocessor test of MICROPY_ENABLE_DYNRUNTIME, rewritten to the firmware side. */
export interface DynruntimeGuardDecl extends DeclBase {
  kind: 'dynruntime_guard';
  /** The rewritten directive with a comment naming the original. */
  text: string;
  /** The rewritten directive alone. */
  rewritten: string;
}

/**
 * `#pragma GCC visibility push(hidden)` (or `internal`, `protected`): rewritten to push `default`, as
 * mpy_ld reaches data only through the GOT, which GCC skips for hidden symbols (src/extract/visibility.ts).
 */
export interface VisibilityPragmaDecl extends DeclBase {
  kind: 'visibility_pragma';
  /** The directive pushing default visibility, with a comment naming the original. */
  rewritten: string;
}

/** One variable of a writable file-scope declaration that mpy_ld cannot load as written. */
export interface WritableVar {
  name: string;
  /** Declarator as written, without initializer, e.g. `*names[]`. */
  declarator: string;
  /** The declarator with the name removed, for a type name, e.g. `*[]`. */
  abstract: string;
  /** For `name[]` (size from the initializer): offset of the `]` of the empty brackets in `declarator`. */
  unsizedAt?: number;
  init?: string;
}

/** `static int x;`, `int counter = 5;`, `static uint32_t a = 1, b = 2;` at file scope. */
export interface WritableDataDecl extends DeclBase {
  kind: 'writable_data';
  /** Type specifiers and qualifiers, storage class removed. */
  specifiers: string;
  vars: WritableVar[];
}

/**
 * `static const qstr fields[] = {MP_QSTR_a, ...};` and other constant file-scope data whose
 * initial value is a run-time value in a natmod (a qstr number, a firmware type or object).
 */
export interface RuntimeDataDecl extends DeclBase {
  kind: 'runtime_data';
  /** Type specifiers and qualifiers (storage class removed), without `const` when it is the variable's own. */
  specifiers: string;
  /** The declarator without the variable's own `const` (`*const name`); an unsized array gets its element count. */
  declarator: string;
  /** The initializer as written. */
  init: string;
}

/**
 * A constant object whose base type is a firmware type, which is a run-time value in
 * a natmod: `MP_DEFINE_STR_OBJ`, `MP_DEFINE_BYTES_OBJ`, `MP_DEFINE_CONST_STATICMETHOD_OBJ`,
 * `MP_DEFINE_CONST_CLASSMETHOD_OBJ`, a sub-module's `mp_obj_module_t`, a module's own
 * float struct `{{&mp_type_float}, v}`, or a `mp_rom_obj_tuple_t`.
 */
export interface RuntimeObjDecl extends DeclBase {
  kind: 'runtime_obj';
  /** C type of the object, e.g. `mp_obj_str_t`. */
  cType: string;
  /** The firmware type named by its base, without `mp_type_`: `str`, `float`, `module`... */
  baseType: string;
  /** Initializer with the base's type replaced by NULL, e.g. `{{NULL}, 0, 5, (const byte *)"hello"}`. */
  init: string;
  /** For tuples: the item expressions. */
  items?: string[];
  /** For a tuple: its file-scope `extern` declarations before it, which name the object built at import. */
  forwards?: Span[];
  /** The rest of the initializer holds run-time values in a natmod (`mp_const_none`, qstrs, firmware types). */
  dynamic?: boolean;
}

/** `MP_REGISTER_ROOT_POINTER(mp_obj_t name);` (py/obj.h) with its declaration. */
export interface RootPointerDecl extends DeclBase {
  kind: 'root_pointer';
  /** The declaration with the name replaced by `%s`, e.g. `mp_obj_t %s`. */
  template: string;
}

/** A `static` writable variable inside a function body (static BSS / .data in a natmod). */
export interface StaticLocalDecl extends DeclBase {
  kind: 'static_local';
  specifiers: string;
  /**
   * Each declared variable: its declarator with the name replaced by `%s` (no initializer); for
   * an array declared without a size (`x[] = {...}`), the offset in `template` where the size
   * goes; and the offsets of the identifiers in the function that refer to it. A constant
   * whose initial value is a run-time value in a natmod (qstrs, firmware objects) has
   * `runtimeInit`: its `const` is gone from `specifiers` and `template`, and an unsized
   * array got its element count.
   */
  vars: Array<{
    name: string;
    template: string;
    init?: string;
    unsizedAt?: number;
    uses: Array<{ start: number; end: number }>;
    runtimeInit?: boolean;
    /** A constant tuple (`mp_rom_obj_tuple_t`): its items' source text; mpy_init builds it. */
    tupleItems?: string[];
    /**
     * An object a macro defines (`static MP_DEFINE_STR_OBJ(s, "x");`) whose base is a firmware type:
     * its C type, the base type's name (`str`), its initial value with the base `NULL` (set by
     * mpy_init), and whether that value holds run-time values (then computed by mpy_init).
     */
    object?: { cType: string; baseType: string; init: string; dynamic: boolean };
    /**
     * Other static locals of the function that its initial value (or tuple items) names: moved before
     * the function with it, so those names become their storage's there.
     */
    refs?: Array<{ name: string; functionName: string }>;
    /**
     * A constant a macro defines that links as written (`static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f)`), moved only
     * because another moved static names it: the definition with `%s` for its name.
     */
    verbatim?: string;
  }>;
  /** Span of the whole function, to hoist storage before it. */
  functionSpan: Span;
  functionName: string;
}

/** `MP_REGISTER_MODULE_DELEGATION(module_obj, handler)`: the handler serves failed attribute lookups. */
export interface DelegationDecl extends DeclBase {
  kind: 'delegation';
  moduleObj: string;
  handler: string;
}

export type Decl =
  | DelegationDecl
  | RuntimeObjDecl
  | RootPointerDecl
  | StaticLocalDecl
  | WritableDataDecl
  | RuntimeDataDecl
  | DynruntimeGuardDecl
  | VisibilityPragmaDecl
  | QstrSwitchDecl
  | FunObjDecl
  | RomTableDecl
  | ConstDictDecl
  | ObjTypeDecl
  | TypeForwardDecl
  | ModuleObjDecl
  | RegistrationDecl
  | ArgTableDecl
  | IncludeDecl
  | UnavailableUse
  | MacroArgDecl
  | FnAddressDecl;

/** Everything extracted from one input file. */
export interface FileModel {
  unit: number;
  path: string;
  decls: Decl[];
  /** Names the file uses that natmodgen's runtime library (runtime/) defines. */
  runtimeNames: string[];
  /** Whether the file calls mp_cstack_check (py/cstack.h), which needs MICROPY_STACK_CHECK. */
  usesStackCheck: boolean;
  /** Whether the file has code paths for unicode strings (tests MICROPY_PY_BUILTINS_STR_UNICODE). */
  testsStrUnicode: boolean;
  /** Whether the file tests MICROPY_MODULE_BUILTIN_INIT (a module `__init__` entry behind it). */
  testsBuiltinInit: boolean;
  /** Whether the file (or a header it includes) defines `_DEFAULT_SOURCE` itself. */
  definesDefaultSource: boolean;
  /** GNU C keywords (`typeof`, `asm`) the file or its macros and headers use without defining them. */
  gnuKeywords?: string[];
  /** Whether the file or its headers give a symbol non-default visibility (src/extract/visibility.ts). */
  hiddenSymbols?: boolean;
  /** Whether a header the file includes includes py/mphal.h or mphalport.h (the port's HAL header, which a natmod build has none of). */
  includesPortHal?: boolean;
  /** Whether the file reads the mpz of an int object (mp_obj_int_t's member under MICROPY_LONGINT_IMPL_MPZ). */
  readsMpzInts?: boolean;
  /** `mp_type_X` names the file uses that py/dynruntime.h does not provide (builtin types and exceptions). */
  firmwareTypes: string[];
  /** Functions and function-like macros the file defines (it may call them whatever their name). */
  definedFunctions: Set<string>;
  /** Calls by name in code the preprocessor may compile, for the natmod API check. */
  calls: Array<{ name: string; span: Span; cond: Condition }>;
  /** Calls inside the bodies of the file's `#define`s whose macro the file uses (located in the directive). */
  macroCalls?: Array<{ name: string; span: Span; cond: Condition }>;
  /** Identifiers that occur in the file outside ROM tables: names the file can refer to. */
  identifiers: Set<string>;
  /** Offset of the first occurrence of each identifier (where declarations of it must come before). */
  firstMention: Map<string, number>;
  /** The preprocessor conditional around each first occurrence (a declaration put before it must not sit in a branch it is not in). */
  firstMentionCond?: Map<string, Condition>;
  /** Offset of the first token that is not a preprocessor line, if any. */
  firstCode: number | undefined;
  /**
   * Module objects the file declares or registers that its code also names elsewhere (`&mod_module`
   * in a table or a function): in a natmod the registered one is the module mpy_init receives.
   */
  moduleObjRefs?: string[];
  /** Names the file and its own headers `#define` (not `-D`), which natmodgen's own code must not depend on. */
  userMacros?: string[];
  /** The module's own definitions of names py/dynruntime.h makes macros (functions in the firmware), in first-definition order. */
  apiOverrides?: ApiOverride[];
}

/**
 * A module's `#define` of a name that is a function in the firmware and a py/dynruntime.h
 * macro in a natmod (`#define m_malloc(n) traced_malloc(n)`), live in the natmod build. The
 * module's code sees its own macro; natmodgen's code and runtime see dynruntime's.
 */
export interface ApiOverride {
  name: string;
  /** Each `#define` of it in this file (none: defined only in a header the file includes). */
  directives: Array<{
    start: number;
    end: number;
    span: Span;
    /** With self-references renamed, when the body calls the function by its own name. */ rewritten?: string;
  }>;
  /** Whether a header of the module defines it (dynruntime's macro leaves before the module's code). */
  inHeader: boolean;
  /** py/dynruntime.h's definition (`(params) body`), present when a body calls the firmware function by its own name. */
  natmodDefinition?: string;
}
