/**
 * Helpers for the unit tests: parse and extract a C snippet held in
 * the test, and pick declarations of one kind out of the model.
 */
import { Diagnostic } from '../../src/diagnostics/diagnostic';
import { extractFile } from '../../src/constructs';
import { Decl, FileModel } from '../../src/model/declarations';
import { parseFile, ParsedFile } from '../../src/parse/parser';
import { parseDefine } from '../../src/pipeline';

export interface Extracted {
  file: ParsedFile;
  model: FileModel;
  diagnostics: Diagnostic[];
}

/** parseFile + extractFile on a snippet; `defines` as given to `-D`. */
export function extract(text: string, opts: { path?: string; unit?: number; defines?: string[] } = {}): Extracted {
  const file = parseFile(opts.path ?? 'input.c', text);
  const r = extractFile(file, opts.unit ?? 0, (opts.defines ?? []).map(parseDefine));
  return { file, model: r.value, diagnostics: r.diagnostics };
}

/** The declarations of one kind a snippet yields, in source order. */
export function declsOf<K extends Decl['kind']>(
  text: string,
  kind: K,
  opts: { path?: string; unit?: number; defines?: string[] } = {},
): Array<Extract<Decl, { kind: K }>> {
  return extract(text, opts).model.decls.filter((d): d is Extract<Decl, { kind: K }> => d.kind === kind);
}

/** Extracted FileModels for several snippets, unit numbers in order, as resolveModule takes them. */
export function models(texts: string[], defines: string[] = []): FileModel[] {
  return texts.map((t, unit) => extract(t, { path: `unit${unit}.c`, unit, defines }).model);
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function lineCol(text: string, needle: string, nth = 0): { line: number; col: number; start: number } {
  let start = -1;
  for (let k = 0; k <= nth; k++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`'${needle}' (#${nth}) not in the snippet`);
  }
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  return { line, col: start - (before.lastIndexOf('\n') + 1) + 1, start };
}

/** Joins lines with newlines: keeps C snippets in tests readable. */
export const c = (...lines: string[]): string => lines.join('\n') + '\n';

/**
 * Ordinary C to put before a snippet made only of MicroPython macros: without it,
 * tree-sitter's ERROR nodes cover most of the file and extractFile reports NMG1003.
 */
export const PRELUDE = c('#include "py/runtime.h"', '', 'static mp_obj_t prelude_identity(mp_obj_t self_in) {', '    return self_in;', '}');
