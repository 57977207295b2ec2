import type { SyntaxNode } from 'tree-sitter';
import { coreHeaderMacros } from '../facts';
import { parseSnippet } from '../parse/parser';
import { Expansion, namesIn, PPToken, Preprocessed, spell } from '../preprocess';
import { readDeclaration } from './declarator';
import { runtimeValue } from '../model/firmware';
import { preprocessModule } from './module-pp';
import type { PreprocessEnv } from './context';

/**
 * Words whose presence in an expansion makes it a construct natmodgen rewrites (tables, dicts,
 * types, module objects, constant tuples and objects, exceptions, registrations, root pointers,
 * keyword tables at file scope). Function objects are not among them:
 * they compile unchanged in a natmod, and src/constructs/fun-obj.ts reads helper macros itself.
 */
const CONSTRUCT_WORDS = new Set([
  'MP_DEFINE_CONST_DICT',
  'MP_DEFINE_CONST_DICT_WITH_SIZE',
  'MP_DEFINE_CONST_OBJ_TYPE',
  'MP_REGISTER_MODULE',
  'MP_REGISTER_EXTENSIBLE_MODULE',
  'mp_obj_module_t',
  'mp_rom_map_elem_t',
  'mp_map_elem_t',
  'mp_rom_obj_tuple_t',
  'mp_obj_type_t',
  'MP_DEFINE_EXCEPTION',
  'MP_REGISTER_MODULE_DELEGATION',
  'MP_REGISTER_ROOT_POINTER',
  'MP_DEFINE_STR_OBJ',
  'MP_DEFINE_BYTES_OBJ',
  'MP_DEFINE_CONST_STATICMETHOD_OBJ',
  'MP_DEFINE_CONST_CLASSMETHOD_OBJ',
  'mp_arg_t',
]);

/**
 * The file with each use of one of the module's own macros that writes a construct replaced by
 * its expansion, on the same lines (the lines it spanned follow as empty ones), so every later
 * stage sees the construct as the compiler does and line numbers stay the user's:
 *   - at file scope, a construct (`VM_TABLE(globals) = {`, `VM_REGISTER(mod, module);`,
 *     `static VM_TYPE(t, T, SLOTS);`) or a whole declaration of writable data that a natmod
 *     cannot load as written (`STATE(n);` for `static int n = 5`);
 *   - inside a function, a whole `static` local declaration (`COUNTER(n)` for `static int n = 5;`,
 *     also one inside a block the macro writes): mpy_ld loads neither `.data` nor static BSS.
 * Only these uses are written out: elsewhere the compiler expands the module's macros itself.
 */
export function expandConstructMacros(
  file: string,
  text: string,
  defines: Array<{ name: string; body: string }>,
  env: PreprocessEnv = {},
): string {
  // Cheap test first: no #define, no quoted #include (a header of the module's may define
  // macros) and no -D means there is nothing to expand.
  if (!text.includes('define') && !/#\s*include\s*"/.test(text) && defines.length === 0) return text;
  const pp = preprocessModule(file, text, env, defines);
  // Only a use of one of the module's own macros is expanded: a text that does not spell the name
  // of any (line splices removed, as the lexer reads names) has none, and needs no token list.
  if (!spellsAny(text, ownMacroNames(pp.definitions))) return text;
  const toks = pp.tokens;
  // Uses inside functions are expanded only when some macro of the module's own can write `static`.
  const staticMacros = pp.definitions.some((d) => !coreHeaderMacros().has(d.name) && d.body.some((b) => b.text === 'static'));
  const out: string[] = [];
  let at = 0;
  let braces = 0;
  let parens = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.bol && t.text === '#') {
      while (i + 1 < toks.length && !toks[i + 1].bol) i++;
      continue;
    }
    if (t.kind === 'punct') {
      if (t.text === '{') braces++;
      else if (t.text === '}') braces = Math.max(0, braces - 1);
      else if (t.text === '(') parens++;
      else if (t.text === ')') parens = Math.max(0, parens - 1);
      continue;
    }
    if (parens || t.kind !== 'ident' || (braces && !staticMacros) || pp.liveAt(t.start) === 'off') continue;
    const last = moduleMacroUseEnd(pp, toks, i);
    if (last < 0) continue;
    const use = toks.slice(i, last + 1);
    // At file scope a use left as written is reported by src/extract (NMG2032); inside a function it
    // reads as the defaults read it.
    const expanded = expansionForAll(pp, use, t.start) ?? (braces ? pp.expandAt(use, t.start).tokens : undefined);
    if (!expanded) continue;
    const writes = braces
      ? expanded.some((x) => x.text === 'static') && writesStaticLocal(expanded)
      : expanded.some((x) => x.kind === 'ident' && CONSTRUCT_WORDS.has(x.text)) || writesData(expanded);
    if (!writes) continue;
    const original = text.slice(t.start, toks[last].end);
    const lines = original.split('\n').length - 1;
    out.push(text.slice(at, t.start), spell(expanded), '\n'.repeat(lines));
    at = toks[last].end;
    i = last;
  }
  if (at === 0) return text;
  out.push(text.slice(at));
  return out.join('');
}

