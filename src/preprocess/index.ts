import * as path from 'path';
import { lexPP, lexShared, peekShared, PPToken } from './lexer';
import { commandLineDefine, MacroDef, MacroLookup, MacroState, parseDefine } from './macros';
import { evaluateCondition, Known } from './condition';
import { expand, ExpandResult, spell, XToken } from './expand';
import { CondBranch, firmwareSide } from '../model/condition';

export type { PPToken } from './lexer';
export type { MacroDef, MacroLookup, MacroState } from './macros';
export type { XToken, ExpandResult } from './expand';
export { expand, spell } from './expand';
export { lexPP } from './lexer';
export { evaluateCondition } from './condition';

/** Whether code is compiled: definitely, definitely not, or it depends on what natmodgen cannot see. */
export type Liveness = 'on' | 'off' | 'unknown';

/** File access for `#include`; the library itself never touches the file system. */
export interface PreprocessHost {
  readFile(file: string): string | undefined;
}

export interface PreprocessOptions {
  /** `-D` macros, in command-line order. */
  defines?: Array<{ name: string; body: string }>;
  /** `-I` folders, searched after the including file's folder for `"x.h"` and alone for `<x.h>`. */
  includeDirs?: string[];
  host?: PreprocessHost;
  /** Names held known-undefined from the start (MICROPY_ENABLE_DYNRUNTIME: natmodgen reads the firmware side). */
  undefinedNames?: string[];
  /** Most files read through includes (bounds work on include cycles without guards). */
  maxIncludes?: number;
  /**
   * Names whose definition natmodgen cannot see (MicroPython's configuration, the
   * compiler's and libc's names). For other names `#ifndef X / #define X` (empty) reads
   * as the first inclusion of a guarded header.
   */
  external?: (name: string) => boolean;
  /**
   * Any non-external name no file seen defines is undefined, as in the natmod build, until
   * a quoted include of the module is not found. Off: such names are unknown.
   */
  closedWorld?: boolean;
  /**
   * Macros MicroPython's headers define whatever the port and configuration (the API facts):
   * `defined(X)` and `#ifdef X` are true for them where no file seen says otherwise, as in
   * both builds (`#if defined(MP_DEFINE_CONST_OBJ_TYPE)` picks the current API).
   */
  headerMacro?: (name: string) => boolean;
}

/** MicroPython's and the compiler's name spaces: their values depend on the port, ARCH and config. */
export function defaultExternal(name: string): boolean {
  return /^(MICROPY_|MP_|mp_|_)/.test(name) || /^(U?INT\w*_(MAX|MIN)|SIZE_MAX|CHAR_BIT|M_\w+|NULL|EOF|NDEBUG|\w*ENDIAN\w*)$/.test(name);
}

/** An include MicroPython's tree provides (searched with -I$(MPY_DIR) in a natmod build). */
export function isMicroPythonHeader(name: string): boolean {
  return /^(py|extmod|shared|lib|genhdr|drivers|ports)\//.test(name) || /^(mpconfig|mphal|mpthread)\w*\.h$/.test(name);
}

/** An `#include` of the main file and the file it resolved to (undefined: not found, or a system header). */
export interface IncludeSite {
  start: number;
  end: number;
  spelled: string;
  resolved?: string;
}

/** The main file as the preprocessor sees it, queried by offset. */
export interface Preprocessed {
  file: string;
  tokens: PPToken[];
  includes: IncludeSite[];
  /** Every file read through an include (directly or from another header), in the order read. */
  included: string[];
  /** Every definition seen, in the order seen (main file and included files). */
  definitions: MacroDef[];
  liveAt(offset: number): Liveness;
  /**
   * Liveness with every module default in force (`#ifndef X / #define X (0)` read as X = 0): what a
   * natmod build with these -D compiles where `liveAt` says the code depends on the build.
   */
  defaultLiveAt(offset: number): Liveness;
  /** The definition a name expands with at an offset of the main file (a default under an undecided #if counts). */
  definitionAt(name: string, offset: number): MacroDef | undefined;
  /** The macro table in force at an offset of the main file. */
  lookupAt(offset: number): MacroLookup;
  /**
   * Expands tokens of the main file with the macros in force at `offset`; `opaque` names
   * are left alone. A macro defined under an undecidable #if expands with that definition
   * (the `#ifndef X / #define X default` idiom: the default is what a natmod build sees).
   */
  expandAt(tokens: PPToken[], offset: number, opaque?: (name: string) => boolean): ExpandResult;
  /**
   * Expands tokens of the main file as the compiler would in every configuration: where a macro the
   * expansion uses is defined under an `#if` natmodgen cannot decide (`#if BOARD_HAS_X` / `#define
   * LIST X(a) X(b)` / `#else` / `#define LIST X(c)`), the result is a choice between the expansions
   * under that `#if`'s own condition, for the compiler to make. A definition whose condition cannot
   * be written again where the expansion goes (it tests a name defined after it, as the
   * `#ifndef X / #define X (0)` default does) expands as `expandAt` reads it.
   */
  expandChoicesAt(tokens: PPToken[], offset: number, opaque?: (name: string) => boolean): Expansion;
}

