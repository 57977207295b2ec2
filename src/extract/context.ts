import { Diagnostic, Related } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { SourceText } from '../parse/source';
import { ParsedFile } from '../parse/parser';
import { captureStarts } from '../parse/queries';
import { Condition } from '../model/condition';
import { ConditionMap, mapConditions } from './conditions';
import { Cursor, TokRange } from './cursor';
import { Token, TokenKind } from '../parse/tokens';
import { Expansion, MacroDef, namesIn, PPToken, XToken } from '../preprocess';
import { Liveness, Preprocessed, PreprocessOptions } from '../preprocess';
import { moduleOptions, preprocessModule } from './module-pp';

/** How the preprocessor finds the module's headers: `-I` folders and a reader (undefined: not found). */
export interface PreprocessEnv {
  includeDirs?: string[];
  readFile?: (file: string) => string | undefined;
  /** Macros every build of the tree has before the module's first line (py/mpconfig.h's version macros); -D comes after. */
  predefined?: Array<{ name: string; body: string }>;
  /**
   * Names py/dynruntime.h makes macros that are functions in the firmware, each with dynruntime's
   * definition (`(params) body`, undefined without a MicroPython tree): src/extract/api-overrides.ts.
   */
  natmodMacros?: ReadonlyMap<string, string | undefined>;
  /** The MicroPython tree a natmod is built with: its py/mpconfig.h decides MICROPY_* as that build does (src/pipeline/natmod-config.ts). */
  mpyDir?: string;
}

/** What every extractor gets: the file, its token cursor, conditions, and a sink for diagnostics. */
export class ExtractContext {
  readonly cur: Cursor;
  readonly conds: ConditionMap;
  readonly diagnostics: Diagnostic[] = [];
  readonly liveness: Liveness[];
  /** The file as the compiler sees it: macros in force and liveness at every offset. */
  readonly pp: Preprocessed;
  /** The options `pp` was read with (to read the file again as another build sees it). */
  readonly ppOptions: PreprocessOptions;
  constructor(
    readonly file: ParsedFile,
    readonly unit: number,
    defines: Array<{ name: string; body: string }> = [],
    readonly env: PreprocessEnv = {},
  ) {
    this.ppOptions = moduleOptions(env, defines);
    this.pp = preprocessModule(file.path, file.src.text, env, defines);
    // Tests of MICROPY_ENABLE_DYNRUNTIME, and of names only py/dynruntime.h defines, read as the
    // generated code will: the firmware side.
    const firmwareUndefined = testedNatmodOnlyMacros(file.tokens, env.natmodMacros, this.pp);
    this.cur = new Cursor(file, undefined, firmwareUndefined);
    this.conds = mapConditions(file.tokens, firmwareUndefined);
    this.liveness = file.tokens.map((t) => this.pp.liveAt(t.start));
  }

  private depths?: Int32Array;

  /**
   * Whether an offset lies outside every brace pair, counted over the tokens. Unlike the
   * tree, this holds where tree-sitter lost the file's structure (`#if` branches that split
   * statements make it one ERROR node, and locals in it look like file-scope declarations).
   */
  atFileScope(offset: number): boolean {
    if (!this.depths) this.depths = braceDepths(this.cur.tokens);
    const i = this.cur.indexAt(offset);
    return i < 0 || this.depths[i] === 0;
  }

  /** False only when the token sits in a region the preprocessor definitely drops. */
  maybeCompiled(i: number): boolean {
    return this.liveness[i] !== 'off';
  }

  /**
   * Token indexes of the nodes a query captured, in source order. With `text`, identifier tokens
   * spelled so are anchors too: tree-sitter parses `STATIC const T x[]` (a macro before the type) as T
   * being the declarator, which the query does not capture.
   */
  anchors(query: string, capture: string, text?: string): number[] {
    const found = captureStarts(this.file, query, capture)
      .map((s) => this.cur.indexAt(s))
      .filter((i) => i >= 0);
    if (text === undefined) return found;
    const all = new Set(found);
    this.cur.tokens.forEach((t, i) => {
      if (t.kind === 'ident' && t.text === text) all.add(i);
    });
    return [...all].sort((a, b) => a - b);
  }

