import { hidesSymbols } from './visibility';
import { Result } from '../diagnostics/diagnostic';
import { Define } from '../model/define';
import { CondItem, Decl, FileModel } from '../model/declarations';
import { Condition } from '../model/condition';
import { ParsedFile } from '../parse/parser';
import { Token } from '../parse/tokens';
import { ExtractContext, PreprocessEnv } from './context';
import { checkSyntax } from './syntax';
import { runtimeIndex } from '../runtime';
import { identifiersIn } from '../runtime/lex';
import { coreHeaderMacros } from '../facts';
import { firmwareTypesOfSlots, firmwareTypesPasted, firmwareTypesUsed } from './firmware-types';
import { extractCalls } from './calls';
import { extractApiOverrides } from './api-overrides';
import { evaluateCondition, lexPP } from '../preprocess';
import { undecidedConstructUses } from './construct-macros';

/**
 * Tree → declarations: runs the given construct extractors (src/constructs/index.ts
 * holds the registry) over one file, then the facts every stage may ask of a file.
 */
export function extractWith(
  extractors: ReadonlyArray<(ctx: ExtractContext) => Decl[]>,
  file: ParsedFile,
  unit: number,
  defines: Define[] = [],
  env: PreprocessEnv = {},
): Result<FileModel> {
  const ctx = new ExtractContext(file, unit, defines, env);
  const decls: Decl[] = liveAlternatives(
    ctx,
    // A rewritten #elif after a dead branch (`#if 0` / `#elif !defined(m_malloc)`) starts where the
    // preprocessor is still skipping, yet it decides what follows: directives are rewritten wherever they are.
    extractors.flatMap((extract) => extract(ctx)).filter((d) => d.kind === 'dynruntime_guard' || ctx.pp.liveAt(d.span.start) !== 'off'),
  )
    .map((d) => dropDeadItems(ctx, d))
    .sort((a, b) => a.span.start - b.span.start);
  // What an extractor found wrong in code the compiler never sees (a dead #if branch) is no problem.
  const seen = ctx.diagnostics.filter((d) => d.span?.file !== file.path || ctx.pp.liveAt(d.span.start) !== 'off');
  ctx.diagnostics.splice(0, ctx.diagnostics.length, ...seen);
  ctx.diagnostics.push(...checkSyntax(ctx, decls));
  // A use left as written that a construct read in every branch (an object with a firmware base,
  // its initial value under the #if: src/constructs/runtime-obj.ts) is converted; the others are refused.
  const readEveryBranch = decls.filter((d) => d.kind === 'runtime_obj');
  for (const u of undecidedConstructUses(ctx.pp, file.src.text))
    if (!readEveryBranch.some((d) => d.span.start <= u.start && u.end <= d.span.end))
      ctx.undecidable(u.start, u.end, `what '${u.name}' defines here (its definition is chosen by an #if)`, u.names);
  const identifiers = identifiersOutside(
    file.tokens,
    decls.filter((d) => d.kind === 'rom_table').map((d) => d.span),
  );
  // Objects a header of the module defines (`MP_DEFINE_CONST_FUN_OBJ_1(x_obj, x);` in a .h) are declared there.
  for (const h of ctx.pp.included) for (const name of headerIdentifiers(h, env.readFile)) identifiers.add(name);
  // A macro body (one directive token) may hold the call, as extmod/modre.c's re1_5_stack_chk does.
  // With stack checking switched off (-D MICROPY_STACK_CHECK=0), py/cstack.h defines the check itself, as a no-op.
  const stackCheckOff = evaluateCondition(lexPP('MICROPY_STACK_CHECK'), ctx.pp.lookupAt(Infinity)) === 0;
  // A header of the module may make the call (a macro or inline function of its own): without the
  // setting there, py/stackctrl.h's MP_STACK_CHECK() and py/cstack.h's mp_cstack_check() are empty.
  const headerChecks = ctx.pp.included
    .filter((h) => !STACK_CHECK_HEADER.test(h))
    .flatMap((h) => headerIdentifiers(h, env.readFile).filter((n) => n === 'mp_cstack_check' || n === 'MP_STACK_CHECK'));
  const usesStackCheck =
    !stackCheckOff &&
    (file.tokens.some((t) => (t.kind === 'ident' || t.kind === 'directive') && /\b(mp_cstack_check|MP_STACK_CHECK)\b/.test(t.text)) ||
      headerChecks.length > 0);
  const testsStrUnicode = file.tokens.some(
    (t) => t.kind === 'directive' && /\bMICROPY_PY_BUILTINS_STR_UNICODE\b/.test(t.directive?.arg ?? ''),
  );
  const testsBuiltinInit = file.tokens.some(
    (t) => t.kind === 'directive' && /\bMICROPY_MODULE_BUILTIN_INIT\b/.test(t.directive?.arg ?? ''),
  );
  const definesDefaultSource = ctx.pp.definitions.some((d) => d.name === '_DEFAULT_SOURCE');
  const gnuKeywords = gnuKeywordsUsed(
    file.tokens,
    ctx.pp.definitions,
    ctx.pp.included.map((h) => env.readFile?.(h) ?? ''),
  );
  const hiddenSymbols = hidesSymbols(
    [file.src.text, ...ctx.pp.included.map((h) => env.readFile?.(h))],
    ctx.pp.definitions.map((d) => d.body),
  );
  // py/mphal.h brings in the port's mphalport.h. natmodgen removes the file's own include of it, but
  // a module header or a MicroPython header (extmod/modmachine.h) may include it again, and natmodgen
  // rewrites neither: a file that includes it, or a header of the module that does, points it elsewhere.
  const includesPortHal =
    file.tokens.some((t) => t.kind === 'directive' && PORT_HAL_INCLUDE.test(t.text)) ||
    ctx.pp.included.some((h) => PORT_HAL_INCLUDE.test(env.readFile?.(h) ?? ''));
  const readsMpzInts = readsMpzLayout(ctx, file.tokens);
  const firmwareTypes = [
    ...new Set([...firmwareTypesUsed(file.tokens), ...firmwareTypesOfSlots(decls), ...firmwareTypesPasted(ctx)]),
  ].sort();
  const runtimeNames = runtimeNamesUsed(ctx);
  // py/stackctrl.h's MP_STACK_CHECK() is a call of mp_stack_check once the unit checks the stack.
  if (usesStackCheck && headerChecks.includes('MP_STACK_CHECK') && !runtimeNames.includes('mp_stack_check'))
    runtimeNames.push('mp_stack_check');
  // A dynruntime macro used by name gets the runtime's function (src/constructs/fn-address.ts).
  for (const d of decls) if (d.kind === 'fn_address' && !runtimeNames.includes(d.replacement)) runtimeNames.push(d.replacement);
  const { definedFunctions, calls, macroCalls } = extractCalls(ctx);
  const api = extractApiOverrides(ctx);
  ctx.diagnostics.push(...api.diagnostics);
  const firstMention = new Map<string, number>();
  const firstMentionCond = new Map<string, Condition>();
  file.tokens.forEach((t, i) => {
    if (t.kind !== 'ident' || firstMention.has(t.text)) return;
    firstMention.set(t.text, t.start);
    firstMentionCond.set(t.text, ctx.condAt(i));
  });
  const firstCode = file.tokens.find((t) => t.kind !== 'directive')?.start;
  const moduleObjRefs = moduleObjectRefs(ctx, file.tokens, decls);
  return {
    value: {
      unit,
      path: file.path,
      decls,
      identifiers,
      runtimeNames,
      usesStackCheck,
      testsStrUnicode,
      testsBuiltinInit,
      definesDefaultSource,
      gnuKeywords,
      hiddenSymbols,
      includesPortHal,
      readsMpzInts,
      firmwareTypes,
      definedFunctions,
      calls,
      macroCalls,
      firstMention,
      firstMentionCond,
      firstCode,
      ...(moduleObjRefs.length ? { moduleObjRefs } : {}),
      // A module's fallback for a MicroPython macro (`#define MP_ERROR_TEXT(x) x` for old versions)
      // is not the module's own: hiding it from natmodgen's code would hide MicroPython's too.
      userMacros: [
        ...new Set(ctx.pp.definitions.filter((d) => d.file !== '<command line>' && !coreHeaderMacros().has(d.name)).map((d) => d.name)),
      ].sort(),
      ...(api.overrides.length ? { apiOverrides: api.overrides } : {}),
    },
    diagnostics: ctx.diagnostics,
  };
}