/**
 * A use's expansion as the compiler makes it in every configuration. A macro it uses that branches
 * of an `#if` natmodgen cannot decide define differently stays unexpanded, for the compiler: the
 * construct's own reading writes each of its branches under that `#if` (slot and entry lists),
 * where writing out one expansion here would take one branch for every build. When the use's own
 * macro is such a macro, its branches cannot be written around it on the use's own lines: over
 * MicroPython's configuration alone (a registration macro per MicroPython version, decided with a
 * tree) it reads as the module's defaults read it; over any other name (a -D the build passes to the
 * compiler only, the compiler's own names) the use is left as written (undefined) and refused where
 * it is (undecidedConstructUses).
 */
function expansionForAll(pp: Preprocessed, use: PPToken[], at: number): PPToken[] | undefined {
  const r = readingForAll(pp, use, at);
  return 'tokens' in r ? r.tokens : undefined;
}

/** expansionForAll's reading, or the names (outside MicroPython's configuration) that leave the use as written. */
function readingForAll(pp: Preprocessed, use: PPToken[], at: number): { tokens: PPToken[] } | { names: string[] } {
  const undecided = new Set<string>();
  for (;;) {
    const e = pp.expandChoicesAt(use, at, (name) => undecided.has(name));
    if (e.kind === 'tokens') {
      // Past MAX_CHOICES: the defaults' reading would hold for every build.
      const names = tooMany(e);
      return names.length ? { names } : { tokens: e.tokens };
    }
    const own = e.macro === use[0].text ? ownChoice(e) : [];
    if (own.length) return { names: own };
    if (e.macro === use[0].text || undecided.has(e.macro)) return { tokens: pp.expandAt(use, at).tokens };
    undecided.add(e.macro);
  }
}

/**
 * The names outside MicroPython's configuration that the tests of a use's own choice read, when some
 * branch writes a construct natmodgen rewrites; none otherwise.
 */
function ownChoice(e: Expansion): string[] {
  if (e.kind !== 'choice') return [];
  const leaves = (x: Expansion): PPToken[][] => (x.kind === 'tokens' ? [x.tokens] : x.branches.flatMap((b) => leaves(b.body)));
  if (!leaves(e).some(writesConstruct)) return [];
  const names = new Set<string>();
  const walk = (x: Expansion): void => {
    if (x.kind !== 'choice') return;
    for (const b of x.branches) {
      for (const id of namesIn(b.when ?? '')) if (!/^(MICROPY_|MP_)/.test(id)) names.add(id);
      walk(b.body);
    }
  };
  walk(e);
  return [...names];
}

