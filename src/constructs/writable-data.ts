import { WritableDataDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { parseSnippet } from '../parse/parser';
import type { SyntaxNode } from 'tree-sitter';
import { choiceLeaves, ExtractContext } from '../extract/context';
import { insideFunction, readDeclaration } from '../extract/declarator';
import { construct } from './construct';
import { guarded } from '../plan/lines';
import { names } from '../plan/names';
import { DataAssignView, DataCopyView, DataFillView, View } from '../plan/view';
import { diag } from '../diagnostics/catalog';
import { Span } from '../diagnostics/diagnostic';

/** Writable file-scope variables that are `static` or initialised (see grammar-queries/writable-data.scm). */
export function extractWritableData(ctx: ExtractContext): WritableDataDecl[] {
  const { src } = ctx.file;
  const out: WritableDataDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'writable-data')) {
    const found = c.node;
    if (insideFunction(found) || !ctx.atFileScope(found.startIndex)) continue;
    const after = afterMacroUse(ctx, found) ?? throughQualifierMacro(ctx, found) ?? threadLocal(ctx, found);
    const decl = after?.node ?? found;
    const text = after?.text ?? src.text;
    if (decl.hasError && !errorsOnDirectiveLines(decl, text)) continue;
    const at = after?.at ?? { start: decl.startIndex, end: decl.endIndex };
    const d = readDeclaration(decl, text);
    if (!d || d.storage.some((s) => s !== 'static' && !THREAD_LOCAL.has(s))) continue;
    const isStatic = d.storage.includes('static');
    const thread = d.storage.some((s) => THREAD_LOCAL.has(s));
    // Mixed const/writable declarators are left as written.
    if (!d.vars.every((v) => v.writable && (isStatic || thread || v.init !== undefined))) continue;
    if (thread) warnThreadLocal(ctx, d.vars, src.span(at.start, at.end));
    out.push({
      kind: 'writable_data',
      name: d.vars.map((v) => v.name).join(','),
      specifiers: d.specifiers,
      vars: d.vars.map((v) => ({
        name: v.name,
        declarator: v.declarator,
        abstract: v.declarator.slice(0, v.nameAt) + v.declarator.slice(v.nameAt + v.name.length),
        unsizedAt: v.unsizedAt,
        init: v.init,
      })),
      span: src.span(at.start, at.end),
      cond: ctx.condAt(ctx.cur.indexAt(at.start)),
      unit: ctx.unit,
      isStatic,
    });
  }
  return out;
}

/**
 * A thread-local declaration as the compiler reads it (`static __thread int x = 1;`, or its
 * storage class through a macro, `static TLS int x;`): tree-sitter takes `_Thread_local` and a
 * macro for types. Its tokens expanded, with a thread storage class kept as `__thread`, which
 * tree-sitter reads as a storage class.
 */
function threadLocal(ctx: ExtractContext, node: SyntaxNode): Reread | undefined {
  const from = ctx.cur.indexAt(node.startIndex);
  if (from < 0) return undefined;
  // The declaration ends at its `;` (tree-sitter may end it before: `_Thread_local T x;`).
  let to = from;
  for (let depth = 0; to < ctx.cur.tokens.length; to++) {
    const t = ctx.cur.tokens[to].text;
    if (t === '{' || t === '(' || t === '[') depth++;
    else if (t === '}' || t === ')' || t === ']') depth--;
    else if (t === ';' && depth === 0) break;
  }
  if (to >= ctx.cur.tokens.length) return undefined;
  const direct = ctx.cur.tokens.slice(from, to + 1).some((t) => THREAD_LOCAL.has(t.text));
  if (!direct && !threadMacros(ctx)) return undefined;
  // A storage macro that branches of an #if natmodgen cannot decide define as thread-local in one
  // (`#ifdef BOARD_THREADS` / `#define TLS __thread`): read as that branch. The declaration becomes
  // plain storage either way, the same in every build, and the macro is no longer used there.
  const tree = direct ? undefined : ctx.choicesIn(from, to);
  const thread = tree?.kind === 'choice' ? choiceLeaves(tree).find((l) => l.some((t) => THREAD_LOCAL.has(t.text))) : undefined;
  const toks = direct ? ctx.cur.tokens.slice(from, to + 1) : (thread ?? ctx.expandTokens(from, to));
  if (toks.some((t) => t.kind === 'directive') || !toks.some((t) => THREAD_LOCAL.has(t.text))) return undefined;
  const text = toks.map((t) => (THREAD_LOCAL.has(t.text) ? '__thread' : t.text)).join(' ');
  const d = parseSnippet(text).rootNode.namedChildren.find((n) => n.type === 'declaration');
  return d && !d.hasError ? { node: d, text, at: { start: node.startIndex, end: ctx.cur.tokens[to].end } } : undefined;
}

