import { StaticLocalDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { ExtractContext, readMacroCall } from '../extract/context';
import type { SyntaxNode } from 'tree-sitter';
import { enclosingFunction, readDeclaration } from '../extract/declarator';
import { declarationsOf, usesInBlock, usesOfLocal } from '../extract/scope';
import { Cursor, joinTokens } from '../extract/cursor';
import { Token } from '../parse/tokens';
import { runtimeValue } from '../model/firmware';
import { fromExpansion, RUNTIME_OBJ_MACROS } from './runtime-obj';
import { construct } from './construct';
import { baseTypeExpr, declare, renameIdentifiers } from '../plan/c';
import { call, guarded } from '../plan/lines';
import { names } from '../plan/names';
import { CallView, DataAssignView, DataCopyView, View } from '../plan/view';
import { isScalarInit, isZeroInit, THREAD_LOCAL, throughQualifierMacro, warnThreadLocal } from './writable-data';
import { errorsOnlyInValue, runtimeConstant } from './runtime-data';

/** `static` writable variables inside functions (see grammar-queries/static-local.scm). */
export function extractStaticLocals(ctx: ExtractContext): StaticLocalDecl[] {
  const { src } = ctx.file;
  const out: StaticLocalDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'static-local')) {
    // Most local declarations are not static: a declaration whose text lacks the keyword
    // cannot have the storage class, and is skipped before its node is read from the tree.
    // `PRIVATE T x = 1;` with `#define PRIVATE static`: read as the compiler sees it.
    const start = c.start ?? c.node.startIndex;
    const end = c.end ?? c.node.endIndex;
    const viaMacro = throughQualifierMacro(ctx, { startIndex: start, endIndex: end });
    if (!viaMacro && !/\bstatic\b/.test(src.text.slice(start, end))) continue;
    const decl = c.node;
    if (!viaMacro && decl.hasError && !errorsOnlyInValue(decl)) continue;
    const d = viaMacro ? readDeclaration(viaMacro.node, viaMacro.text) : readDeclaration(decl, src.text);
    if (!d || !d.storage.includes('static')) continue;
    const runtime = d.vars.every((v) => v.writable) ? undefined : runtimeConstant(ctx, decl, d, { objects: true, local: true });
    const tuple = d.vars.every((v) => v.writable) || runtime || viaMacro ? undefined : localTuple(ctx, decl, d);
    if (!d.vars.every((v) => v.writable) && !runtime && !tuple) continue;
    if (decl.hasError && !runtime && !viaMacro) continue;
    const fn = enclosingFunction(decl);
    if (!fn) continue;
    if (d.storage.some((s) => THREAD_LOCAL.has(s))) warnThreadLocal(ctx, d.vars, src.span(decl.startIndex, decl.endIndex));
    const fnName = fn.childForFieldName('declarator');
    const nameNode = fnName ? fnName.descendantsOfType('identifier')[0] : undefined;
    out.push({
      kind: 'static_local',
      name: d.vars.map((v) => v.name).join(','),
      specifiers: runtime ? runtime.specifiers : d.specifiers,
      vars: tuple
        ? [
            {
              name: tuple.name,
              template: '%s',
              uses: withMisread(usesOfLocal(fn, decl, tuple.name), misreadUses(ctx, fn, decl, tuple.name)),
              tupleItems: tuple.items,
            },
          ]
        : runtime
          ? [
              {
                name: runtime.name,
                template: `${runtime.declarator.slice(0, runtime.nameAt)}%s${runtime.declarator.slice(runtime.nameAt + runtime.name.length)}`,
                init: runtime.init,
                uses: withMisread(usesOfLocal(fn, decl, runtime.name), misreadUses(ctx, fn, decl, runtime.name)),
                runtimeInit: true,
              },
            ]
          : d.vars.map((v) => ({
              name: v.name,
              template: v.declarator.slice(0, v.nameAt) + '%s' + v.declarator.slice(v.nameAt + v.name.length),
              init: v.init,
              uses: withMisread(usesOfLocal(fn, decl, v.name), misreadUses(ctx, fn, decl, v.name)),
              unsizedAt: v.unsizedAt === undefined ? undefined : v.unsizedAt - v.name.length + '%s'.length,
            })),
      functionSpan: src.span(fn.startIndex, fn.endIndex),
      functionName: nameNode?.text ?? 'fn',
      // From the qualifier macro on, where tree-sitter left it before the declaration.
      span: viaMacro ? src.span(viaMacro.at.start, viaMacro.at.end) : src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(ctx.cur.indexAt(fn.startIndex)),
      unit: ctx.unit,
      isStatic: true,
    });
  }
  out.push(...macroLocals(ctx));
  return withRefs(distinctStorage(out));
}

