import { StaticLocalDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from '../extract/context';
import type { SyntaxNode } from 'tree-sitter';
import { enclosingFunction, readDeclaration } from '../extract/declarator';
import { usesOfLocal } from '../extract/scope';
import { construct } from './construct';
import { declare } from '../plan/c';
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
        ? [{ name: tuple.name, template: '%s', uses: usesOfLocal(fn, decl, tuple.name), tupleItems: tuple.items }]
        : runtime
          ? [
              {
                name: runtime.name,
                template: `${runtime.declarator.slice(0, runtime.nameAt)}%s${runtime.declarator.slice(runtime.nameAt + runtime.name.length)}`,
                init: runtime.init,
                uses: usesOfLocal(fn, decl, runtime.name),
                runtimeInit: true,
              },
            ]
          : d.vars.map((v) => ({
              name: v.name,
              template: v.declarator.slice(0, v.nameAt) + '%s' + v.declarator.slice(v.nameAt + v.name.length),
              init: v.init,
              uses: usesOfLocal(fn, decl, v.name),
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
  return out;
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
  ],
  kind: 'static_local',
  extract: extractStaticLocals,
  plan: ({ decl: d }, ctx) => {
    const init: Array<DataAssignView | DataCopyView | CallView> = [];
    const objects: CallView[] = [];
    const vars = d.vars.map((v): StaticLocalVarView => {
      const storage = names.staticLocal(v.name, d.functionName, ctx.unitId);
      if (v.tupleItems) {
        const initFn = names.dataInitFn(`${d.functionName}_${v.name}`, ctx.unitId);
        objects.push(call(initFn));
        const use = `(*(${d.specifiers} *)MP_OBJ_TO_PTR(${storage}))`;
        return { partial: 'static-local-storage-tuple', name: v.name, storage, use, declaration: '', initFn, items: v.tupleItems };
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
