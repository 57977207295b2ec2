import type { SyntaxNode } from 'tree-sitter';
import { RuntimeDataDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { parseSnippet } from '../parse/parser';
import { choiceLeaves, choiceText, ExtractContext } from '../extract/context';
import { Cursor } from '../extract/cursor';
import { insideFunction, readDeclaration } from '../extract/declarator';
import { construct } from './construct';
import { runtimeValue } from '../model/firmware';
import { call, guarded } from '../plan/lines';
import { names } from '../plan/names';
import { View } from '../plan/view';

/** Types whose constant definitions other constructs convert (tables, dicts, types, objects, argument tables). */
const OTHER_CONSTRUCTS =
  /\bmp_(rom_map_elem_t|map_elem_t|arg_t|obj_type_t|obj_full_type_t|obj_module_t|obj_dict_t|obj_fun_\w+|rom_obj_\w+|obj_tuple_t|obj_str_t|obj_exception_t)\b/;

/** A table, type, dict, object or argument table itself (not a pointer to one): another construct's. */
export function convertedElsewhere(specifiers: string, declarator: string, ctx?: ExtractContext): boolean {
  if (declarator.includes('*')) return false;
  if (OTHER_CONSTRUCTS.test(specifiers)) return true;
  // A table of a name the module gives the entry type by typedef is rom-table's too.
  const words = new Set(specifiers.split(/\W+/));
  return !!ctx && [...ctx.typeNames('mp_rom_map_elem_t'), ...ctx.typeNames('mp_map_elem_t')].some((t) => words.has(t));
}

/**
 * Inside a function only argument tables have a construct of their own (arg-table); the other
 * objects and tables are static locals, and a tuple (its items a flexible array member, which
 * an automatic copy cannot hold) is built whole at import (see static-local).
 */
const LOCAL_OTHER_CONSTRUCTS = /\bmp_(arg_t|rom_obj_tuple_t|obj_tuple_t)\b|\bstruct\s+_mp_(rom_)?obj_tuple_t\b/;

/**
 * Constant file-scope data whose initialiser holds a run-time value in a natmod, seen
 * through the module's macros (see grammar-queries/runtime-data.scm): `static const qstr
 * fields[] = {MP_QSTR_a, MP_QSTR_b};`, `static const struct { qstr name; int v; } t[] = ...`.
 * Objects with a firmware base type are runtime-obj's; tables, types and dicts have their own.
 */
export function extractRuntimeData(ctx: ExtractContext): RuntimeDataDecl[] {
  const { src } = ctx.file;
  const out: RuntimeDataDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'runtime-data')) {
    const decl = c.node;
    if (inFunctionBody(decl) || !ctx.atFileScope(decl.startIndex)) continue;
    // Items made by macros that end in their own comma (`{ ITEM(a) ITEM(b) }`) are not C to
    // tree-sitter until expanded: errors inside the initialiser are the compiler's business.
    // `STATIC const T x[] = {...}`: tree-sitter takes the macro for the type and T for the
    // declarator; once the macro is known to expand to qualifiers, the text is read as expanded.
    // Without an error too: `STATIC T *x[]` reads as a declaration of T with STATIC for its type.
    const throughMacro = readMacroQualified(ctx, decl);
    if (decl.hasError && !throughMacro && !errorsOnlyInValue(decl)) continue;
    const d = throughMacro ?? readDeclaration(decl, src.text);
    if (!d) continue;
    const r = runtimeConstant(ctx, decl, d, { objects: false });
    if (!r) continue;
    out.push({
      kind: 'runtime_data',
      name: r.name,
      specifiers: r.specifiers,
      declarator: r.declarator,
      init: r.init,
      span: src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(ctx.cur.indexAt(decl.startIndex)),
      unit: ctx.unit,
      isStatic: true,
    });
  }
  return out;
}

/**
 * Inside a function as the tree has it, unless tree-sitter hung a file-scope declaration on a
 * function_definition as a K&R parameter declaration (after `STATIC MP_DEFINE_CONST_OBJ_TYPE(...);`,
 * STATIC a macro: a "function" whose parameter declarations are the declarations that follow).
 */