/**
 * A use of one static local inside another's definition (`static const mp_rom_obj_t p = MP_ROM_PTR(&s);`)
 * is no edit of the function: it moves with that definition, which names the other's storage there.
 */
function withRefs(decls: StaticLocalDecl[]): StaticLocalDecl[] {
  const inside = (u: { start: number }, e: StaticLocalDecl) => e.span.start <= u.start && u.start < e.span.end;
  const refs = new Map<StaticLocalDecl, Array<{ name: string; functionName: string }>>();
  const kept = decls.map((d) => ({
    ...d,
    vars: d.vars.map((v) => ({
      ...v,
      uses: v.uses.filter((u) => {
        const e = decls.find((o) => o !== d && o.functionSpan.start === d.functionSpan.start && inside(u, o));
        if (!e) return true;
        const list = refs.get(e) ?? [];
        if (!list.some((r) => r.name === v.name)) list.push({ name: v.name, functionName: d.functionName });
        refs.set(e, list);
        return false;
      }),
    })),
  }));
  const named = new Set([...refs.values()].flat().map((r) => `${r.functionName}:${r.name}`));
  return kept.flatMap((d, k) => {
    // A function object no moved static names stays where it is, as written.
    if (d.vars.some((v) => v.verbatim !== undefined) && !named.has(`${d.functionName}:${d.name}`)) return [];
    const r = refs.get(decls[k]);
    return [r ? { ...d, vars: d.vars.map((v) => ({ ...v, refs: r })) } : d];
  });
}

/** The tree's uses and the tokens' where the tree misread a statement, in source order, each once. */
function withMisread(
  tree: Array<{ start: number; end: number }>,
  misread: Array<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const at = new Set(tree.map((u) => u.start));
  return [...tree, ...misread.filter((u) => !at.has(u.start))].sort((a, b) => a.start - b.start);
}

/**
 * Two statics of one name in one function (in nested blocks) are two objects: the second and later
 * ones get storage of their own, named as if their function's name had an ordinal.
 */
function distinctStorage(decls: StaticLocalDecl[]): StaticLocalDecl[] {
  const seen = new Map<string, number>();
  return [...decls]
    .sort((a, b) => a.span.start - b.span.start)
    .map((d) => {
      const n = Math.max(...d.vars.map((v) => seen.get(`${d.functionSpan.start}:${v.name}`) ?? 0));
      for (const v of d.vars) seen.set(`${d.functionSpan.start}:${v.name}`, n + 1);
      return n === 0 ? d : { ...d, functionName: `${d.functionName}_${n + 1}` };
    });
}

/**
 * Where tree-sitter misread a statement of the function (a macro use: `static MP_DEFINE_CONST_DICT(d, table);`),
 * the tokens that name the variable: its uses as the compiler sees them, beside the identifiers the tree gave.
 */
function misreadUses(ctx: ExtractContext, fn: SyntaxNode, decl: SyntaxNode, name: string): Array<{ start: number; end: number }> {
  const { cur } = ctx;
  const from = cur.indexAt(decl.startIndex);
  let to = from;
  while (to + 1 < cur.tokens.length && cur.tokens[to + 1].start < decl.endIndex) to++;
  if (from < 0) return [];
  const shadows = declarationsOf(cur, fn, name).filter((k) => k !== from);
  return usesInBlock(cur, from, to, name, shadows).filter((u) => {
    const n = fn.descendantForIndex(u.start, u.end);
    if (n.type !== 'identifier') return n.type !== 'field_identifier' && n.type !== 'statement_identifier';
    for (let p: SyntaxNode | null = n.parent; p && p.id !== fn.id; p = p.parent)
      if (p.type === 'ERROR' || p.type === 'macro_type_specifier') return true;
    return false;
  });
}