/**
 * An expansion, or the compiler's choice between expansions (`when`: the `#if`/`#elif` test; undefined:
 * `#else`). `undecided`: the expansion is the module defaults' reading of one that depends on more
 * combinations of undecided tests than are written out (MAX_CHOICES): the names those tests read.
 */
export type Expansion =
  | { kind: 'tokens'; tokens: XToken[]; truncated: boolean; undecided?: string[] }
  | { kind: 'choice'; macro: string; branches: Array<{ when?: string; body: Expansion }> };

/** Most alternative expansions one use is written out as (beyond: the default reading). */
export const MAX_CHOICES = 32;

/**
 * The condition under which a directive in an undecided region is compiled, as a `#if` test
 * (only the branches natmodgen could not decide), with the names it tests and the main-file offset
 * of its first directive.
 */
interface When {
  expr: string;
  names: string[];
  at: number;
  /** The innermost chain with an undecided branch, which branch of it, and whether no other chain is undecided. */
  frame: CondFrame;
  branch: number;
  alone: boolean;
}

interface CondFrame {
  outer: Liveness;
  /** Whether an earlier branch of the chain was taken. */
  taken: Known;
  /** The same chain read with every module default in force (what a natmod build with these -D sees). */
  byDefault?: CondFrame;
  /** The chain's branches so far: each test (undefined for `#else`), its value, and where its directive is. */
  tests?: Array<{ test?: string; value: Known; at: number }>;
  /** Set at `#endif`: the chain ends with `#else` or a branch known true, so one of its branches is compiled. */
  complete?: boolean;
}

interface FileFrame {
  file: string;
  toks: PPToken[];
  next: number;
  conds: CondFrame[];
  live: Liveness;
  /** Liveness with every module default in force: a definition made where this is off is no default. */
  defaultLive: Liveness;
  /** Offset in the main file where this file's effects take place. */
  at: (offset: number) => number;
}

function branch(f: CondFrame, v: Known): Liveness {
  if (f.outer === 'off' || f.taken === 1 || v === 0) return 'off';
  if (v === undefined || f.taken === undefined || f.outer === 'unknown') return 'unknown';
  return 'on';
}

/**
 * Walks a file's directives in order as a C preprocessor does, following quoted and
 * `-I` includes through the host, and records liveness and the macro table over the
 * main file. Iterative over an explicit stack of open files.
 */
let lastDirectives: { text: string; toks: readonly PPToken[] } | undefined;

/**
 * The tokens of a main file (all of them, or those of its directive lines). One conversion
 * preprocesses the same text several times with different options (the module as the firmware
 * and as a natmod sees it, its construct macros, its hidden qstrs); lexing it once is a visible
 * part of a cold start. The whole list is shared with the other stages (lexShared); the
 * directive lines alone are kept for the last text. The arrays are frozen.
 */
function lexMain(text: string, directivesOnly = false): PPToken[] {
  if (!directivesOnly) return lexShared(text) as PPToken[];
  const whole = peekShared(text);
  // The whole list serves the walk over directives as well (it holds the same directive lines).
  if (whole) return whole as PPToken[];
  if (lastDirectives?.text !== text) lastDirectives = { text, toks: Object.freeze(lexPP(text, true)) };
  return lastDirectives.toks as PPToken[];
}

/** The tokens of a main file's directive lines (those of the whole list where it was lexed), as the preprocessor reads them. */
export function lexDirectives(text: string): readonly PPToken[] {
  return lexMain(text, true);
}

