import {
  Decl,
  FileModel,
  DelegationDecl,
  ArgTableDecl,
  RootPointerDecl,
  RuntimeObjDecl,
  ConstDictDecl,
  FunObjDecl,
  IncludeDecl,
  ModuleObjDecl,
  ObjTypeDecl,
  Qstr,
  RegistrationDecl,
  RomEntry,
  RomTableDecl,
  TypeForwardDecl,
} from './declarations';

/** A firmware object as a natmod reaches it at run time (py/dynruntime.h, or the builtins module). */
export type FirmwareRef =
  /** Its address, which py/dynruntime.h (or a generated equivalent) provides under the same name. */
  | { kind: 'address'; name: string }
  /** A name in the builtins module: `mp_type_OSError` is `OSError`, `mp_builtin_len_obj` is `len`. */
  | { kind: 'builtin'; name: string }
  /** One of py/obj.h's constant objects: `mp_const_none_obj` is `mp_const_none`. */
  | { kind: 'const'; which: 'none' | 'true' | 'false' | 'empty_tuple' | 'empty_bytes' }
  /** A float constant of py/objfloat.c (`mp_const_float_pi`), rebuilt with the natmod's float type. */
  | { kind: 'float'; which: FloatConst }
  /** A str with this text (an escaped qstr, whose identifier mpy_ld cannot spell). */
  | { kind: 'str'; text: string };

/** The float constants py/obj.h names `mp_const_float_<which>`. */
export type FloatConst = 'e' | 'pi' | 'tau' | 'inf' | 'nan';

/** What a table value turned out to be once names were looked up. */
export type ResolvedValue =
  | { kind: 'fun_obj'; decl: FunObjDecl }
  | { kind: 'type'; decl: ObjTypeDecl }
  /** Another object defined in the inputs (const struct, dict...): its address is constant. */
  /** `expr`: the address as written when it is not the object's own (`&objs[1]`, `&s.member`). */
  | { kind: 'object'; name: string; expr?: string }
  /** A firmware object reached at run time. */
  | { kind: 'firmware'; ref: FirmwareRef }
  | { kind: 'int'; expr: string }
  | { kind: 'qstr'; qstr: Qstr }
  /** A qstr the compiler picks (a macro only undecidable branches define). */
  | { kind: 'qstr_expr'; expr: string }
  | { kind: 'const'; which: 'none' | 'true' | 'false' };

/**
 * What the natmod does with one declaration, decided by resolve so that plan needs no
 * lookups of its own.
 */
export type Role =
  /** The construct's natmod form (a table built at import, a type filled by mpy_init...). */
  | { kind: 'convert' }
  /** The registered module's globals table: stored into the module by mpy_init, entry by entry. */
  | { kind: 'globals' }
  /** Left as the user wrote it (a dict that is not the module's, an include of a system header...). */
  | { kind: 'keep' }
  /** Replaced by what mpy_init builds (the module object, its globals dict, the registration...). */
  | { kind: 'remove' }
  /** A quoted include of a file beside the source: `file` is its path, re-pointed from the output. */
  | { kind: 'local-include'; file: string };

/** A declaration with its role and, for tables, the resolved value of each entry in order (undefined: unresolved). */
export interface ResolvedDecl<D extends Decl = Decl> {
  decl: D;
  role: Role;
  values?: Array<ResolvedValue | undefined>;
  /** For a rom_table: the resolved key of each entry whose key is not a qstr (RomEntry.keyValue), in item order. */
  keys?: Array<ResolvedValue | undefined>;
}

/** One input file as plan sees it: what extract found, each declaration with its role. */
export interface ResolvedUnit {
  model: FileModel;
  decls: ResolvedDecl[];
  /**
   * Names the firmware's macro and inline functions the unit calls expand to (e.g. the
   * inline mp_parse_num_float calls mp_parse_num_decimal): runtime pieces it needs
   * although its own text never names them.
   */
  expandsTo: string[];
  /**
   * Escaped qstrs the unit names (`MP_QSTR__lt_string_gt_`), with the text a firmware gives them
   * (its py/qstrdefs.h or the module's qstrdefs headers). tools/mpy_ld.py would spell each from its
   * identifier, so the unit interns the real text instead.
   */
  escapedQstrs: Array<{ id: string; text: string }>;
}

/** The one module a natmod build produces, with every reference looked up. */
export interface ResolvedModule {
  name: Qstr;
  registration: RegistrationDecl;
  moduleObj: ModuleObjDecl;
  globalsDict: ConstDictDecl;
  globalsTable: RomTableDecl;
  /** ROM tables built at run time in BSS (class locals and any other table). */
  tables: RomTableDecl[];
  types: ObjTypeDecl[];
  typeForwards: TypeForwardDecl[];
  /** Constant objects rebuilt at import (the registered module object excluded). */
  runtimeObjs: RuntimeObjDecl[];
  rootPointers: RootPointerDecl[];
  /** The module's delegation of failed attribute lookups, served through `__getattr__`. */
  delegation?: DelegationDecl;
  /** The globals table's `__init__` entry, which the firmware calls on first import. */
  initHook?: RomEntry;
  argTables: ArgTableDecl[];
  includes: IncludeDecl[];
  /** Resolved value of every table entry, keyed by the entry object. */
  values: Map<RomEntry, ResolvedValue>;
  /** Every input file, in input order, with a role for each declaration. */
  units: ResolvedUnit[];
}