/** An object a macro use in a function defines, read from the tokens. */
interface MacroLocal {
  name: string;
  first: number;
  last: number;
  fn: SyntaxNode;
  specifiers: string;
  object?: NonNullable<StaticLocalDecl['vars'][number]['object']>;
  tupleItems?: string[];
  verbatim?: string;
}

/**
 * Objects that a macro defines in a function body, `static` written outside it: `static MP_DEFINE_STR_OBJ(s, "x");`
 * (py/objstr.h; also bytes, static and class methods), or a use of the module's own macro whose expansion
 * is such a definition or `static const T name = {{&mp_type_X}, ...}` (`#define MKSTR(n, s) static MP_DEFINE_STR_OBJ(n, s)`).
 * tree-sitter cannot read these statements, so they are read from the tokens; the object moves before its
 * function like any static local, and the function's uses of the name (token by token, C's block scopes)
 * name its storage.
 */
function macroLocals(ctx: ExtractContext): StaticLocalDecl[] {
  const { cur } = ctx;
  const toks = cur.tokens;
  const found: MacroLocal[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'ident' || !cur.is(i + 1, '(') || ctx.atFileScope(toks[i].start) || !ctx.maybeCompiled(i)) continue;
    const firmware = RUNTIME_OBJ_MACROS[toks[i].text] !== undefined || FUN_OBJ.test(toks[i].text);
    if (!firmware && !(ctx.userMacro(i)?.params && reachesObject(ctx, toks[i].text, toks[i].start, new Set()))) continue;
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    const before = call.first - 1;
    if (before >= 0 && !cur.is(before, ';') && !cur.is(before, '{') && !cur.is(before, '}') && toks[before].kind !== 'directive') continue;
    const tokens = firmware
      ? toks.slice(call.first, call.last + 1)
      : ctx.expandTokens(call.first, call.last).filter((t) => t.kind !== 'directive');
    const obj = readObject(ctx, tokens, firmware ? cur : undefined, call.first);
    const node = ctx.file.tree.rootNode.descendantForIndex(toks[i].start);
    const fn = node ? enclosingFunction(node) : undefined;
    if (!obj || !fn) continue;
    found.push({ ...obj, first: call.first, last: call.last, fn });
    i = call.last;
  }
  return found.map((o) => {
    const fnName = o.fn.childForFieldName('declarator')?.descendantsOfType('identifier')[0];
    const shadows = [
      ...declarationsOf(cur, o.fn, o.name),
      ...found.filter((p) => p !== o && p.fn.id === o.fn.id && p.name === o.name).map((p) => p.first),
    ];
    return {
      kind: 'static_local',
      name: o.name,
      specifiers: o.specifiers,
      vars: [
        {
          name: o.name,
          template: '%s',
          uses: usesInBlock(cur, o.first, o.last, o.name, shadows),
          object: o.object,
          tupleItems: o.tupleItems,
          verbatim: o.verbatim,
        },
      ],
      functionSpan: ctx.file.src.span(o.fn.startIndex, o.fn.endIndex),
      functionName: fnName?.text ?? 'fn',
      span: cur.span(o.first, o.last),
      cond: ctx.condAt(cur.indexAt(o.fn.startIndex)),
      unit: ctx.unit,
      isStatic: true,
    };
  });
}

/**
 * `static MP_DEFINE_STR_OBJ(name, ...)` (with `cur`, the file's tokens from `at`: the arguments keep the
 * user's text) or `static [const] T name = {{&mp_type_X}, ...}` as tokens → the object; undefined for
 * anything else (a function object or dict: linkable as written, and automatic objects are values).
 */
