import type { PreprocessEnv } from '../extract/context';
import type { Inventory } from '../facts';

/** generate()'s inputs, options and outputs (apart from src/pipeline/index.ts: src/pipeline/offload.ts reads them too). */
export interface SourceInput {
  path: string;
  text: string;
}

export interface GenOptions {
  /** Escaped qstrs from the module's qstrdefs headers: identifier → text (src/io/qstrdefs.ts). */
  escapedQstrs?: Map<string, string>;
  /** What a natmod can call (src/facts): from --mpy-dir's tree, or the shipped data when absent. */
  natmodApi?: Inventory;
  /** `-D NAME[=VALUE]` as given on the command line. */
  defines: string[];
  /** Folder the outputs are written to (paths in `#line` and `#include` are relative to it). */
  outDir: string;
  /** Folder the paths in `#line` are relative to: where the compiler will run (default: the output folder). */
  lineBase?: string;
  /** `-I` folders and a file reader for the module's own headers (src/io/headers.ts); none read when absent. */
  preprocess?: PreprocessEnv;
  /**
   * The text of genhdr/mpversion.h (src/io/mpversion.ts), asked for only when a unit includes
   * that firmware build header and no input folder has it; written beside the outputs.
   */
  mpversion?: () => string;
}

export interface GeneratedFile {
  /** Path relative to the output folder. */
  rel: string;
  text: string;
}
