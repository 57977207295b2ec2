/**
 * MicroPython facts as data: what a MicroPython tree's headers declare, what
 * py/dynruntime.h provides to natmods, the mp_fun_table layout (py/nativeglue.h) and the
 * data symbols tools/mpy_ld.py links. Read from a tree (src/facts/tree.ts) or from the
 * committed data/api-<version>.json; everything here is derived, nothing hand-kept.
 */

/** How a header offers a name: a prototype, a `static inline` definition, or a function-like macro. */
export type SymbolKind = 'function' | 'inline' | 'macro';

/** One public name of the C API, with the first place it is declared. */
export interface ApiSymbol {
  name: string;
  /** `function` whenever any header has a prototype for it; `calls` then holds its macro or inline forms, if any. */
  kind: SymbolKind;
  /** Header relative to the tree, e.g. `py/obj.h`, and the 1-based line of the first declaration. */
  header: string;
  line: number;
  /**
   * For macros and inline functions: the names each definition calls (one list per
   * definition, as a header may define a macro differently under different `#if`s).
   */
  calls?: string[][];
}

/** A name py/dynruntime.h defines (macro or static inline), with the mp_fun_table entries it goes through. */
export interface DynruntimeName {
  name: string;
  line: number;
  funTable: string[];
}

export interface ApiFacts {
  /** MicroPython version of the tree (py/mpconfig.h), e.g. `1.28.0`. */
  micropython: string;
  /**
   * sha256 over every file the facts are read from (path and content): a tree with the same
   * fingerprint has exactly these facts, so its headers need not be parsed again.
   */
  fingerprint: string;
  /** Headers read, relative to the tree, in the order read. */
  headers: string[];
  symbols: ApiSymbol[];
  dynruntime: DynruntimeName[];
  /** Names py/dynruntime.h `#undef`s without defining again. */
  removed: string[];
  /** Field names of `struct _mp_fun_table_t`, in table order (index = position). */
  funTable: string[];
  /** Data symbols mpy_ld resolves through mp_fun_table although the module names them directly. */
  linkableData: string[];
}