function readObject(
  ctx: ExtractContext,
  tokens: Token[],
  file: Cursor | undefined,
  at: number,
): Omit<MacroLocal, 'first' | 'last' | 'fn'> | undefined {
  const x = new Cursor(ctx.file, tokens);
  const f = x.tokens.findIndex((t) => FUN_OBJ.test(t.text) && t.kind === 'ident');
  if (f >= 0) {
    // A function object: linkable as written; it moves only with a static that names it (withRefs).
    const words = x.tokens.slice(0, f).map((t) => t.text);
    const name = x.tokens[f + 2];
    if (!words.includes('static') || !words.every((w) => w === 'static' || w === 'const') || !x.is(f + 1, '(') || name?.kind !== 'ident')
      return undefined;
    const last = x.is(x.tokens.length - 1, ';') ? x.tokens.length - 2 : x.tokens.length - 1;
    if (x.closing(f + 1) !== last) return undefined;
    return {
      name: name.text,
      specifiers: '',
      verbatim: joinTokens(x.tokens.slice(0, last + 1).map((t, k) => (k === f + 2 ? '%s' : t.text))),
    };
  }
  const m = x.tokens.findIndex((t) => RUNTIME_OBJ_MACROS[t.text] !== undefined && t.kind === 'ident');
  if (m >= 0) {
    const words = x.tokens.slice(0, m).map((t) => t.text);
    const close = x.is(m + 1, '(') ? x.closing(m + 1) : -1;
    if (!words.includes('static') || !words.every((w) => w === 'static' || w === 'const') || close < 0) return undefined;
    if (close !== x.tokens.length - 1 && !(close === x.tokens.length - 2 && x.is(close + 1, ';'))) return undefined;
    const def = RUNTIME_OBJ_MACROS[x.text(m)];
    const ranges = x.splitArgs(m + 1, close);
    const text = (k: number) =>
      (file
        ? file.source({ from: at + ranges[k].from, to: at + ranges[k].to })
        : joinTokens(x.codeTokens(ranges[k]).map((c) => x.text(c)))
      ).trim();
    const args = ranges.map((_, k) => text(k));
    const argTokens = file ? ctx.expandTokens(at + m + 2, at + close - 1) : x.tokens.slice(m + 2, close);
    return {
      name: args[0],
      specifiers: def.cType,
      object: {
        cType: def.cType,
        baseType: def.baseType,
        init: def.init(args),
        dynamic: argTokens.some((t) => t.kind === 'ident' && runtimeValue(t.text)),
      },
    };
  }
  const d = fromExpansion(ctx, tokens);
  if (!d || !d.isStatic) return undefined;
  if (d.baseType !== 'tuple')
    return {
      name: d.name,
      specifiers: d.cType,
      object: { cType: d.cType, baseType: d.baseType, init: d.init, dynamic: d.dynamic === true },
    };
  // A tuple: mpy_init builds it from its items (the last field), as for a tuple declared in a function.
  const eq = x.tokens.findIndex((t) => t.text === '=');
  const fields = x.splitArgs(eq + 1, x.closing(eq + 1));
  const items = x.codeTokens(fields[fields.length - 1]);
  if (!items.length || !x.is(items[0], '{') || x.closing(items[0]) !== items[items.length - 1]) return undefined;
  const tupleItems = x
    .splitArgs(items[0], items[items.length - 1])
    .map((r) => joinTokens(x.codeTokens(r).map((c) => x.text(c))))
    .filter((t) => t !== '');
  return { name: d.name, specifiers: d.cType, tupleItems };
}

const FUN_OBJ = /^MP_DEFINE_CONST_FUN_OBJ_(0|1|2|3|VAR|VAR_BETWEEN|KW)$/;

/** Whether the module's macro `name` (as defined at `at`) writes an object definition, itself or through the macros its body names. */
function reachesObject(ctx: ExtractContext, name: string, at: number, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const m = ctx.pp.definitionAt(name, at);
  if (!m) return false;
  return m.body.some(
    (b) =>
      b.kind === 'ident' &&
      (RUNTIME_OBJ_MACROS[b.text] !== undefined ||
        FUN_OBJ.test(b.text) ||
        /^mp_type_/.test(b.text) ||
        reachesObject(ctx, b.text, at, seen)),
  );
}

