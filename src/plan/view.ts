/**
 * Plain data the templates render. Every name, count, index and order is decided in
 * plan; templates only iterate and interpolate. A view's `partial` names the template
 * that renders it (templates/partials/<partial>.c.hbs); each construct in
 * src/constructs/ declares the views of its own templates, and the views shared by
 * several constructs are here.
 */
import { Define } from '../model/define';
import { ResolvedModule } from '../model/resolved';

/** What every view has: the template that renders it. */
export interface View<P extends string = string> {
  partial: P;
}

/** `    fn();` in an init function. */
export interface CallView extends View<'call'> {
  fn: string;
}

/** A preprocessor line kept verbatim (`#if`, `#else`, `#endif` around generated statements). */
export interface DirectiveLineView extends View<'line-directive'> {
  text: string;
}

/** `    name = value;` at import. */
export interface DataAssignView extends View<'data-assign'> {
  name: string;
  value: string;
}

/** An aggregate's initial value copied in at import from its rodata image. */
export interface DataCopyView extends View<'data-copy'> {
  name: string;
  initCopy: string;
}

/** An aggregate's initial value that names run-time values: built in the init function and copied in. */
export interface DataFillView extends View<'writable-data-fill'> {
  name: string;
  initCopy: string;
  init: string;
}

/** `    + 1`: one term of a table's size, so `#if` around entries counts right. */
export type SizeTermView = View<'size-term'>;

/** A comment standing where the source had something mpy_init builds. */
export interface RemovedView extends View<'removed'> {
  what: string;
  /** Directive lines of the removed text, kept so the #if structure around it stays whole. */
  directives?: string[];
}

/** Statements of an init function (a unit's or mpy_init). */
export type InitLine =
  | CallView
  | DirectiveLineView
  | DataAssignView
  | DataCopyView
  | DataFillView
  | View<'module-type' | 'root-module' | 'delegation-store' | 'init-hook' | 'globals-fixed'>
  | StoreNameView
  | InitHookCallView
  | SubmodulesStoreView
  | SubmodulesStaticView
  | RegistrationStoreView;

/** `sys.modules[name] = &object` for a module the inputs register beside the natmod's own (src/constructs/registration.ts). */
export interface RegistrationStoreView extends View<'registration-store'> {
  moduleName: string;
  object: string;
}

/** Sub-modules put into sys.modules by name, each found at generation time (src/plan/submodules.ts). */
export interface SubmodulesStaticView extends View<'submodules-static'> {
  stores: View[];
}

/** The module's `__init__`, a value the mpy_init unit can name: called directly, as the firmware calls it (no arguments). */
export interface InitHookCallView extends View<'init-hook-call'> {
  value: string;
}

/** Sub-modules put into sys.modules under `moduleName.sub` (the helper is the `submodules` definition). */
export interface SubmodulesStoreView extends View<'submodules-store'> {
  moduleName: string;
}

/** `mp_store_global(MP_QSTR___name__, ...)` when the globals table does not store it. */
export interface StoreNameView extends View<'store-name'> {
  moduleName: string;
}

/** A replacement of source bytes [start, end) by a rendered view (an insertion when start === end). */
export interface EditView<V extends View = View> {
  start: number;
  end: number;
  view: V;
  /** For a directive rewritten in place: the rewritten line alone (sync keeps the original in a comment after it). */
  rewrittenDirective?: string;
}

/** When the unit's init function runs each kind of statement: data first, tables last. */
export type InitPhase = 'data' | 'object' | 'type' | 'table';

/** What one declaration adds to its unit: edits of the source, statements for the unit's init, helpers it needs. */
export interface Contribution {
  edits: EditView[];
  init?: Array<{ phase: InitPhase; lines: InitLine[] }>;
  /** Generated equivalents (shims) the edits use, by name (SHIM_ORDER in src/model/natmod-abi.ts). */
  shims?: string[];
}

/** The unit a declaration is planned in, and module-wide decisions it may need. */
export interface UnitContext {
  unit: number;
  /** C identifier fragment unique to the unit (src/plan/names.ts unitIds). */
  unitId: string;
  /** Whether this unit holds the registration, hence mpy_init. */
  holdsInit: boolean;
  module: ResolvedModule;
  /** Names `mp_type_X` of the types the inputs define. */
  moduleTypes: ReadonlySet<string>;
  /** Storage of a type (unit-unique when it is static). */
  typeStorage: (t: { name: string; unit: number; isStatic: boolean }) => string;
  /** A path as the output file includes it (relative to the output folder). */
  fromOutput: (file: string) => string;
  mode: PlanMode;
  /**
   * `#line` pointing a generated statement at the user's line holding its expression (a slot
   * value, a table entry), so compiler errors in it name that line; none in sync mode, where the
   * generated blocks are the file's own lines.
   */
  sourceLine: (line: number) => DirectiveLineView[];
}

/** `gen` writes a separate file; `sync` rewrites the source in place (paths stay as they are). */
export type PlanMode = 'gen' | 'sync';