/**
 * Whether live code of the file reads an int object's mpz (`o->mpz`, `&x.mpz`, also in a
 * macro body): mp_obj_int_t has that member only under MICROPY_LONGINT_IMPL_MPZ, so the
 * source builds only for firmware with mpz long ints.
 */
function readsMpzLayout(ctx: ExtractContext, tokens: Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'directive') {
      if (t.directive?.keyword === 'define' && /(\.|->)\s*mpz\b/.test(t.directive.arg ?? '') && ctx.pp.liveAt(t.start) !== 'off')
        return true;
      continue;
    }
    if (t.kind !== 'ident' || t.text !== 'mpz') continue;
    const prev = tokens[i - 1].text;
    if ((prev === '.' || prev === '->') && ctx.pp.liveAt(t.start) !== 'off') return true;
  }
  return false;
}

/**
 * Identifier tokens outside the given ranges (the ROM tables). Tokens and ranges are
 * both walked in source order, once: linear in the file however many tables it has.
 */
export function identifiersOutside(tokens: Token[], ranges: Array<{ start: number; end: number }>): Set<string> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out = new Set<string>();
  // Ranges may nest or overlap: the ones open at a token are those started before it, and
  // of those only the farthest end matters.
  let next = 0;
  let reach = -1;
  for (const t of tokens) {
    if (t.kind !== 'ident') continue;
    while (next < sorted.length && sorted[next].start <= t.start) reach = Math.max(reach, sorted[next++].end);
    if (t.end <= reach) continue;
    out.add(t.text);
  }
  return out;
}