/**
 * `static const mp_rom_obj_tuple_t t = {{&mp_type_tuple}, n, {items}};` in a function: the
 * tuple's name and its items' source text. Its type is a run-time value in a natmod and its items
 * a flexible array member, so mpy_init builds the tuple and the function reads it through a pointer.
 */
function localTuple(
  ctx: ExtractContext,
  decl: SyntaxNode,
  d: NonNullable<ReturnType<typeof readDeclaration>>,
): { name: string; items: string[] } | undefined {
  if (d.vars.length !== 1 || d.storage.join(' ') !== 'static' || !TUPLE_TYPE.test(d.specifiers)) return undefined;
  const v = d.vars[0];
  if (v.declarator !== v.name) return undefined;
  const value = decl.childForFieldName('declarator')?.childForFieldName('value');
  const { cur } = ctx;
  const open = value ? cur.indexAt(value.startIndex) : -1;
  if (open < 0 || !cur.is(open, '{')) return undefined;
  const fields = cur.splitArgs(open, cur.closing(open)).map((r) => cur.codeTokens(r));
  if (fields.length !== 3) return undefined;
  // The base: `{&mp_type_tuple}`, as the compiler reads it.
  const base = ctx.expandTokens(fields[0][0], fields[0][fields[0].length - 1]).map((t) => t.text);
  if (base.join(' ') !== '{ & mp_type_tuple }') return undefined;
  const itemsOpen = fields[2][0];
  if (!cur.is(itemsOpen, '{') || cur.closing(itemsOpen) !== fields[2][fields[2].length - 1]) return undefined;
  const items = cur
    .splitArgs(itemsOpen, cur.closing(itemsOpen))
    .map((r) => cur.source(r).trim())
    .filter((t) => t !== '');
  return { name: v.name, items };
}

const TUPLE_TYPE = /^(const\s+)?(mp_rom_obj_tuple_t|mp_obj_tuple_t|struct\s+_mp_(rom_)?obj_tuple_t)(\s+const)?$/;

/** One hoisted variable: its storage declaration, and the rodata image of an aggregate initial value. */
export interface StaticLocalVarView extends View<
  | 'static-local-storage'
  | 'static-local-storage-init'
  | 'static-local-storage-unsized'
  | 'static-local-storage-runtime'
  | 'static-local-storage-tuple'
  | 'static-local-storage-object'
> {
  name: string;
  storage: string;
  declaration: string;
  initCopy?: string;
  init?: string;
  /** For an array without a size: the type of its initial value as a compound literal's type name. */
  initType?: string;
  /** For a constant with a run-time initial value: the function that puts it in place. */
  initFn?: string;
  /** For a tuple: its items, and the expression the function's uses become (the object mpy_init built). */
  items?: string[];
  use?: string;
  /** For an object a macro defines: its C type, its base type's expression, and whether mpy_init computes its initial value. */
  cType?: string;
  typeExpr?: string;
  dynamic?: boolean;
}

/** The storage before the function; a comment where the declaration was. */
export interface StaticLocalView extends View<'static-local-hoist' | 'static-local-moved'> {
  vars: StaticLocalVarView[];
}

/** One identifier that refers to the variable, renamed to its storage. */
export interface StaticLocalUseView extends View<'static-local-use'> {
  storage: string;
}

/**
 * A static local moves to file scope just before its function (static BSS is not
 * loadable); the identifiers in the function that refer to it (C scoping: a nearer
 * declaration or a parameter of the same name shadows it, struct fields are not
 * identifiers) are renamed to its storage, token by token.
 */