export function preprocess(file: string, text: string, opts: PreprocessOptions = {}): Preprocessed {
  // `candidate`: the definition an 'unknown' state would have if its #if held (a default in `#ifndef X / #define X`);
  // `notByDefault`: made in a branch the module's defaults rule out (`#else` of `#if HAS_X` when HAS_X defaults to 1).
  // `when`: the condition of an 'unknown' state's directive, as a test the compiler can make again.
  // `byDefault`: made in a branch the module's defaults select (`#if HAS_X` when HAS_X defaults to 1).
  const history = new Map<
    string,
    Array<{ at: number; state: MacroState; candidate?: MacroDef; notByDefault?: boolean; byDefault?: boolean; when?: When }>
  >();
  const definitions: MacroDef[] = [];
  const record = (name: string, at: number, state: MacroState, candidate?: MacroDef, live?: Liveness, when?: When) => {
    let h = history.get(name);
    if (!h) history.set(name, (h = []));
    h.push({ at, state, candidate, notByDefault: live === 'off', byDefault: live === 'on', when });
  };
  for (const n of opts.undefinedNames ?? []) record(n, -1, null);
  for (const d of opts.defines ?? []) {
    const def = commandLineDefine(d);
    if (def) {
      record(def.name, -1, def);
      definitions.push(def);
    }
  }
  const external = opts.external ?? defaultExternal;
  // Main-file offset from which unseen names are unknown (a quoted include was not found there).
  let openFrom = Infinity;
  const unseen = (name: string, offset: number): MacroState | undefined =>
    !opts.closedWorld || external(name) || offset > openFrom ? undefined : null;
  const lookupAt =
    (offset: number, defaults = false): MacroLookup =>
    (name) => {
      const h = history.get(name);
      if (h)
        for (let k = h.length - 1; k >= 0; k--) {
          if (h[k].at >= offset || (defaults && h[k].notByDefault)) continue;
          return defaults && h[k].candidate ? h[k].candidate : h[k].state;
        }
      return unseen(name, offset);
    };

  // The walk reads directive lines only; the main file's whole token list is lexed when asked for (`tokens`).
  const mainToks = lexMain(text, true);
  const regions: Array<{ start: number; live: Liveness }> = [{ start: 0, live: 'on' }];
  const defaultRegions: Array<{ start: number; live: Liveness }> = [{ start: 0, live: 'on' }];
  const includes: IncludeSite[] = [];
  const readFiles: string[] = [];
  const once = new Set<string>();
  const maxIncludes = opts.maxIncludes ?? 256;
  let included = 0;
  const stack: FileFrame[] = [{ file, toks: mainToks, next: 0, conds: [], live: 'on', defaultLive: 'on', at: (o) => o }];

  while (stack.length) {
    const fr = stack[stack.length - 1];
    const isMain = stack.length === 1;
    // Skip to the next directive.
    let k = fr.next;
    while (k < fr.toks.length && !(fr.toks[k].bol && fr.toks[k].text === '#')) k++;
    if (k >= fr.toks.length) {
      stack.pop();
      continue;
    }
    let e = k + 1;
    while (e < fr.toks.length && !fr.toks[e].bol) e++;
    fr.next = e;
    const line = fr.toks.slice(k + 1, e);
    const kw = line[0]?.text ?? '';
    const args = line.slice(1);
    const at = fr.at(fr.toks[k].start);
    const before = fr.live;
    const beforeDefault = fr.defaultLive;
    const cond = (lookup: MacroLookup): Known => {
      if (kw === 'ifdef' || kw === 'elifdef' || kw === 'ifndef' || kw === 'elifndef') {
        const m = args[0] ? lookup(args[0].text) : undefined;
        // An include guard, whatever its spelling (`__ULAB__` sits in the compiler's name space).
        if (kw === 'ifndef' && m === undefined && definesNext(fr.toks, e, args[0].text)) return 1;
        const v: Known =
          m === undefined && args[0] && opts.headerMacro?.(args[0].text)
            ? 1
            : m === undefined || m === 'unknown'
              ? undefined
              : m === null
                ? 0
                : 1;
        return v === undefined ? undefined : kw.endsWith('ndef') ? 1 - v : v;
      }
      return evaluateCondition(args, lookup, opts.headerMacro, (spelled) => hasInclude(spelled, fr.file, opts));
    };
    const lookup = lookupAt(at + 1);
    const byDefault = lookupAt(at + 1, true);
    switch (kw) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const v = fr.live === 'off' ? 0 : cond(lookup);
        const d: CondFrame = { outer: fr.defaultLive, taken: 0 };
        const dv = fr.defaultLive === 'off' ? 0 : cond(byDefault);
        const f: CondFrame = { outer: fr.live, taken: 0, byDefault: d, tests: [{ test: branchTest(kw, args), value: v, at }] };
        fr.live = branch(f, v);
        fr.defaultLive = branch(d, dv);
        f.taken = v === undefined ? undefined : v ? 1 : 0;
        d.taken = dv === undefined ? undefined : dv ? 1 : 0;
        fr.conds.push(f);
        break;
      }
      case 'elif':
      case 'elifdef':
      case 'elifndef':
      case 'else': {
        const f = fr.conds[fr.conds.length - 1];
        if (!f) break;
        const v = kw === 'else' ? 1 : f.outer === 'off' || f.taken === 1 ? 0 : cond(lookup);
        f.tests?.push({ test: kw === 'else' ? undefined : branchTest(kw, args), value: v, at });
        fr.live = branch(f, v);
        // Some branch was surely taken once one is surely true; an unknown one makes "taken" unknown.
        if (f.taken !== 1) f.taken = v === undefined ? undefined : v !== 0 ? 1 : f.taken;
        const d = f.byDefault!;
        const dv = kw === 'else' ? 1 : d.outer === 'off' || d.taken === 1 ? 0 : cond(byDefault);
        fr.defaultLive = branch(d, dv);
        if (d.taken !== 1) d.taken = dv === undefined ? undefined : dv !== 0 ? 1 : d.taken;
        break;
      }
      case 'endif': {
        const f = fr.conds.pop();
        if (f?.tests) f.complete = f.tests.some((t) => t.test === undefined || t.value === 1);
        if (f) fr.live = f.outer;
        if (f?.byDefault) fr.defaultLive = f.byDefault.outer;
        break;
      }
      case 'define': {
        if (fr.live === 'off') break;
        const def = parseDefine(args, fr.file);
        if (!def) break;
        definitions.push(def);
        const when = fr.live === 'on' ? undefined : whenHere(stack);
        record(def.name, at, fr.live === 'on' ? def : 'unknown', def, fr.defaultLive, when);
        break;
      }
      case 'undef':
        if (fr.live !== 'off' && args[0]?.kind === 'ident') {
          const when = fr.live === 'on' ? undefined : whenHere(stack);
          record(args[0].text, at, fr.live === 'on' ? null : 'unknown', undefined, fr.defaultLive, when);
        }
        break;
      case 'pragma':
        if (args[0]?.text === 'once') once.add(fr.file);
        break;
      case 'include': {
        if (fr.live === 'off') break;
        const spelled = computedInclude(args, lookup) ?? args.map((t) => t.text).join('');
        const resolved = resolveInclude(spelled, fr.file, opts);
        if (isMain) includes.push({ start: fr.toks[k].start, end: fr.toks[e - 1].end, spelled, resolved });
        const q = /^"(.*)"$/.exec(spelled);
        if (!resolved && q && !isMicroPythonHeader(q[1])) openFrom = Math.min(openFrom, at);
        if (!resolved || once.has(resolved) || stack.some((s) => s.file === resolved) || included >= maxIncludes) break;
        const itext = opts.host?.readFile(resolved);
        if (itext === undefined) break;
        included++;
        readFiles.push(resolved);
        const site = at;
        stack.push({
          file: resolved,
          toks: lexPP(itext, true),
          next: 0,
          conds: [],
          live: fr.live,
          defaultLive: fr.defaultLive,
          at: () => site,
        });
        break;
      }
      default:
        break;
    }
    if (isMain && fr.live !== before) regions.push({ start: fr.toks[e - 1].end, live: fr.live });
    if (isMain && fr.defaultLive !== beforeDefault) defaultRegions.push({ start: fr.toks[e - 1].end, live: fr.defaultLive });
  }

  const regionAt = (rs: Array<{ start: number; live: Liveness }>, offset: number): Liveness => {
    let lo = 0;
    let hi = rs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return rs[lo].live;
  };
  const liveAt = (offset: number): Liveness => regionAt(regions, offset);

  /**
   * The states an undecided name may have at `offset`, latest definition first, each under its
   * condition, then the state before them all (no `when`); undefined when some condition cannot be
   * tested again after the file: a name it tests is (re)defined from its directive on. A state the
   * module's defaults decide (`#ifndef X / #define X (1)` then `#if X`, no -D X) is what the compiler
   * takes unless the build passes -D X, which natmodgen's -D would have decided already: it holds,
   * and those the defaults rule out are none.
   */
  const alternatives = (name: string, offset: number): Array<{ when?: string; state: MacroState | undefined }> | undefined => {
    const h = history.get(name) ?? [];
    const out: Array<{ when?: string; state: MacroState | undefined }> = [];
    const whens: When[] = [];
    let k = h.length - 1;
    while (k >= 0 && h[k].at >= offset) k--;
    for (; k >= 0 && h[k].state === 'unknown'; k--) {
      if (h[k].notByDefault) continue;
      if (h[k].byDefault) {
        if (!out.length) return undefined;
        out.push({ state: h[k].candidate ?? null });
        return out;
      }
      const w = h[k].when;
      if (!w || w.names.some((n) => (history.get(n) ?? []).some((e) => e.at >= w.at))) return undefined;
      // A later state under the same condition hides this one (`#undef N` / `#define N 2` in one branch).
      if (whens.some((e) => e.expr === w.expr)) continue;
      out.push({ when: w.expr, state: h[k].candidate ?? null });
      whens.push(w);
    }
    if (!out.length) return undefined;
    // The state before them holds unless the definitions fill every branch of one complete chain.
    if (!coversChain(whens)) out.push({ state: k >= 0 ? h[k].state : unseen(name, offset) });
    else out[out.length - 1] = { state: out[out.length - 1].state };
    return out;
  };

  const expandChoicesAt = (tokens: PPToken[], offset: number, opaque?: (name: string) => boolean): Expansion => {
    const raw = lookupAt(offset);
    const byDefault = lookupAt(offset, true);
    let leaves = 0;
    // `assumed`: the tests the branches around this point hold (true) or fail (false), by polarity-free
    // key: a second macro chosen by the same test (`#ifdef A` in one chain, `#ifndef A` or `#if
    // defined(A)` in another) follows the first instead of multiplying the branches.
    const walk = (fixed: ReadonlyMap<string, MacroState | undefined>, assumed: ReadonlyMap<string, boolean>): Expansion | undefined => {
      const consulted: string[] = [];
      const lookup: MacroLookup = (n) => {
        if (opaque?.(n)) return undefined;
        if (fixed.has(n)) return fixed.get(n);
        if (raw(n) === 'unknown' && !consulted.includes(n)) consulted.push(n);
        return byDefault(n);
      };
      const r = expand(tokens, lookup);
      for (const n of consulted) {
        const all = alternatives(n, offset);
        if (!all) continue;
        const alts = narrowed(all, assumed);
        if (alts.length === 1) return walk(new Map(fixed).set(n, alts[0].state), assumed);
        const branches: Array<{ when?: string; body: Expansion }> = [];
        for (const [k, a] of alts.entries()) {
          const holds = new Map(assumed);
          for (const b of alts.slice(0, k)) if (b.when !== undefined) assume(holds, b.when, false);
          if (a.when !== undefined) assume(holds, a.when, true);
          const body = walk(new Map(fixed).set(n, a.state), holds);
          if (!body) return undefined;
          branches.push({ when: a.when, body });
        }
        const first = flatText(branches[0].body);
        if (first !== undefined && branches.every((b) => flatText(b.body) === first)) return branches[0].body;
        return { kind: 'choice', macro: n, branches };
      }
      return ++leaves > MAX_CHOICES ? undefined : { kind: 'tokens', tokens: r.tokens, truncated: r.truncated };
    };
    const found = walk(new Map(), new Map());
    if (found) return found;
    const r = expand(tokens, opaque ? (n) => (opaque(n) ? undefined : byDefault(n)) : byDefault);
    return { kind: 'tokens', tokens: r.tokens, truncated: r.truncated, undecided: undecidedNames(tokens, offset, opaque) };
  };

  /** The names of undecided #if tests an expansion of `tokens` depends on (those of every macro it consults that has alternatives). */
  const undecidedNames = (tokens: PPToken[], offset: number, opaque?: (name: string) => boolean): string[] => {
    const raw = lookupAt(offset);
    const byDefault = lookupAt(offset, true);
    const names = new Set<string>();
    expand(tokens, (n) => {
      if (opaque?.(n)) return undefined;
      if (raw(n) === 'unknown') for (const a of alternatives(n, offset) ?? []) for (const id of namesIn(a.when ?? '')) names.add(id);
      return byDefault(n);
    });
    return [...names];
  };

  return {
    file,
    get tokens() {
      return lexMain(text);
    },
    includes,
    included: readFiles,
    definitions,
    liveAt,
    defaultLiveAt: (offset) => regionAt(defaultRegions, offset),
    lookupAt: (offset) => lookupAt(offset),
    definitionAt(name, offset) {
      const m = lookupAt(offset, true)(name);
      return m && m !== 'unknown' ? m : undefined;
    },
    expandAt(tokens, offset, opaque) {
      const base = lookupAt(offset, true);
      return expand(tokens, opaque ? (n) => (opaque(n) ? undefined : base(n)) : base);
    },
    expandChoicesAt,
  };
}