/**
 * Constructs and table items the preprocessor drops under the given -D and the module's
 * own macros do not exist in that build: they are neither resolved nor rebuilt.
 */
/** Definitions a module may write once per configuration (`#if X` / `#else`), keyed by what makes them alternatives. */
const ALTERNATIVE_KEY: Partial<Record<Decl['kind'], (d: Decl) => string>> = {
  fun_obj: (d) => `fun_obj ${d.name}`,
  rom_table: (d) => `rom_table ${d.name}`,
  const_dict: (d) => `const_dict ${d.name}`,
  obj_type: (d) => `obj_type ${d.name}`,
  module_obj: (d) => `module_obj ${d.name}`,
  // Alternative registrations may name different modules (`verif` / `verif_legacy`).
  registration: () => 'registration',
};

/**
 * Alternatives of one definition under `#if`/`#else` whose condition rests on a module default
 * (`#ifndef X / #define X (0)`): liveness cannot decide them (the build may pass -D X), but the
 * natmod built with the -D given compiles the default's branch. Where at least one alternative is
 * live with the defaults in force, the ones that are not are dropped; a lone definition is kept.
 */
function liveAlternatives(ctx: ExtractContext, decls: Decl[]): Decl[] {
  const groups = new Map<string, Decl[]>();
  for (const d of decls) {
    const key = ALTERNATIVE_KEY[d.kind]?.(d);
    if (key === undefined) continue;
    const g = groups.get(key) ?? [];
    g.push(d);
    groups.set(key, g);
  }
  const dropped = new Set<Decl>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const off = g.filter((d) => ctx.pp.defaultLiveAt(d.span.start) === 'off');
    if (off.length < g.length) for (const d of off) dropped.add(d);
  }
  return dropped.size ? decls.filter((d) => !dropped.has(d)) : decls;
}

function dropDeadItems(ctx: ExtractContext, d: Decl): Decl {
  const live = <T>(items: CondItem<T>[], start: (t: T) => number): CondItem<T>[] =>
    items.filter((it) => it.kind !== 'item' || ctx.pp.liveAt(start(it.item)) !== 'off');
  if (d.kind === 'rom_table')
    return {
      ...d,
      items: live(d.items, (e) => e.keySpan.start).map((it) =>
        it.kind === 'item' && ctx.pp.liveAt(it.item.keySpan.start) === 'unknown' ? { ...it, item: { ...it.item, undecided: true } } : it,
      ),
    };
  if (d.kind === 'obj_type') return { ...d, slots: live(d.slots, (sl) => sl.span.start) };
  return d;
}

/**
 * Names the file uses (in code the preprocessor may compile, in its macro bodies, or in the
 * bodies of macros from its headers that its code expands, as `#define MZ_MALLOC(x) malloc(x)`)
 * that natmodgen's runtime library defines, in first-use order.
 */
function runtimeNamesUsed(ctx: ExtractContext): string[] {
  const provided = runtimeIndex().provided;
  const out = new Set<string>();
  // Each name is looked up once, at its first use (a macro redefined later keeps its first body).
  const expanded = new Set<string>();
  const viaMacro = (name: string, at: number): void => {
    if (expanded.has(name)) return;
    expanded.add(name);
    const m = ctx.pp.definitionAt(name, at);
    if (!m || m.file === ctx.file.path) return;
    for (const b of m.body) {
      if (b.kind !== 'ident') continue;
      if (provided.has(b.text)) out.add(b.text);
      viaMacro(b.text, at);
    }
  };
  ctx.file.tokens.forEach((t, i) => {
    if (t.kind === 'ident' && ctx.maybeCompiled(i)) {
      if (provided.has(t.text)) out.add(t.text);
      viaMacro(t.text, t.start);
    }
    if (t.kind === 'directive' && t.directive?.keyword === 'define' && ctx.maybeCompiled(i)) {
      for (const name of identifiersIn(t.directive.arg).slice(1)) {
        if (provided.has(name)) out.add(name);
        viaMacro(name, t.start);
      }
    }
  });
  return [...out];
}

