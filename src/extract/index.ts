import { Result } from '../diagnostics/diagnostic';
import { Define } from '../model/define';
import { Decl, FileModel } from '../model/declarations';
import { ParsedFile } from '../parse/parser';
import { ExtractContext } from './context';
import { checkSyntax } from './syntax';
import { LIBC_MEM_FUNCTIONS, LIBC_OTHER_FUNCTIONS } from '../model/natmod-abi';
import { firmwareTypesUsed } from './firmware-types';
import { extractCalls } from './calls';

/**
 * Tree → declarations: runs the given construct extractors (src/constructs/index.ts
 * holds the registry) over one file, then the facts every stage may ask of a file.
 */
export function extractWith(
  extractors: ReadonlyArray<(ctx: ExtractContext) => Decl[]>,
  file: ParsedFile,
  unit: number,
  defines: Define[] = [],
): Result<FileModel> {
  const ctx = new ExtractContext(file, unit, defines);
  const decls: Decl[] = extractors.flatMap((extract) => extract(ctx)).sort((a, b) => a.span.start - b.span.start);
  ctx.diagnostics.push(...checkSyntax(ctx, decls));
  const tableRanges = decls.filter((d) => d.kind === 'rom_table').map((d) => d.span);
  const identifiers = new Set<string>();
  for (const t of file.tokens) {
    if (t.kind !== 'ident') continue;
    if (tableRanges.some((s) => t.start >= s.start && t.end <= s.end)) continue;
    identifiers.add(t.text);
  }
  const usesLibcMem = file.tokens.some((t) => t.kind === 'ident' && LIBC_MEM_FUNCTIONS.has(t.text));
  // A macro body (one directive token) may hold the call, as extmod/modre.c's re1_5_stack_chk does.
  const usesStackCheck = file.tokens.some((t) => (t.kind === 'ident' || t.kind === 'directive') && /\b(mp_cstack_check|MP_STACK_CHECK)\b/.test(t.text));
  const testsStrUnicode = file.tokens.some((t) => t.kind === 'directive' && /\bMICROPY_PY_BUILTINS_STR_UNICODE\b/.test(t.directive?.arg ?? ''));
  const firmwareTypes = firmwareTypesUsed(file.tokens);
  const libcFunctions = LIBC_OTHER_FUNCTIONS.filter((f) => identifiers.has(f));
  const { definedFunctions, calls, macroCalls } = extractCalls(ctx);
  const firstMention = new Map<string, number>();
  for (const t of file.tokens) if (t.kind === 'ident' && !firstMention.has(t.text)) firstMention.set(t.text, t.start);
  const firstCode = file.tokens.find((t) => t.kind !== 'directive')?.start;
  return {
    value: {
      unit,
      path: file.path,
      decls,
      identifiers,
      usesLibcMem,
      libcFunctions,
      usesStackCheck,
      testsStrUnicode,
      firmwareTypes,
      definedFunctions,
      calls,
      macroCalls,
      firstMention,
      firstCode,
    },
    diagnostics: ctx.diagnostics,
  };
}