/** Whether a macro of the module's can write a thread storage class (worked out once per file). */
const threadMacrosOf = new WeakMap<ExtractContext, boolean>();
function threadMacros(ctx: ExtractContext): boolean {
  let v = threadMacrosOf.get(ctx);
  if (v === undefined) threadMacrosOf.set(ctx, (v = ctx.pp.definitions.some((d) => d.body.some((t) => THREAD_LOCAL.has(t.text)))));
  return v;
}

/** Storage classes of thread-local variables (GNU, C11, C23). */
export const THREAD_LOCAL = new Set(['__thread', '_Thread_local', 'thread_local']);

/**
 * A thread-local variable becomes plain storage: mpy_ld links no TLS (`__tls_get_addr`, TLS
 * relocations), and a natmod's data is one block for every thread. Said once per variable.
 */
export function warnThreadLocal(ctx: ExtractContext, vars: Array<{ name: string }>, span: Span): void {
  for (const v of vars) ctx.diagnostics.push(diag('NMG2030', span, { name: v.name }));
}

/**
 * A declaration that tree-sitter joined to the use of one of the module's function-like macros
 * on the lines before it (`FUNS(DEFINE)` at file scope, no `;`: the compiler sees its expansion,
 * tree-sitter a type): the declaration after the use, parsed on its own, in a text whose offsets
 * are relative to `node`'s start.
 */
function afterMacroUse(ctx: ExtractContext, node: SyntaxNode): Reread | undefined {
  const first = node.firstNamedChild;
  if (first?.type !== 'macro_type_specifier') return undefined;
  const i = ctx.cur.indexAt(first.startIndex);
  if (i < 0 || !ctx.userMacro(i)?.params) return undefined;
  const close = ctx.cur.closing(i + 1);
  if (close < 0) return undefined;
  // What the compiler sees there ends a statement (or is nothing): the rest is a declaration of its own.
  const exp = ctx.expandTokens(i, close).filter((t) => t.kind !== 'directive');
  const last = exp[exp.length - 1]?.text;
  if (last !== undefined && last !== ';' && last !== '}') return undefined;
  const end = ctx.cur.tokens[close].end;
  const whole = ctx.file.src.text.slice(node.startIndex, node.endIndex);
  const cut = end - node.startIndex;
  // The use ends its line: what follows is another declaration, not the declarator of a type macro.
  if (!/^[ \t\r]*\n/.test(whole.slice(cut))) return undefined;
  const text = whole.slice(0, cut).replace(/[^\n]/g, ' ') + whole.slice(cut);
  const d = parseSnippet(text).rootNode.namedChildren.find((n) => n.type === 'declaration');
  return d ? { node: d, text, at: { start: node.startIndex + d.startIndex, end: node.startIndex + d.endIndex } } : undefined;
}

/** A declaration read again from another text: its node there, that text, and where it is in the file. */
export interface Reread {
  node: SyntaxNode;
  text: string;
  at: { start: number; end: number };
}

/**
 * A declaration that starts with one of the module's macros standing for qualifiers
 * (`#define PRIVATE static`, `-D STATIC=static`): tree-sitter takes the macro for the type. Read as
 * the compiler sees it, with the words in the macro's place; it is still located at the whole node.
 */
export function throughQualifierMacro(ctx: ExtractContext, node: Pick<SyntaxNode, 'startIndex' | 'endIndex'>): Reread | undefined {
  const i = ctx.cur.indexAt(node.startIndex);
  if (i < 0) return undefined;
  // Before a type tree-sitter does not know (`STATIC mp_int_t x;`) the macro is an ERROR of its
  // own and the declaration starts after it: those macros are the declaration's too.
  let first = i;
  while (first > 0 && ctx.qualifierMacro(first - 1)) first--;
  const own = ctx.qualifierMacro(i);
  if (first === i && !own) return undefined;
  const words = [...Array(i - first).keys()].flatMap((k) => ctx.qualifierMacro(first + k)!);
  if (own) words.push(...own);
  // Up to the declaration's `;`: after `STATIC mp_int_t` tree-sitter ends the node and reads the
  // name as a statement of its own.
  const end = statementEnd(ctx, i) ?? node.endIndex;
  const rest = ctx.file.src.text.slice(own ? ctx.cur.tokens[i].end : node.startIndex, end);
  const text = `${words.join(' ')} ${rest}`;
  const d = parseSnippet(text).rootNode.namedChildren.find((n) => n.type === 'declaration');
  return d ? { node: d, text, at: { start: ctx.cur.tokens[first].start, end } } : undefined;
}