/**
 * Alternatives of a name with what the branches around the use already hold: a test known to fail
 * drops its alternative, a test known to hold ends the list (its alternative is then the one taken).
 */
function narrowed<T extends { when?: string }>(alts: T[], assumed: ReadonlyMap<string, boolean>): T[] {
  const out: T[] = [];
  for (const a of alts) {
    if (a.when === undefined) {
      out.push(a);
      break;
    }
    const [key, polarity] = testKey(a.when);
    const v = assumed.get(key);
    if (v === undefined) out.push(a);
    else if (v === polarity) {
      out.push({ ...a, when: undefined });
      break;
    }
  }
  return out;
}

function assume(assumed: Map<string, boolean>, when: string, holds: boolean): void {
  const [key, polarity] = testKey(when);
  assumed.set(key, holds === polarity);
}

/**
 * A test without its negations and enclosing parentheses, and whether it was negated an even number of
 * times (`!defined(A)`, `(defined(A))` and `!!defined(A)` are one test). A `!` applies to the whole
 * test only when what follows it is one operand: `!(A) && (B)` is kept as it is.
 */
export function testKey(when: string): [string, boolean] {
  let e = when.trim();
  let polarity = true;
  for (;;) {
    if (e.startsWith('!') && oneOperand(e.slice(1).trim())) {
      e = e.slice(1).trim();
      polarity = !polarity;
    } else if (e.startsWith('(') && closes(e, 0) === e.length - 1) e = e.slice(1, -1).trim();
    else break;
  }
  const m = /^defined\s*(?:\(\s*(\w+)\s*\)|\s+(\w+))$/.exec(e);
  return [m ? `defined(${m[1] ?? m[2]})` : e, polarity];
}