/** Names outside MicroPython's configuration of an expansion past MAX_CHOICES that writes a construct; none otherwise. */
function tooMany(e: Expansion): string[] {
  if (e.kind !== 'tokens' || !e.undecided?.length || !writesConstruct(e.tokens)) return [];
  return e.undecided.filter((n) => !/^(MICROPY_|MP_)/.test(n));
}

function writesConstruct(expansion: PPToken[]): boolean {
  return expansion.some((x) => x.kind === 'ident' && CONSTRUCT_WORDS.has(x.text)) || writesData(expansion);
}

/** A file-scope use of a construct macro whose own definition an undecided #if chooses (see expansionForAll). */
export interface UndecidedConstructUse {
  start: number;
  end: number;
  name: string;
  /** The names of the #if tests, outside MicroPython's configuration. */
  names: string[];
}

/**
 * Uses expandConstructMacros leaves as written because branches of an `#if` over a name natmodgen
 * cannot decide define the use's own macro, and some branch as a construct natmodgen rewrites:
 * writing one expansion out would take one branch for every build, and the directives cannot be
 * written around the expansions on the use's own lines.
 */
export function undecidedConstructUses(pp: Preprocessed, text: string): UndecidedConstructUse[] {
  if (!pp.definitions.length) return [];
  // A use is of a name some file defines (the -D and predefined macros are decided): a text that
  // spells none needs no token list, whose lexing is most of this pass over a large file.
  if (!spellsAny(text, ownMacroNames(pp.definitions))) return [];
  const toks = pp.tokens;
  const out: UndecidedConstructUse[] = [];
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.bol && t.text === '#') {
      while (i + 1 < toks.length && !toks[i + 1].bol) i++;
      continue;
    }
    if (t.kind === 'punct' && '({['.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')}]'.includes(t.text)) depth = Math.max(0, depth - 1);
    if (depth || t.kind !== 'ident' || pp.liveAt(t.start) === 'off') continue;
    const last = moduleMacroUseEnd(pp, toks, i);
    if (last < 0) continue;
    const r = readingForAll(pp, toks.slice(i, last + 1), t.start);
    if ('names' in r) out.push({ start: t.start, end: toks[last].end, name: t.text, names: r.names });
    i = last;
  }
  return out;
}

/**
 * Whether a file-scope expansion declares data that a natmod cannot load as written: writable
 * variables, `static` or initialised (the declarations src/constructs/writable-data.ts rewrites),
 * or `static` constants whose initial value a natmod knows only at run time (qstrs, firmware
 * objects: src/constructs/runtime-data.ts). A function definition or prototype is not data, nor
 * is a use of a MicroPython macro that tree-sitter reads as a declaration with an error
 * (`static MP_DEFINE_CONST_FUN_OBJ_0(o, f)`).
 */
function writesData(expansion: PPToken[]): boolean {
  const text = `${spell(expansion)};`;
  return parseSnippet(text).rootNode.namedChildren.some((n) => {
    if (n.type !== 'declaration' || n.hasError) return false;
    const d = readDeclaration(n, text);
    if (!d || d.storage.some((s) => s !== 'static') || d.vars.length === 0) return false;
    const isStatic = d.storage.includes('static');
    return d.vars.every((v) => v.writable && (isStatic || v.init !== undefined)) || (isStatic && runTimeInit(d.vars, expansion));
  });
}

/**
 * Whether an expansion inside a function declares a `static` local (at any block depth) that
 * src/constructs/static-local.ts moves: writable, or constant with an initial value a natmod knows
 * only at run time.
 */
function writesStaticLocal(expansion: PPToken[]): boolean {
  if (definesStaticObject(expansion)) return true;
  const text = `void f(void) { ${spell(expansion)}; }`;
  const decls: SyntaxNode[] = parseSnippet(text).rootNode.descendantsOfType('declaration');
  return decls.some((n) => {
    if (n.hasError) return false;
    const d = readDeclaration(n, text);
    if (!d || !d.storage.includes('static')) return false;
    return d.vars.every((v) => v.writable) || runTimeInit(d.vars, expansion);
  });
}