/** An include of py/mphal.h or of the port header it includes (mphalport.h). */
const PORT_HAL_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*[<"](?:py\/mphal\.h|mphalport\.h)[>"]/m;

const headerIds = new Map<string, { text: string; names: string[] }>();

/** The identifiers of a header the unit includes (cached per file and text: units share headers). */
/** MicroPython's own headers that declare the stack check (reached when -I names the tree). */
const STACK_CHECK_HEADER = /(^|[\\/])py[\\/](cstack|stackctrl)\.h$/;

function headerIdentifiers(file: string, readFile: ((f: string) => string | undefined) | undefined): string[] {
  const text = readFile?.(file);
  if (text === undefined) return [];
  const hit = headerIds.get(file);
  if (hit && hit.text === text) return hit.names;
  const names = [...new Set(lexPP(text).flatMap((t) => (t.kind === 'ident' ? [t.text] : [])))];
  headerIds.set(file, { text, names });
  return names;
}

/**
 * Module objects the file defines, declares (`extern const mp_obj_module_t m;`) or registers,
 * named anywhere else in it: not in their definition, a declaration, the registration or a
 * delegation.
 */
function moduleObjectRefs(ctx: ExtractContext, tokens: Token[], decls: Decl[]): string[] {
  const names = new Set<string>();
  const skip: Array<{ start: number; end: number }> = [];
  for (const d of decls) {
    if (d.kind === 'module_obj') names.add(d.name);
    if (d.kind === 'registration') names.add(d.moduleObj);
    // MP_REGISTER_MODULE_DELEGATION names it too, and becomes the module's __getattr__.
    if (d.kind === 'module_obj' || d.kind === 'registration' || d.kind === 'delegation') skip.push(d.span);
  }
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && t.text === 'mp_obj_module_t' && tokens[i + 1]?.kind === 'ident')
      names.add(objectMacroName(ctx, i + 1) ?? tokens[i + 1].text);
  });
  if (names.size === 0) return [];
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'ident' || skip.some((s) => t.start >= s.start && t.start < s.end)) return;
    // Also through the module's object-like macro (`#define MOD m_module`).
    const name = objectMacroName(ctx, i) ?? t.text;
    if (name === undefined || !names.has(name)) return;
    // A declaration of it (`mp_obj_module_t m;`, `struct _mp_obj_module_t m;`) names nothing.
    if (/^(mp_obj_module_t|_mp_obj_module_t)$/.test(tokens[i - 1]?.text ?? '') && tokens[i + 1]?.text === ';') return;
    out.add(name);
  });
  return [...out].sort();
}

/** The identifier an object-like macro of the module at token `i` expands to, if it is one. */
function objectMacroName(ctx: ExtractContext, i: number): string | undefined {
  const m = ctx.userMacro(i);
  if (!m || m.params) return undefined;
  const exp = ctx.expandTokens(i, i).filter((t) => t.kind !== 'directive');
  return exp.length === 1 && exp[0].kind === 'ident' ? exp[0].text : undefined;
}

/** GNU C's keywords that `-std=c99` knows only by their `__x__` spelling. */
const GNU_KEYWORDS = ['typeof', 'asm'];

/**
 * The GNU keywords the file's code, its macros or the headers it includes use and do not define
 * as macros themselves: the firmware compiles GNU C (-std=gnu99), dynruntime.mk -std=c99.
 */
function gnuKeywordsUsed(
  tokens: ReadonlyArray<{ kind: string; text: string }>,
  definitions: ReadonlyArray<{ name: string; body: ReadonlyArray<{ text: string }> }>,
  headers: string[],
): string[] {
  return GNU_KEYWORDS.filter((k) => {
    if (definitions.some((d) => d.name === k)) return false;
    const word = new RegExp(`\\b${k}\\b`);
    return (
      tokens.some((t) => t.kind === 'ident' && t.text === k) ||
      definitions.some((d) => d.body.some((t) => t.text === k)) ||
      headers.some((h) => word.test(h))
    );
  });
}