  /**
   * `type` and the names the unit gives it by `typedef [const] type NAME;` (in the file or a header it
   * includes): the compiler declares a table of `NAME` as one of `type`.
   */
  typeNames(type: string): string[] {
    const known = this.typeNamesCache.get(type);
    if (known) return known;
    const texts = [this.file.src.text, ...this.pp.included.map((h) => this.env.readFile?.(h) ?? '')];
    const re = new RegExp(`\\btypedef\\s+(?:const\\s+)?${type}\\s+(?:const\\s+)?([A-Za-z_]\\w*)\\s*;`, 'g');
    const names = new Set([type]);
    for (const t of texts) for (const m of t.matchAll(re)) names.add(m[1]);
    this.typeNamesCache.set(type, [...names]);
    return [...names];
  }
  private readonly typeNamesCache = new Map<string, string[]>();

  condAt(i: number): Condition {
    return this.conds.at[i] ?? [];
  }

  /** The module's own macro (from its files, headers or -D) that the identifier at token `i` of `cur` names. */
  userMacro(i: number, cur: Cursor = this.cur): MacroDef | undefined {
    const t = cur.tokens[i];
    if (!t || t.kind !== 'ident') return undefined;
    const m = this.pp.definitionAt(t.text, t.start);
    if (!m || (m.params && !cur.is(i + 1, '('))) return undefined;
    return m;
  }

  /**
   * The file's tokens in [from, to] with the module's macros expanded, as the compiler
   * would see them; directives stay. Expanded tokens carry their use site and `origin`.
   * With `choices`, a use whose expansion depends on an `#if` natmodgen cannot decide is
   * written out once per branch, between directives that repeat that `#if` (for lists whose
   * items may sit between directives: tables, argument tables, slot lists). What every branch
   * starts or ends with, in whole entries of `unit` items, is written once outside the `#if`
   * (unit 0: each branch whole).
   */
  expandTokens(from: number, to: number, opaque?: (name: string) => boolean, choices?: { unit: number }): Token[] {
    const out: Token[] = [];
    const toks = this.cur.tokens;
    const text = this.file.src.text;
    let run: Token[] = [];
    const flush = () => {
      if (!run.length) return;
      const byStart = new Map(run.map((t) => [t.start, t]));
      const pp: PPToken[] = run.map((t) => ({
        kind: t.kind === 'directive' ? 'other' : t.kind,
        text: t.text,
        start: t.start,
        end: t.end,
        bol: false,
        space: /\s/.test(text[t.start - 1] ?? ''),
      }));
      const at = run[0];
      const pieces = (e: Expansion): Piece[] =>
        e.kind === 'tokens'
          ? e.tokens.map((x) => (x.macro ? toToken(x) : (byStart.get(x.start) ?? toToken(x))))
          : factor(
              e.branches.map((b) => ({ when: b.when, body: pieces(b.body) })),
              grouping,
            );
      const emit = (ps: Piece[]): void => {
        for (const p of ps) {
          if (!('choice' in p)) {
            out.push(p);
            continue;
          }
          p.choice.forEach((b, k) => {
            const keyword = k === 0 ? 'if' : b.when === undefined ? 'else' : 'elif';
            out.push(directiveToken(keyword, b.when ?? '', at));
            emit(b.body);
          });
          out.push(directiveToken('endif', '', at));
        }
      };
      const grouping = choices ? choices.unit : 0;
      if (choices) {
        const e = this.pp.expandChoicesAt(pp, at.start, opaque);
        if (e.kind === 'tokens' && e.undecided) {
          // Past MAX_CHOICES as a whole (independent tests multiply): each use is its own choice,
          // written one after the other, when the uses expand apart as they do together.
          const each = this.choicesApart(pp, at.start, opaque);
          if (each) {
            for (const x of each) emit(pieces(x));
            run = [];
            return;
          }
          this.undecidable(run[0].start, run[run.length - 1].end, 'this expansion', e.undecided);
        }
        emit(pieces(e));
      } else emit(pieces({ kind: 'tokens', tokens: this.pp.expandAt(pp, at.start, opaque).tokens, truncated: false }));
      run = [];
    };
    for (let i = from; i <= to; i++) {
      if (toks[i].kind === 'directive') {
        flush();
        out.push(toks[i]);
      } else run.push(toks[i]);
    }
    flush();
    return out;
  }