/** The end offset of the first `;` outside brackets from token `i` on. */
function statementEnd(ctx: ExtractContext, i: number): number | undefined {
  const { cur } = ctx;
  let depth = 0;
  for (let k = i; k < cur.tokens.length; k++) {
    const t = cur.tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (--depth < 0) return undefined;
    } else if (t.text === ';' && depth === 0) return t.end;
  }
  return undefined;
}

/**
 * Whether every syntax error inside `node` starts on a preprocessor line: tree-sitter reads an
 * `#if` between the entries of an initialiser as an error, which the compiler does not see.
 */
export function errorsOnDirectiveLines(node: SyntaxNode, text: string): boolean {
  const errors = node.descendantsOfType('ERROR');
  if (!errors.length) return false;
  return errors.every((e) => {
    const lineStart = text.lastIndexOf('\n', e.startIndex - 1) + 1;
    return /^[ \t]*#/.test(text.slice(lineStart, e.endIndex)) && !text.slice(lineStart, e.endIndex).includes('\n');
  });
}

/** A scalar initial value is assigned at import; aggregates are copied from a rodata image. */
export function isScalarInit(declarator: string, init: string | undefined): init is string {
  return init !== undefined && !declarator.includes('[') && !init.trim().startsWith('{');
}

/** A literal zero, written without a sign: all bits zero whatever the scalar type (+0.0, NULL, false). */
const ZERO_LITERAL = /^(?:0+[uUlL]*|0[xX]0+[uUlL]*|(?:0+\.0*|\.0+|0+)(?:[eE][+-]?\d+)?[fFlL]?|'\\0'|false|NULL|MP_OBJ_NULL)$/;

/**
 * Whether an initialiser leaves the storage all zero: a zero literal, or braces around one or
 * nothing (`{0}`, `{ {0} }`, `{}`: every other member is zero too). The storage mpy_init would
 * write is zeroed when the .mpy loads (persistentcode.c allocates BSS with m_new0), so
 * assigning such a value at import is code for nothing.
 */
export function isZeroInit(init: string | undefined): boolean {
  if (init === undefined) return false;
  let t = init.trim();
  for (;;) {
    if (t.startsWith('{') && t.endsWith('}')) t = t.slice(1, -1).trim().replace(/,$/, '').trim();
    else if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
    else break;
  }
  return t === '' ? init.trim().startsWith('{') : ZERO_LITERAL.test(t);
}

/**
 * Names that a natmod knows only at run time (py/dynruntime.h reads them from mp_fun_table or
 * looks them up; natmodgen fills its own aliases at import): an initial value naming one is
 * not a constant, so it cannot be a file-scope image.
 */
export const RUNTIME_VALUE = /\b(mp_type_\w+|mp_const_(none|true|false|empty_\w+)|MP_ROM_(NONE|TRUE|FALSE)|mp_plat_print|mp_fun_table)\b/;

/**
 * The element count of an unsized array's initialiser `{ a, b, ... }` as C text: `0` and a
 * `+ 1` line per top-level element, with the initialiser's own `#if` lines kept between them so
 * the count follows the configuration (a final directive line ends with its newline). Undefined
 * when an element has a designator (`[3] = x`).
 */