export const staticLocal = construct({
  name: 'static-local',
  queries: ['static-local'],
  templates: [
    'static-local-hoist',
    'static-local-moved',
    'static-local-use',
    'static-local-storage',
    'static-local-storage-init',
    'static-local-storage-unsized',
    'static-local-storage-runtime',
    'static-local-storage-tuple',
    'static-local-storage-object',
  ],
  kind: 'static_local',
  extract: extractStaticLocals,
  plan: ({ decl: d }, ctx) => {
    const init: Array<DataAssignView | DataCopyView | CallView> = [];
    const objects: CallView[] = [];
    const vars = d.vars.map((w): StaticLocalVarView => {
      const storage = names.staticLocal(w.name, d.functionName, ctx.unitId);
      // The function's other statics this one's initial value names: their storage, before the function too.
      const refs = new Map((w.refs ?? []).map((r) => [r.name, names.staticLocal(r.name, r.functionName, ctx.unitId)]));
      const rn = (t: string) => renameIdentifiers(t, refs);
      const v = {
        ...w,
        init: w.init === undefined ? undefined : rn(w.init),
        object: w.object && { ...w.object, init: rn(w.object.init) },
        tupleItems: w.tupleItems?.map(rn),
      };
      if (v.tupleItems) {
        const initFn = names.dataInitFn(`${d.functionName}_${v.name}`, ctx.unitId);
        objects.push(call(initFn));
        const use = `(*(${d.specifiers} *)MP_OBJ_TO_PTR(${storage}))`;
        return { partial: 'static-local-storage-tuple', name: v.name, storage, use, declaration: '', initFn, items: v.tupleItems };
      }
      if (v.verbatim !== undefined)
        return { partial: 'static-local-storage', name: v.name, storage, declaration: declare(v.verbatim, storage) };
      if (v.object) {
        const initFn = names.dataInitFn(`${d.functionName}_${v.name}`, ctx.unitId);
        objects.push(call(initFn));
        const { cType, init, dynamic } = v.object;
        const typeExpr = baseTypeExpr(v.object.baseType, ctx.moduleTypes);
        return { partial: 'static-local-storage-object', name: v.name, storage, declaration: '', initFn, cType, init, typeExpr, dynamic };
      }
      if (v.runtimeInit) {
        const initFn = names.dataInitFn(`${d.functionName}_${v.name}`, ctx.unitId);
        init.push(call(initFn));
        const declaration = `${d.specifiers} ${declare(v.template, storage)}`;
        return { partial: 'static-local-storage-runtime', name: v.name, storage, declaration, init: v.init, initFn };
      }
      // A zero initial value needs no code (the storage is zero when the .mpy loads), unless it sizes `x[]`.
      const zero = isZeroInit(v.init) && v.unsizedAt === undefined;
      const scalar = !zero && isScalarInit(v.template, v.init);
      const initCopy = v.init !== undefined && !scalar && !zero ? `${storage}_initial` : undefined;
      if (scalar) init.push({ partial: 'data-assign', name: storage, value: v.init! });
      else if (initCopy) init.push({ partial: 'data-copy', name: storage, initCopy });
      if (initCopy && v.unsizedAt !== undefined) {
        // `x[] = {...}` takes its size from the initialiser: the storage is sized from the rodata image,
        // whose type is the compound literal's (as writable-data does at file scope).
        const sized = `${v.template.slice(0, v.unsizedAt)}sizeof(${initCopy}) / sizeof(${initCopy}[0])${v.template.slice(v.unsizedAt)}`;
        const initType = `${d.specifiers} ${v.template.replace('%s', '')}`;
        const declaration = `${d.specifiers} ${declare(sized, storage)}`;
        return { partial: 'static-local-storage-unsized', name: v.name, storage, declaration, initCopy, init: v.init, initType };
      }
      const partial = initCopy ? 'static-local-storage-init' : 'static-local-storage';
      return { partial, name: v.name, storage, declaration: `${d.specifiers} ${declare(v.template, storage)}`, initCopy, init: v.init };
    });
    const fn = d.functionSpan;
    const view = (partial: StaticLocalView['partial']): StaticLocalView => ({ partial, vars });
    const uses = d.vars.flatMap((v, i) =>
      v.uses.map((u) => ({
        start: u.start,
        end: u.end,
        view: { partial: 'static-local-use', storage: vars[i].use ?? vars[i].storage } as StaticLocalUseView,
      })),
    );
    return {
      edits: [
        { start: fn.start, end: fn.start, view: view('static-local-hoist') },
        { start: d.span.start, end: d.span.end, view: view('static-local-moved') },
        ...uses,
      ],
      init: [
        { phase: 'data', lines: guarded(d.cond, init) },
        ...(objects.length ? [{ phase: 'object' as const, lines: guarded(d.cond, objects) }] : []),
      ],
    };
  },
});