  /**
   * The expansion of `tokens` (no directives among them) as choices one after the other, one per
   * use, for a run whose choices together are more than MAX_CHOICES (independent tests multiply):
   * each use is cut where expanding it alone gives what it gives in the run (segments), and a use of
   * an object-like macro every build defines alike (`#define LIST E1 E2 E3`) is cut within its
   * definition. Undefined when some use still has too many, or does not expand alone.
   */
  private choicesApart(tokens: PPToken[], offset: number, opaque?: (name: string) => boolean, depth = 0): Expansion[] | undefined {
    const parts = segments(tokens);
    if (!parts) return undefined;
    const out: Expansion[] = [];
    for (const part of parts) {
      const e = this.pp.expandChoicesAt(part, offset, opaque);
      if (!complete(e)) return undefined;
      if (e.kind === 'choice' || !e.undecided) {
        out.push(e);
        continue;
      }
      const t = part[0] as PPToken & Partial<Pick<XToken, 'hide' | 'macro'>>;
      const m =
        part.length === 1 && t.kind === 'ident' && !opaque?.(t.text) && !t.hide?.has(t.text) ? this.pp.lookupAt(offset)(t.text) : undefined;
      if (!m || m === 'unknown' || m.params || depth >= MAX_APART_DEPTH) return undefined;
      // The definition's tokens at the use, hidden from themselves as the compiler's rescan hides them.
      const hide = new Set([...(t.hide ?? []), m.name]);
      const body: XToken[] = m.body.map((b, k) => ({
        ...b,
        start: t.start,
        end: t.end,
        bol: false,
        space: k === 0 ? t.space : b.space,
        hide,
        macro: t.macro ?? m,
      }));
      const inner = body.length ? this.choicesApart(body, offset, opaque, depth + 1) : [];
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }

  /**
   * The macro whose definitions in branches of an `#if` natmodgen cannot decide make the
   * expansion of tokens [from, to] differ, the first branch's test, and every branch's expansion;
   * undefined when every build expands them alike. For readings that take one expansion (a `case`
   * label's qstr).
   */
  undecidedIn(from: number, to: number): { name: string; when: string; leaves: Token[][] } | undefined {
    const e = this.choicesIn(from, to);
    if (e?.kind !== 'choice') return undefined;
    const leaves: Token[][] = [];
    const walk = (x: TokenChoices): void => {
      if (x.kind === 'tokens') leaves.push(x.tokens);
      else for (const b of x.branches) walk(b.body);
    };
    walk(e);
    return { name: e.macro, when: e.branches[0].when ?? '', leaves };
  }

  /**
   * The expansion of tokens [from, to] (directives left out) as the compiler makes it in every
   * configuration: plain tokens, or the choice between expansions under the `#if` tests natmodgen
   * cannot decide (`when` undefined: `#else`). Undefined for an empty range.
   */
  choicesIn(from: number, to: number): TokenChoices | undefined {
    const text = this.file.src.text;
    const pp: PPToken[] = [];
    for (let i = from; i <= to; i++) {
      const t = this.cur.tokens[i];
      if (t.kind === 'directive') continue;
      pp.push({ kind: t.kind, text: t.text, start: t.start, end: t.end, bol: false, space: /\s/.test(text[t.start - 1] ?? '') });
    }
    if (!pp.length) return undefined;
    const convert = (x: Expansion): TokenChoices =>
      x.kind === 'tokens'
        ? { kind: 'tokens', tokens: x.tokens.map(toToken) }
        : { kind: 'choice', macro: x.macro, branches: x.branches.map((b) => ({ when: b.when, body: convert(b.body) })) };
    const e = this.pp.expandChoicesAt(pp, pp[0].start);
    if (e.kind === 'tokens' && e.undecided) this.undecidable(pp[0].start, pp[pp.length - 1].end, 'this expansion', e.undecided);
    return convert(e);
  }

  /**
   * Tokens [from, to] expanded for a reading that takes one expansion (an object's name, its
   * initialiser, a declaration's storage): when branches of an `#if` natmodgen cannot decide make
   * the expansion differ, NMG2032 at the use says `what` depends on them and which -D decides it.
   * The module defaults' reading is returned either way.
   */
  /**
   * Whether tokens [from, to] expand differently in branches of an `#if` natmodgen cannot decide and
   * `reads` holds of some branch's expansion: then NMG2032 at the use (`what` depends on it), and true.
   */
  undecidedReading(from: number, to: number, what: string, reads: (expansion: Token[]) => boolean): boolean {
    const tree = this.choicesIn(from, to);
    if (tree?.kind !== 'choice' || !choiceLeaves(tree).some(reads)) return false;
    this.undecidable(this.cur.tokens[from].start, this.cur.tokens[to].end, what, testedNames(tree));
    return true;
  }

  /**
   * A qstr written through the module's macros (a type's name): the qstr of the module defaults'
   * reading and, when branches of an `#if` natmodgen cannot decide make it differ, the use as
   * written, for generated code at the same place to keep: the compiler then expands it as every
   * build does (the natmod's qstrs are read from its preprocessed source). Undefined when some
   * branch is not one `MP_QSTR_` identifier, or when directives sit in the use; then `what` is
   * refused as expandOne refuses it when it depends on such an `#if`.
   */
  qstrThroughMacros(from: number, to: number, what: string): { qstr: string; asWritten?: string } | undefined {
    const isQstr = (exp: Token[]) => {
      const code = exp.filter((t) => t.kind !== 'directive');
      return code.length === 1 && /^MP_QSTR_\w*$/.test(code[0].text);
    };
    const tree = this.choicesIn(from, to);
    const inline = !this.cur.tokens.slice(from, to + 1).some((t) => t.kind === 'directive');
    if (tree?.kind === 'choice' && inline && choiceLeaves(tree).every(isQstr)) {
      const own = this.expandTokens(from, to).filter((t) => t.kind !== 'directive');
      if (!isQstr(own)) return undefined;
      return { qstr: own[0].text, asWritten: this.cur.source({ from, to }).trim() };
    }
    const exp = this.expandOne(from, to, what);
    return isQstr(exp) ? { qstr: exp.filter((t) => t.kind !== 'directive')[0].text } : undefined;
  }

  expandOne(from: number, to: number, what: string): Token[] {
    const tree = this.choicesIn(from, to);
    if (tree?.kind === 'choice') this.undecidable(this.cur.tokens[from].start, this.cur.tokens[to].end, what, testedNames(tree));
    return this.expandTokens(from, to);
  }

  private readonly reported = new Set<string>();

  /** NMG2032 once per place: a reading at [start, end) depends on undecided #if tests over `names`. */
  undecidable(start: number, end: number, what: string, names: string[]): void {
    const key = `${start}:${end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push(diag('NMG2032', this.file.src.span(start, end), { what, names }));
  }

  /**
   * A cursor where the items of the bracketed list `open`..`close` that `needs` (by default: those
   * that start with one of the module's macros), and for which `want` holds of their expansion, are
   * replaced by it (X-macro entries, slot macros). Tokens up to `open` keep their indexes.
   */
  expandItems(
    open: number,
    close: number,
    want: (expanded: Token[]) => boolean = () => true,
    needs: (item: TokRange) => boolean = (r) => this.leadingMacro(r) !== undefined,
    opaque?: (name: string) => boolean,
    unit: (index: number) => number = () => 1,
  ): { cur: Cursor; open: number; close: number } {
    const { cur } = this;
    const items = cur.splitArgs(open, close);
    if (!items.some(needs)) return { cur, open, close };
    const out = cur.tokens.slice(0, open + 1);
    let at = open + 1;
    for (const [index, r] of items.entries()) {
      while (at < r.from) out.push(cur.tokens[at++]);
      // Entries of several items are counted from a whole item: one with directives inside is kept whole.
      const n = unit(index);
      const whole = n > 1 && cur.tokens.slice(r.from, r.to + 1).some((t) => t.kind === 'directive');
      const exp = needs(r) ? this.expandTokens(r.from, r.to, opaque, { unit: whole ? 0 : n }) : undefined;
      if (exp && want(exp)) out.push(...exp);
      else out.push(...cur.tokens.slice(r.from, r.to + 1));
      at = r.to + 1;
    }
    while (at < close) out.push(cur.tokens[at++]);
    const newClose = out.length;
    out.push(...cur.tokens.slice(close));
    return { cur: new Cursor(this.file, out, cur.firmwareUndefined), open, close: newClose };
  }

  /** The module's macro the item starts with (an X-macro list, a slot-list macro). */
  private leadingMacro(r: TokRange): MacroDef | undefined {
    const code = this.cur.codeTokens(r);
    return code.length ? this.userMacro(code[0]) : undefined;
  }

  /** Whether the item uses one of the module's macros anywhere. */
  usesMacro(r: TokRange, cur: Cursor = this.cur): boolean {
    return cur.codeTokens(r).some((i) => this.userMacro(i, cur) !== undefined);
  }

  /** "expanded from macro X" notes for a range of a view made by expandItems: where its macros are defined. */
  macroNotes(cur: Cursor, r: TokRange): Related[] {
    const seen = new Set<string>();
    const out: Related[] = [];
    for (let i = r.from; i <= r.to; i++) {
      const o = cur.tokens[i]?.origin;
      if (!o || seen.has(o.macro) || o.file === '<command line>') continue;
      seen.add(o.macro);
      const text = o.file === this.file.path ? this.file.src : this.headerText(o.file);
      if (text) out.push({ span: text.span(o.start, o.end), message: `expanded from macro '${o.macro}', defined here` });
    }
    return out;
  }

  private headerText(file: string): SourceText | undefined {
    const t = this.env.readFile?.(file);
    return t === undefined ? undefined : new SourceText(file, t);
  }

  /** The condition of a token of a view made by expandItems (the directives around it in the view). */
  condOf(cur: Cursor, i: number): Condition {
    if (cur === this.cur) return this.condAt(i);
    // The view's own directives: the file's, and those around a branch of an undecided choice.
    let m = this.viewConds.get(cur);
    if (!m) this.viewConds.set(cur, (m = mapConditions(cur.tokens)));
    return m.at[i] ?? [];
  }

  private readonly viewConds = new WeakMap<Cursor, ConditionMap>();

  /**
   * Whether the identifier at `i` is a qualifier or attribute written through one of the module's
   * object-like macros (`STATIC`, `MOD_API`): what it expands to, or undefined when it is not one.
   */
  qualifierMacro(i: number, cur: Cursor = this.cur): string[] | undefined {
    const m = this.userMacro(i, cur);
    if (!m || m.params) return undefined;
    const words = m.body.map((t) => t.text);
    return words.every((w) => QUALIFIER_WORDS.has(w)) ? words : undefined;
  }
}

const QUALIFIER_WORDS = new Set(['static', 'const', 'extern', 'inline', '__inline', '__inline__', 'volatile']);

/** How deep choicesApart reads object-like macros' definitions for uses to cut apart. */
const MAX_APART_DEPTH = 16;

/**
 * Tokens (no directives among them) cut where expanding the parts one after the other gives what
 * expanding them together does: each part one token, with the parenthesised group that follows it
 * (a function-like macro's arguments); a part never starts with `(`, so no macro name a part's
 * expansion ends with can take the next part as its arguments. Undefined with unbalanced parentheses.
 */
function segments(tokens: PPToken[]): PPToken[][] | undefined {
  const out: PPToken[][] = [];
  for (let i = 0; i < tokens.length;) {
    let end = i;
    while (tokens[end + 1]?.text === '(' || (end === i && tokens[i].text === '(')) {
      const open = tokens[end + 1]?.text === '(' ? end + 1 : end;
      let depth = 0;
      let k = open;
      for (; k < tokens.length; k++) {
        if (tokens[k].text === '(') depth++;
        else if (tokens[k].text === ')' && --depth === 0) break;
      }
      if (k >= tokens.length) return undefined;
      end = k;
    }
    out.push(tokens.slice(i, end + 1));
    i = end + 1;
  }
  return out;
}

/**
 * Whether every branch of a part's expansion ends where the part does: no limit stopped it, and
 * its parentheses pair up (`#define OPEN F(` leaves a call open that the next parts would close).
 * A function-like macro's name it ends with is not called by the next part, which does not start
 * with `(`: a macro expanding to `(` after the name calls nothing (C11 6.10.3.4, as gcc does).
 */
function complete(e: Expansion): boolean {
  if (e.kind === 'choice') return e.branches.every((b) => complete(b.body));
  if (e.truncated) return false;
  let depth = 0;
  for (const t of e.tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * C text read of every branch of a choice: one text when every branch reads alike, or each
 * branch's under the choice's `#if` tests (directives on lines of their own, so the text goes where
 * a line may break: an initialiser, an array's length). Undefined when some branch reads as nothing.
 */
export function choiceText(tree: TokenChoices, read: (expansion: Token[]) => string | undefined): string | undefined {
  if (tree.kind === 'tokens') return read(tree.tokens);
  const bodies = tree.branches.map((b) => choiceText(b.body, read));
  if (bodies.some((b) => b === undefined)) return undefined;
  if (bodies.every((b) => b === bodies[0])) return bodies[0];
  const lines = tree.branches.flatMap((b, k) => [
    k === 0 ? `#if ${b.when ?? '1'}` : b.when === undefined ? '#else' : `#elif ${b.when}`,
    bodies[k]!,
  ]);
  return `\n${[...lines, '#endif'].join('\n')}\n`;
}

/** Every branch's expansion of a choice (one for plain tokens). */
export function choiceLeaves(tree: TokenChoices): Token[][] {
  return tree.kind === 'tokens' ? [tree.tokens] : tree.branches.flatMap((b) => choiceLeaves(b.body));
}

/** The names the `#if` tests of a choice read (`defined` left out), in order. */
export function testedNames(tree: TokenChoices): string[] {
  const names = new Set<string>();
  const walk = (x: TokenChoices): void => {
    if (x.kind !== 'choice') return;
    for (const b of x.branches) {
      for (const id of namesIn(b.when ?? '')) names.add(id);
      walk(b.body);
    }
  };
  walk(tree);
  return [...names];
}

/** An expansion as tokens of the file, or the compiler's choice between expansions (`when`: the `#if`/`#elif` test; undefined: `#else`). */
export type TokenChoices =
  { kind: 'tokens'; tokens: Token[] } | { kind: 'choice'; macro: string; branches: Array<{ when?: string; body: TokenChoices }> };

/** A token of an expansion, or the compiler's choice between runs of them (`when`: the `#if`/`#elif` test; undefined: `#else`). */
type Piece = Token | { choice: Array<{ when?: string; body: Piece[] }> };

/**
 * The choice between branches, with what they all start and end with (whole list entries of
 * `unit` items, each item ended by a `,` at bracket depth 0) taken out, written once before and
 * after it: the `#if` encloses only what the branch changes, and an entry every branch has is not
 * written twice (a second copy in the other branch would read as a shadowed key). Each branch ends
 * an item of the list (a separator is added where its expansion has none: `print, f` / `print, f,
 * unary_op, g` as slot pairs), so the directives fall between items, where lists keep them. Unit 0:
 * each branch whole.
 */
function factor(branches: Array<{ when?: string; body: Piece[] }>, unit: number): Piece[] {
  const bodies = branches.map((b) => endItem(b.body));
  const choice = (cut: (body: Piece[]) => Piece[]): Piece => ({ choice: branches.map((b, k) => ({ when: b.when, body: cut(bodies[k]) })) });
  if (unit < 1) return [choice((b) => b)];
  const keys = bodies.map((b) => b.map(pieceKey));
  const min = Math.min(...bodies.map((b) => b.length));
  const same = (at: (k: string[]) => string) => keys.every((k) => at(k) === at(keys[0]));
  let common = 0;
  while (common < min && same((k) => k[common])) common++;
  let tail = 0;
  while (tail < min - common && same((k) => k[k.length - 1 - tail])) tail++;
  const pre = prefixCut(bodies[0], common, unit);
  const post = bodies.every(balanced) ? suffixCut(bodies[0], tail, unit) : 0;
  const first = bodies[0];
  const middle = (b: Piece[]) => b.slice(pre, b.length - post);
  const middles = bodies.map((b) => middle(b).map(pieceKey).join(' '));
  if (middles.every((m) => m === middles[0])) return first;
  return [...first.slice(0, pre), choice(middle), ...first.slice(first.length - post)];
}

/** A branch's pieces ending an item of the list. */
function endItem(body: Piece[]): Piece[] {
  const last = body[body.length - 1];
  if (!last || 'choice' in last || last.text === ',') return body;
  return [...body, { kind: 'punct', text: ',', start: last.start, end: last.end, nodeType: '' }];
}

function pieceKey(p: Piece): string {
  if (!('choice' in p)) return p.text;
  return `#choice ${p.choice.map((b) => `#when ${b.when ?? ''}\n${b.body.map(pieceKey).join(' ')}`).join('\n')} #end`;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

function depthStep(p: Piece): number {
  if ('choice' in p || p.kind !== 'punct') return 0;
  return OPENERS.has(p.text) ? 1 : CLOSERS.has(p.text) ? -1 : 0;
}

/** Whether a branch's brackets pair up. */
function balanced(body: Piece[]): boolean {
  let depth = 0;
  for (const p of body) if ((depth += depthStep(p)) < 0) return false;
  return depth === 0;
}

/** The most pieces of `body[0, limit)` that are whole entries of `unit` items. */
function prefixCut(body: Piece[], limit: number, unit: number): number {
  let best = 0;
  let depth = 0;
  let items = 0;
  for (let i = 0; i < limit; i++) {
    const p = body[i];
    if ('choice' in p) {
      // Each branch ends an item; how many it holds is the branch's (pairs of slots: unknown).
      if (unit > 1) break;
      best = i + 1;
      continue;
    }
    depth += depthStep(p);
    if (p.text === ',' && depth === 0 && ++items % unit === 0) best = i + 1;
  }
  return best;
}

/** The most pieces of the last `limit` of `body` (a balanced one) that are whole entries of `unit` items. */
function suffixCut(body: Piece[], limit: number, unit: number): number {
  let best = 0;
  let depth = 0;
  let items = 0;
  // The piece before the cut must be one every branch has: at most limit - 1 pieces after it.
  for (let n = 1; n < limit; n++) {
    const p = body[body.length - n];
    if ('choice' in p) {
      if (unit > 1) break;
    } else {
      depth -= depthStep(p);
      if (p.text === ',' && depth === 0) items++;
    }
    const before = body[body.length - n - 1];
    const ends = 'choice' in before ? unit === 1 : before.text === ',' && depth === 0;
    if (ends && items % unit === 0) best = n;
  }
  return best;
}

/** A conditional directive natmodgen writes at a use site (its span: the use's first token). */
function directiveToken(keyword: string, arg: string, at: Token): Token {
  const text = arg ? `#${keyword} ${arg}` : `#${keyword}`;
  return { kind: 'directive', text, start: at.start, end: at.end, nodeType: '', directive: { keyword, arg } };
}

function toToken(x: XToken): Token {
  const kind: TokenKind = x.kind === 'other' ? 'punct' : x.kind;
  const origin = x.macro ? { macro: x.macro.name, file: x.macro.file, start: x.macro.start, end: x.macro.end } : undefined;
  return { kind, text: x.text, start: x.start, end: x.end, nodeType: '', origin };
}

/** A parsed `NAME(args)` invocation with an optional leading `static` and trailing `;`. */
export interface MacroCall {
  nameIdx: number;
  open: number;
  close: number;
  first: number;
  last: number;
  isStatic: boolean;
}

export function readMacroCall(ctx: ExtractContext, i: number): MacroCall | undefined {
  const { cur } = ctx;
  if (!cur.is(i + 1, '(')) return undefined;
  const close = cur.closing(i + 1);
  if (close < 0) return undefined;
  let first = i;
  let isStatic = false;
  for (;;) {
    const words =
      first > 0
        ? cur.is(first - 1, 'static') || cur.is(first - 1, 'const')
          ? [cur.text(first - 1)]
          : ctx.qualifierMacro(first - 1)
        : undefined;
    if (!words) break;
    if (words.includes('static')) isStatic = true;
    first--;
  }
  const last = cur.is(close + 1, ';') ? close + 1 : close;
  return { nameIdx: i, open: i + 1, close, first, last, isStatic };
}

/** Walks back over `static`/`const`/`extern` qualifiers before a type name. */
export function qualifiersBefore(
  cur: Cursor,
  i: number,
  ctx?: ExtractContext,
): { first: number; isStatic: boolean; isConst: boolean; isExtern: boolean } {
  let first = i;
  let isStatic = false;
  let isConst = false;
  let isExtern = false;
  while (first > 0) {
    const t = cur.text(first - 1);
    const words = t === 'static' || t === 'const' || t === 'extern' ? [t] : ctx?.qualifierMacro(first - 1, cur);
    if (!words) break;
    if (words.includes('static')) isStatic = true;
    if (words.includes('const')) isConst = true;
    if (words.includes('extern')) isExtern = true;
    first--;
  }
  return { first, isStatic, isConst, isExtern };
}

/**
 * The brace depth at each token. Each branch of an `#if`/`#elif`/`#else` starts at the depth
 * the `#if` had, and after `#endif` the depth is the one the first branch ended with: branches
 * that each open a block (`#if A` `for (...) {` `#else` `while (...) {` `#endif`) count once.
 */
export function braceDepths(toks: readonly Token[]): Int32Array {
  const depths = new Int32Array(toks.length);
  const frames: Array<{ start: number; firstEnd?: number }> = [];
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    depths[i] = depth;
    const t = toks[i];
    if (t.kind === 'directive') {
      const kw = t.directive?.keyword ?? '';
      const top = frames[frames.length - 1];
      if (kw === 'if' || kw === 'ifdef' || kw === 'ifndef') frames.push({ start: depth });
      else if (top && (kw === 'elif' || kw === 'elifdef' || kw === 'elifndef' || kw === 'else')) {
        top.firstEnd ??= depth;
        depth = top.start;
      } else if (top && kw === 'endif') {
        depth = top.firstEnd ?? depth;
        frames.pop();
      }
      continue;
    }
    if (t.kind !== 'punct') continue;
    if (t.text === '{') depth++;
    else if (t.text === '}' && depth > 0) depth--;
  }
  return depths;
}

/**
 * Names the file's directives test with `#ifdef`, `#ifndef` or `defined()` that py/dynruntime.h
 * defines as macros and the firmware has as functions (`natmodMacros`), when no file of the
 * module (nor -D) defines them: the firmware build reads each test as undefined, and a natmod
 * must too. A name the module defines itself is left alone: natmodgen sets dynruntime's
 * macro aside for the module's code (src/extract/api-overrides.ts).
 */
function testedNatmodOnlyMacros(
  tokens: Token[],
  natmodMacros: ReadonlyMap<string, string | undefined> | undefined,
  pp: Preprocessed,
): ReadonlySet<string> {
  const out = new Set<string>();
  if (!natmodMacros?.size) return out;
  for (const t of tokens) {
    const d = t.directive;
    if (!d) continue;
    if (/^(ifdef|ifndef|elifdef|elifndef)$/.test(d.keyword)) {
      const name = d.arg.trim();
      if (natmodMacros.has(name)) out.add(name);
    } else if (/^(if|elif)$/.test(d.keyword)) {
      for (const m of d.arg.matchAll(/\bdefined\s*(?:\(\s*(\w+)\s*\)|\s(\w+))/g)) {
        const name = m[1] ?? m[2];
        if (natmodMacros.has(name)) out.add(name);
      }
    }
  }
  if (out.size) for (const def of pp.definitions) out.delete(def.name);
  return out;
}