export function elementCount(init: string): string | undefined {
  const open = init.indexOf('{');
  const close = init.lastIndexOf('}');
  if (open < 0 || close < open) return undefined;
  const body = init.slice(open + 1, close);
  const lines: string[] = ['0'];
  let depth = 0;
  let elem = '';
  let lineStart = true;
  const flush = (): boolean => {
    const t = elem.trim();
    elem = '';
    if (!t) return true;
    if (t.startsWith('[')) return false;
    lines.push('    + 1');
    return true;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '#' && lineStart) {
      // a directive line, with its backslash continuations
      let end = i;
      while (end < body.length && (body[end] !== '\n' || body[end - 1] === '\\')) end++;
      lines.push(body.slice(i, end));
      i = end;
      continue;
    }
    if (c === '\n') lineStart = true;
    else if (c !== ' ' && c !== '\t') lineStart = false;
    if (c === '/' && body[i + 1] === '*') {
      const end = body.indexOf('*/', i + 2);
      i = end < 0 ? body.length : end + 1;
      elem += ' ';
      continue;
    }
    if (c === '/' && body[i + 1] === '/') {
      const end = body.indexOf('\n', i);
      i = end < 0 ? body.length : end - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < body.length && body[j] !== c) j += body[j] === '\\' ? 2 : 1;
      elem += body.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      if (!flush()) return undefined;
      continue;
    }
    elem += c;
  }
  if (!flush()) return undefined;
  // what follows the count (`]`) must not share a directive's line
  return lines.join('\n') + (lines[lines.length - 1].startsWith('#') ? '\n' : '');
}

/** One variable's storage: plain, with a rodata image of its initial value, or sized from that image. */
export interface WritableDataVarView extends View<'writable-data-var' | 'writable-data-var-init' | 'writable-data-var-unsized'> {
  specifiers: string;
  /** The symbol of a static name, made unit-unique (its C name and scope stay the user's). */
  asmName?: string;
  declarator: string;
  name?: string;
  abstract?: string;
  init?: string;
  initCopy?: string;
}

export interface WritableDataView extends View<'writable-data'> {
  vars: WritableDataVarView[];
}

/**
 * Writable file-scope data: zeroed storage (static names made unit-unique) with the
 * initial value put in place by mpy_init, since mpy_ld loads neither static BSS nor .data.
 */
export const writableData = construct({
  name: 'writable-data',
  queries: ['writable-data'],
  templates: ['writable-data', 'writable-data-var', 'writable-data-var-init', 'writable-data-var-unsized', 'writable-data-fill'],
  kind: 'writable_data',
  extract: extractWritableData,
  plan: ({ decl: d }, ctx) => {
    const init: Array<DataAssignView | DataCopyView | DataFillView> = [];
    const { specifiers } = d;
    const vars = d.vars.map((v): WritableDataVarView => {
      const asmName = d.isStatic ? names.dataStorage(v.name, ctx.unitId) : undefined;
      // A zero initial value needs no code: the storage is zero when the .mpy loads (sized ones only:
      // `x[] = {0}` takes its length from the initialiser).
      const zero = isZeroInit(v.init) && v.unsizedAt === undefined;
      if (v.init === undefined || zero || isScalarInit(v.declarator, v.init)) {
        if (v.init !== undefined && !zero) init.push({ partial: 'data-assign', name: v.name, value: v.init });
        return { partial: 'writable-data-var', specifiers, asmName, declarator: v.declarator };
      }
      const initCopy = names.dataInit(v.name, ctx.unitId);
      // A value known only at run time: the image is made where it is copied, at import.
      const count = v.unsizedAt !== undefined ? elementCount(v.init) : '';
      if (RUNTIME_VALUE.test(v.init) && count !== undefined) {
        init.push({ partial: 'writable-data-fill', name: v.name, initCopy, init: v.init });
        const declarator = count ? `${v.declarator.slice(0, v.unsizedAt)}${count}${v.declarator.slice(v.unsizedAt)}` : v.declarator;
        return { partial: 'writable-data-var', specifiers, asmName, declarator };
      }
      init.push({ partial: 'data-copy', name: v.name, initCopy });
      const unsized = v.unsizedAt !== undefined;
      const declarator = unsized
        ? `${v.declarator.slice(0, v.unsizedAt)}sizeof(${initCopy}) / sizeof(${initCopy}[0])${v.declarator.slice(v.unsizedAt)}`
        : v.declarator;
      const partial = unsized ? 'writable-data-var-unsized' : 'writable-data-var-init';
      return { partial, specifiers, name: v.name, asmName, declarator, abstract: v.abstract, init: v.init, initCopy };
    });
    const view: WritableDataView = { partial: 'writable-data', vars };
    return {
      edits: [{ start: d.span.start, end: d.span.end, view }],
      init: init.length ? [{ phase: 'data', lines: guarded(d.cond, init) }] : [],
    };
  },
});