function inFunctionBody(decl: SyntaxNode): boolean {
  if (!insideFunction(decl)) return false;
  for (let p = decl.parent; p; p = p.parent) if (p.type === 'compound_statement') return true;
  return false;
}

/**
 * One `static const` variable whose initial value holds a run-time value in a natmod (seen
 * through the module's macros): its specifiers and declarator without the variable's own
 * `const` (an unsized array counted from the expansion), with the name's offset in it.
 * Non-static ones may be declared `extern const` elsewhere; with `objects: false`, objects
 * with a firmware base are left to runtime-obj. Shared by runtime-data and static-local.
 */
export function runtimeConstant(
  ctx: ExtractContext,
  decl: SyntaxNode,
  d: NonNullable<ReturnType<typeof readDeclaration>>,
  opts: { objects: boolean; local?: boolean },
): { name: string; specifiers: string; declarator: string; nameAt: number; init: string } | undefined {
  if (d.vars.length !== 1 || d.storage.join(' ') !== 'static') return undefined;
  const v = d.vars[0];
  if (v.writable || v.init === undefined) return undefined;
  if (
    opts.local
      ? !v.declarator.includes('*') && LOCAL_OTHER_CONSTRUCTS.test(d.specifiers)
      : convertedElsewhere(d.specifiers, v.declarator, ctx)
  )
    return undefined;
  const value = decl.childForFieldName('declarator')?.childForFieldName('value');
  const range = value ? tokenRange(ctx, value) : undefined;
  if (!range) return undefined;
  const holds = (exp: ReadonlyArray<{ kind: string; text: string }>) => exp.some((t) => t.kind === 'ident' && runtimeValue(t.text));
  // The initialiser stays the user's text (the compiler expands it as the build does); what natmodgen
  // reads of it, it reads of every branch an #if it cannot decide makes differ.
  const tree = ctx.choicesIn(range.from, range.to);
  const leaves = tree ? choiceLeaves(tree) : [];
  if (!leaves.some(holds)) return undefined;
  // An array's first brace is its first element's (`{ { &mp_type_int, 1 }, ...}`), never an object's base.
  const objectBase = leaves.map((l) => !opts.objects && !v.declarator.includes('[') && startsWithFirmwareBase(l));
  if (objectBase.every((b) => b)) return undefined;
  const refuse = () => {
    ctx.undecidedReading(range.from, range.to, `the initial value of '${v.name}'`, holds);
    return undefined;
  };
  if (objectBase.some((b) => b)) return refuse();
  const own = withoutOwnConst(d.specifiers, v.declarator, v.nameAt);
  let declarator = own.declarator;
  if (v.unsizedAt !== undefined) {
    // Branches of different lengths: each branch's length under the same #if, inside the brackets.
    const count = tree && choiceText(tree, (exp) => itemCount(ctx, exp)?.toString());
    if (count === undefined) return tree?.kind === 'choice' ? refuse() : undefined;
    const at = v.unsizedAt - own.removed;
    declarator = `${declarator.slice(0, at)}${count}${declarator.slice(at)}`;
  }
  return { name: v.name, specifiers: own.specifiers, declarator, nameAt: v.nameAt - own.removed, init: v.init };
}

/**
 * `MACRO declaration` where MACRO is one of the module's object-like macros
 * expanding to qualifiers only (`#define STATIC static`, -D STATIC=static): the declaration as
 * readDeclaration reads it once the macro is expanded, or undefined for any other shape.
 */
function readMacroQualified(ctx: ExtractContext, decl: SyntaxNode): ReturnType<typeof readDeclaration> {
  const i = ctx.cur.indexAt(decl.startIndex);
  const words = i >= 0 ? ctx.qualifierMacro(i) : undefined;
  if (!words) return undefined;
  // The rest of the declaration read after the qualifiers the macro stands for (any declarator:
  // `XD_RO mp_obj_type_t *const kinds[] = {...}` too).
  const snippet = `${words.join(' ')} ${ctx.file.src.text.slice(ctx.cur.tokens[i].end, decl.endIndex)}`;
  const node = parseSnippet(snippet).rootNode.namedChildren.find((n) => n.type === 'declaration');
  if (!node || (node.hasError && !errorsOnlyInValue(node))) return undefined;
  return readDeclaration(node, snippet);
}