/**
 * MicroPython's macros that define an object natmodgen builds at import, which tree-sitter cannot read
 * as a declaration: `static MP_DEFINE_CONST_OBJ_TYPE(t, ...)` in a function moves before it
 * (src/constructs/obj-type.ts, static-local.ts).
 */
const OBJECT_DEFINERS = new Set([
  'MP_DEFINE_CONST_OBJ_TYPE',
  'MP_DEFINE_EXCEPTION',
  'MP_DEFINE_STR_OBJ',
  'MP_DEFINE_BYTES_OBJ',
  'MP_DEFINE_CONST_STATICMETHOD_OBJ',
  'MP_DEFINE_CONST_CLASSMETHOD_OBJ',
]);

/** Whether an expansion defines a `static` object through one of OBJECT_DEFINERS (`static MP_DEFINE_STR_OBJ(s, "x")`). */
function definesStaticObject(expansion: PPToken[]): boolean {
  return expansion.some(
    (t, k) =>
      OBJECT_DEFINERS.has(t.text) &&
      expansion[k + 1]?.text === '(' &&
      expansion.slice(0, k).some((w) => w.text === 'static') &&
      expansion.slice(0, k).every((w) => w.text === 'static' || w.text === 'const' || w.text === ';'),
  );
}

/** Whether a constant's initial value names a run-time value (the expansion's identifiers, as the compiler sees them). */
function runTimeInit(vars: Array<{ init?: string }>, expansion: PPToken[]): boolean {
  return vars.some((v) => v.init !== undefined) && expansion.some((t) => t.kind === 'ident' && runtimeValue(t.text));
}

/** Names of the definitions natmodgen may expand (MicroPython's own header macros are left to the compiler). */
function ownMacroNames(definitions: ReadonlyArray<{ name: string }>): Set<string> {
  const core = coreHeaderMacros();
  const names = new Set<string>();
  for (const d of definitions) if (!core.has(d.name)) names.add(d.name);
  return names;
}

/**
 * Whether `text`, read with its line splices removed, spells one of `names` as a word (a superset
 * of its identifier tokens: words in comments and strings count too). The words are read once, in
 * one pass, and kept for the last text: the names are hundreds (the tree's configuration values come
 * with every module).
 */
function spellsAny(text: string, names: Set<string>): boolean {
  if (names.size === 0) return false;
  const words = wordsOf(text);
  for (const n of names) if (words.has(n)) return true;
  return false;
}

/** The words of the last text asked about: one conversion asks of the same text twice (its expansion, then extraction). */
let lastWords: { text: string; words: Set<string> } | undefined;

/** Every word `text` spells, read with its line splices removed. */
function wordsOf(text: string): Set<string> {
  if (lastWords?.text === text) return lastWords.words;
  const joined = text.includes('\\') ? text.replace(/\\[ \t]*(?:\r\n?|\n)/g, '') : text;
  const words = new Set<string>();
  // The lexer's identifiers (src/preprocess/lexer.ts): a letter, `_` or `$`, then those or digits.
  for (const m of joined.matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
  lastWords = { text, words };
  return words;
}

/**
 * Where a use of a module's own macro starting at toks[i] ends (its name, or its closing parenthesis
 * for a function-like macro), or -1 when toks[i] is no such use (no definition there, one of
 * MicroPython's core header macros, or a function-like macro named without arguments).
 */
function moduleMacroUseEnd(pp: Preprocessed, toks: PPToken[], i: number): number {
  const t = toks[i];
  const def = pp.definitionAt(t.text, t.start);
  if (!def || coreHeaderMacros().has(t.text)) return -1;
  if (!def.params) return i;
  return toks[i + 1]?.text === '(' ? closingParen(toks, i + 1) : -1;
}

function closingParen(toks: PPToken[], open: number): number {
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    if (toks[k].bol && toks[k].text === '#') return -1;
    if (toks[k].text === '(') depth++;
    else if (toks[k].text === ')' && --depth === 0) return k;
  }
  return -1;
}