export interface PlanInput {
  module: ResolvedModule;
  /** `-D` macros, in command-line order. */
  defines: Define[];
  /** Output path of each unit relative to the output folder, and that folder. */
  outRel: string[];
  outDir: string;
  /** Folder the paths in `#line` are relative to (where the compiler runs); the output folder when absent. */
  lineBase?: string;
  mode: PlanMode;
  /**
   * Per unit: a 1-based line of the text natmodgen read → the file and line on disk it comes from
   * (a synced input skips its blocks; an included file spliced in has its own lines).
   */
  origins?: Array<(line: number) => { file: string; line: number }>;
  /** Per unit: the files spliced into its text in place of their `#include`s (src/sync/splice.ts). */
  splicedFiles?: string[][];
}

/** Pieces of natmodgen's runtime library (runtime/), chosen and ordered in src/plan/runtime.ts. */
export interface RuntimeTextView extends View<'runtime-text'> {
  text: string;
}

/** What natmodgen puts ahead of the user's code (gen: at the top; sync: before the first #include). */
export interface PreludeView {
  defines: Define[];
  /**
   * Whether the unit reaches py/stream.h's seek offsets (mp_off_t): then mp_off_t is signed as in
   * every port, not the uintptr_t of the config header tools/mpy_ld.py writes.
   */
  signedOffsets: boolean;
  /**
   * Whether `visibility("hidden")` and the like are read as default: tools/mpy_ld.py reaches BSS
   * only through the GOT, which GCC skips for hidden data (src/extract/visibility.ts).
   */
  defaultVisibility: boolean;
  /** Escaped qstrs the unit names, each redefined to intern its real text (ResolvedUnit.escapedQstrs); text as a C string body. */
  escapedQstrs: Array<{ id: string; text: string }>;
  shims: View[];
  /** py/dynruntime.h macros the module defines itself: saved here, restored for natmodgen's code in the tail. */
  apiOverrides: ApiOverridePreludeView[];
  /** py/dynruntime.h function-like macros the module uses without a call: the name becomes natmodgen's function (restored in the tail). */
  fnAddresses: Array<{ name: string; replacement: string }>;
}

/** One py/dynruntime.h macro the module redefines (`#pragma push_macro`), with what the module's code needs of it. */
export interface ApiOverridePreludeView {
  name: string;
  /** dynruntime's definition under a reserved name, for a module macro that calls the function by its own name. */
  natmod: { name: string; definition: string } | null;
  /** Whether dynruntime's macro leaves before the module's code (a header of the module redefines it). */
  undef: boolean;
}

/** Before a module's `#define` of a py/dynruntime.h macro: dynruntime's leaves; a self-calling body is rewritten. */
export interface ApiOverrideView extends View<'api-override'> {
  name: string;
  rewritten: string | null;
}

export interface UnitView {
  /** Output path relative to the output folder. */
  outRel: string;
  /** Base name of the output file, for `#line` in generated code. */
  outName: string;
  /** The original file as `#line` should name it (relative to the output file). */
  lineFile: string;
  /** Each file spliced into the unit's text, as `#line` should name it. */
  splicedLineFiles: Record<string, string>;
  /** The original file as the user passed it. */
  sourceName: string;
  prelude: PreludeView;
  edits: EditView[];
  tail: TailView;
}

export interface TailView {
  /** Present in a module of several units: the jump that makes any SRC order load. */
  entry: EntryView | null;
  /** This unit's init function, when it has anything to build. */
  /** The unit's import-time work; static in the mpy_init unit, its only caller there (GCC inlines it). */
  initFn: { name: string; lines: InitLine[]; isStatic: boolean } | null;
  mpyInit: MpyInitView | null;
  /** Macros the user's code defines: natmodgen's own code after it hides those it uses (src/render shield). */
  userMacros: string[];
  /** py/dynruntime.h macros the module redefined: dynruntime's definition comes back for natmodgen's code. */
  apiOverrides: string[];
}

/**
 * The start of a unit's text in a module of several units: a jump to the entry. In the
 * registering unit it is also the `mpy_init` label (the C function is natmodgen_mpy_init).
 */
export interface EntryView {
  label: boolean;
  target: 'mpy_init' | 'natmodgen_mpy_init';
}

export interface MpyInitView {
  /** `#error` when the registration's own `#if` is false. */
  guardLines: View[];
  /** Module-wide definitions ahead of mpy_init (natmodgen's runtime library pieces, the C-stack check). */
  definitions: View[];
  /** Whether the firmware's module type is recorded (for sub-modules). */
  moduleType: boolean;
  /** Whether code names the registered module object (natmodgen_root_module points at mpy_init's module). */
  rootModule: boolean;
  /** Whether the module's `__getattr__` serves a delegation. */
  delegation: boolean;
  /** Init functions of other units (and the globals function when another unit defines it). */
  externs: string[];
  /** The body of mpy_init. */
  lines: InitLine[];
}
