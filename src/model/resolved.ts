import {
  DelegationDecl,
  ArgTableDecl, RootPointerDecl, RuntimeObjDecl, ConstDictDecl, FunObjDecl, IncludeDecl, ModuleObjDecl, ObjTypeDecl, Qstr, RegistrationDecl, RomEntry, RomTableDecl,
  TypeForwardDecl,
} from './declarations';

/** What a table value turned out to be once names were looked up. */
export type ResolvedValue =
  | { kind: 'fun_obj'; decl: FunObjDecl }
  | { kind: 'type'; decl: ObjTypeDecl }
  /** Another object defined in the inputs (const struct, dict...): its address is constant. */
  | { kind: 'object'; name: string }
  /** A firmware object reached through py/dynruntime.h at run time, as a C expression. */
  | { kind: 'firmware'; expr: string }
  | { kind: 'int'; expr: string }
  | { kind: 'qstr'; qstr: Qstr }
  | { kind: 'const'; which: 'none' | 'true' | 'false' };

export interface ResolvedEntry {
  entry: RomEntry;
  value: ResolvedValue;
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
}