/** Whether an expression is one operand: `defined(X)`, `defined X`, a name, a number or one parenthesised expression (after any `!`). */
function oneOperand(e: string): boolean {
  const rest = e.replace(/^(!\s*)*/, '');
  if (/^defined\s*(\(\s*\w+\s*\)|\s+\w+)$/.test(rest) || /^\w+$/.test(rest)) return true;
  return rest.startsWith('(') && closes(rest, 0) === rest.length - 1;
}

/** The index of the `)` closing the `(` at `open`, or -1. */
function closes(e: string, open: number): number {
  let depth = 0;
  for (let k = open; k < e.length; k++) {
    if (e[k] === '(') depth++;
    else if (e[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

/** The macro names an `#if` test reads (`defined` and numbers' letters left out: `0x011300` names nothing). */
export function namesIn(test: string): string[] {
  const out: string[] = [];
  for (const t of lexPP(test)) if (t.kind === 'ident' && t.text !== 'defined' && !out.includes(t.text)) out.push(t.text);
  return out;
}

/** Whether conditions are every branch that may be compiled of one complete chain, and nothing else is undecided. */
function coversChain(whens: When[]): boolean {
  const f = whens[0].frame;
  if (!f.complete || whens.some((w) => w.frame !== f || !w.alone)) return false;
  const have = new Set(whens.map((w) => w.branch));
  return (f.tests ?? []).every((t, j) => t.value === 0 || have.has(j));
}

/** The spelling of a plain expansion (undefined for a choice): alternatives that spell alike are one. */
function flatText(e: Expansion): string | undefined {
  return e.kind === 'tokens' ? spell(e.tokens) : undefined;
}

/** A conditional directive's test as a `#if` expression, read as the firmware build reads MICROPY_ENABLE_DYNRUNTIME. */
function branchTest(kw: string, args: PPToken[]): string {
  const keyword = (kw === 'ifdef' || kw === 'ifndef' || kw === 'elifdef' || kw === 'elifndef' ? kw : 'if') as CondBranch['keyword'];
  const b = firmwareSide({ keyword, arg: spell(keyword === 'if' ? args : args.slice(0, 1)) });
  if (b.keyword === 'ifdef' || b.keyword === 'elifdef') return `defined(${b.arg})`;
  if (b.keyword === 'ifndef' || b.keyword === 'elifndef') return `!defined(${b.arg})`;
  return `(${b.arg})`;
}

/**
 * Where the walk stands (the open conditionals of every file being read), as a test: the branches
 * natmodgen could not decide, with those before them in their chains negated. Undefined when there
 * is none (the state is unknown for another reason).
 */
function whenHere(stack: FileFrame[]): When | undefined {
  const parts: string[] = [];
  const names = new Set<string>();
  let first = Infinity;
  const undecided: CondFrame[] = [];
  for (const fr of stack)
    for (const f of fr.conds) {
      const tests = f.tests ?? [];
      const before = parts.length;
      tests.forEach((t, j) => {
        const current = j === tests.length - 1;
        if (t.value !== undefined || t.test === undefined) return;
        parts.push(current ? t.test : `!${t.test}`);
        first = Math.min(first, t.at);
        for (const id of t.test.match(/[A-Za-z_]\w*/g) ?? []) if (id !== 'defined') names.add(id);
      });
      if (parts.length > before) undecided.push(f);
    }
  if (!parts.length) return undefined;
  const frame = undecided[undecided.length - 1];
  return {
    expr: parts.join(' && '),
    names: [...names],
    at: first,
    frame,
    branch: (frame.tests?.length ?? 1) - 1,
    alone: undecided.length === 1,
  };
}

/**
 * `__has_include(spelled)` as both builds answer it: 1 for a header the module's folders hold; 0 for a
 * quoted one they do not hold that is no MicroPython header (a natmod build searches only its own folder
 * and the tree); unknown for system and MicroPython headers, or without a file reader.
 */
function hasInclude(spelled: string, from: string, opts: PreprocessOptions): Known {
  if (!opts.host) return undefined;
  if (resolveInclude(spelled, from, opts)) return 1;
  const q = /^"(.*)"$/.exec(spelled.trim());
  return q && !isMicroPythonHeader(q[1]) ? 0 : undefined;
}

/** `#include NAME` where NAME is an object-like macro expanding to one header name (`"x.h"`): that spelling. */
function computedInclude(args: PPToken[], lookup: MacroLookup): string | undefined {
  if (args.length !== 1 || args[0].kind !== 'ident') return undefined;
  const m = lookup(args[0].text);
  if (!m || m === 'unknown' || m.params || m.body.length !== 1 || m.body[0].kind !== 'string') return undefined;
  return /^"[^"]*"$/.test(m.body[0].text) ? m.body[0].text : undefined;
}

/** `"x.h"`: the including file's folder, then each -I folder; `<x.h>`: the -I folders. Undefined when not found. */
export function resolveInclude(spelled: string, from: string, opts: PreprocessOptions): string | undefined {
  const m = /^(["<])(.*)[">]$/.exec(spelled.trim());
  if (!m || !opts.host) return undefined;
  const name = m[2];
  const dirs = [...(m[1] === '"' ? [path.dirname(from)] : []), ...(opts.includeDirs ?? [])];
  for (const d of dirs) {
    const p = path.normalize(path.join(d, name));
    if (opts.host.readFile(p) !== undefined) return p;
  }
  return undefined;
}

/**
 * Whether the directive after token `from` is `#define NAME` with an empty body: an
 * include guard. `#ifndef X / #define X (1)` is a default the build may override, so stays undecided.
 */
function definesNext(toks: PPToken[], from: number, name: string): boolean {
  let k = from;
  while (k < toks.length && !(toks[k].bol && toks[k].text === '#')) k++;
  const isName = toks[k + 1]?.text === 'define' && toks[k + 2]?.text === name && !toks[k + 2].bol;
  return isName && (toks[k + 3] === undefined || toks[k + 3].bol);
}