export function errorsOnlyInValue(decl: SyntaxNode): boolean {
  const value = decl.childForFieldName('declarator')?.childForFieldName('value');
  if (!value || value.text[0] !== '{') return false;
  const errors = decl.descendantsOfType('ERROR');
  return errors.length > 0 && errors.every((e) => e.startIndex > value.startIndex && e.endIndex < value.endIndex);
}

/** Token indexes of a node of the file. */
export function tokenRange(ctx: ExtractContext, n: SyntaxNode): { from: number; to: number } | undefined {
  const from = ctx.cur.indexAt(n.startIndex);
  if (from < 0) return undefined;
  let to = from;
  while (to + 1 < ctx.cur.tokens.length && ctx.cur.tokens[to + 1].start < n.endIndex) to++;
  return { from, to };
}

/** `{&mp_type_X}` or `{.base = ...}` first: an object, runtime-obj's. */
function startsWithFirmwareBase(t: { text: string }[]): boolean {
  return t[0]?.text === '{' && ((t[1]?.text === '{' && t[2]?.text === '&') || (t[1]?.text === '.' && t[2]?.text === 'base'));
}

/** The number of top-level items of a braced initialiser; undefined with designators (`[i] =`) or no braces. */
export function itemCount(ctx: ExtractContext, expanded: ReturnType<ExtractContext['expandTokens']>): number | undefined {
  const code = expanded.filter((t) => t.kind !== 'directive');
  const x = new Cursor(ctx.file, code);
  if (!x.is(0, '{') || x.closing(0) !== code.length - 1) return undefined;
  const items = x.splitArgs(0, code.length - 1).filter((r) => x.codeTokens(r).length > 0);
  if (items.some((r) => x.is(x.codeTokens(r)[0], '['))) return undefined;
  return items.length;
}

/**
 * The variable's own `const` removed, its pointees' kept: with a pointer declarator, the
 * `const` just before the name (`*const name`); otherwise the specifiers' (outside braces: a
 * struct's member types stay as written). `removed` is the length cut before the name.
 */
export function withoutOwnConst(
  specifiers: string,
  declarator: string,
  nameAt: number,
): { specifiers: string; declarator: string; removed: number } {
  const before = declarator.slice(0, nameAt);
  if (before.includes('*')) {
    const kept = before.replace(/\bconst\s*$/, '');
    return { specifiers, declarator: kept + declarator.slice(nameAt), removed: before.length - kept.length };
  }
  return { specifiers: dropConst(specifiers), declarator, removed: 0 };
}

/** Removes `const` qualifiers outside braces. */
function dropConst(text: string): string {
  let depth = 0;
  let out = '';
  const re = /[{}]|\bconst\b\s*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') depth--;
    else if (depth === 0) {
      out += text.slice(last, m.index);
      last = m.index + m[0].length;
    }
  }
  return (out + text.slice(last)).trim();
}

/** The storage, and a function that copies the initial value (computed at run time) into it. */
export interface RuntimeDataView extends View<'runtime-data'> {
  specifiers: string;
  declarator: string;
  asmName: string;
  name: string;
  init: string;
  initFn: string;
}

/**
 * Constant data with run-time initial values: writable storage with a unit-unique symbol
 * (mpy_ld loads no static BSS), filled by mpy_init from an automatic copy of the user's own
 * initialiser (C allows any expression there).
 */
export const runtimeData = construct({
  name: 'runtime-data',
  queries: ['runtime-data'],
  templates: ['runtime-data', 'runtime-data-init'],
  kind: 'runtime_data',
  extract: extractRuntimeData,
  plan: ({ decl: d }, ctx) => {
    const initFn = names.dataInitFn(d.name, ctx.unitId);
    const view: RuntimeDataView = {
      partial: 'runtime-data',
      specifiers: d.specifiers,
      declarator: d.declarator,
      asmName: names.dataStorage(d.name, ctx.unitId),
      name: d.name,
      init: d.init,
      initFn,
    };
    return {
      edits: [{ start: d.span.start, end: d.span.end, view }],
      init: [{ phase: 'data', lines: guarded(d.cond, [call(initFn)]) }],
    };
  },
});
