/**
 * Plain data the templates render. Every name, count, index and order is decided
 * in src/plan; templates only iterate and interpolate. Each `partial` field names
 * the template that renders that element.
 */

export interface Line {
  partial: string;
  [field: string]: unknown;
}

/** A replacement of source bytes [start, end) by a rendered partial. */
export interface EditView {
  start: number;
  end: number;
  partial: string;
  data: object;
}

export interface UnitView {
  /** Output path relative to the output folder. */
  outRel: string;
  /** Base name of the output file, for `#line` in generated code. */
  outName: string;
  /** The original file as `#line` should name it (relative to the output file). */
  lineFile: string;
  /** The original file as the user passed it, for the header comment. */
  sourceName: string;
  defines: Array<{ name: string; body: string; bare: string }>;
  shims: Line[];
  edits: EditView[];
  tail: TailView;
}

export interface TailView {
  /** This unit's init function, when it has anything to build (0 or 1). */
  initFns: Array<{ name: string; lines: Line[] }>;
  mpyInit?: MpyInitView;
}

export interface MpyInitView {
  moduleName: string;
  /** Stores __name__ unless the globals table does (0 or 1). */
  nameStore: Array<{ moduleName: string }>;
  externs: string[];
  unitInits: string[];
  globalsFn: string;
  guardLines: Line[];
  globalsLines: Line[];
  /** Definitions from natmodgen's runtime library (runtime/) the module uses (0 or 1 runtime-text line). */
  runtime: Line[];
  /** mp_cstack_check and its set-up call, when any unit checks the C stack. */
  stackCheck: Line[];
  stackCheckInit: Line[];
  /** Records the firmware's module type for sub-modules, when there are any. */
  moduleType: Line[];
  /** Function objects defined in other units that mpy_init stores. */
  externObjs: string[];
  /** Stores the generated `__getattr__` serving the module's delegation (0 or 1, guarded). */
  getattr: Line[];
  /** Calls the module's `__init__` as the firmware does on first import. */
  initHook: Line[];
}
