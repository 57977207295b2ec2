import { ArgTableDecl } from '../model/declarations';
import { ExtractContext, qualifiersBefore } from '../extract/context';
import { condItems } from '../extract/cond-items';
import { construct } from './construct';
import { call, condLines, guarded } from '../plan/lines';
import { names } from '../plan/names';
import { DirectiveLineView, SizeTermView, View } from '../plan/view';

const RUNTIME_IN_NATMOD = /^(MP_QSTR_\w+|MP_ROM_NONE|MP_ROM_TRUE|MP_ROM_FALSE|MP_ROM_QSTR|mp_const_\w+)$/;

/**
 * `static const mp_arg_t name[] = { { MP_QSTR_x, ... } };` whose initializer holds
 * values that are run-time expressions in a natmod (non-static qstrs, MP_ROM_NONE...).
 */
export function extractArgTables(ctx: ExtractContext): ArgTableDecl[] {
  const { cur } = ctx;
  const out: ArgTableDecl[] = [];
  // Also by the tokens: after a qualifier macro (`STATIC const mp_arg_t`) tree-sitter has no type there.
  for (const i of ctx.anchors('arg-table', 'arg_table.type', 'mp_arg_t')) {
    const q = qualifiersBefore(cur, i, ctx);
    const nameIdx = i + 1;
    if (!q.isStatic || cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '[')) continue;
    const cb = cur.closing(nameIdx + 1);
    if (cb < 0 || !cur.is(cb + 1, '=') || !cur.is(cb + 2, '{')) continue;
    const close = cur.closing(cb + 2);
    if (close < 0) continue;
    // Entries written through the module's macros are read as the compiler sees them.
    const x = ctx.expandItems(cb + 2, close);
    let runtime = false;
    for (let k = x.open; k < x.close && !runtime; k++) runtime = RUNTIME_IN_NATMOD.test(x.cur.text(k));
    if (!runtime) continue;
    // `static`, or the module's macro for it (`STATIC`, `#define ROM static const`): the token that goes.
    const staticIdx = [...Array(i - q.first).keys()]
      .map((k) => q.first + k)
      .find((k) => cur.is(k, 'static') || (ctx.qualifierMacro(k, cur)?.includes('static') ?? false));
    // Brace depth over the tokens, not the tree: where tree-sitter lost a function (ulab's
    // `#if` branches that split statements), its keyword table is still a local.
    const atFileScope = ctx.atFileScope(cur.tokens[i].start);
    out.push({
      kind: 'arg_table',
      name: cur.text(nameIdx),
      staticSpan: staticIdx !== undefined ? cur.span(staticIdx) : undefined,
      atFileScope,
      init: cur.flat({ from: cb + 2, to: close }),
      hasDirectives: cur.codeTokens({ from: cb + 2, to: close }).length !== close - cb - 1,
      entries:
        x.cur === cur
          ? condItems(cur, cur.splitArgs(cb + 2, close), (r) => cur.source(r).trim())
          : condItems(x.cur, x.cur.splitArgs(x.open, x.close), (r) => x.cur.flat(r)),
      span: cur.span(q.first, cur.is(close + 1, ';') ? close + 1 : close),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: true,
    });
  }
  return out;
}

/** A file-scope keyword table as a compound literal, so run-time qstrs are allowed. */
export interface ArgTableMacroView extends View<'arg-table-macro'> {
  name: string;
  init: string;
}

/** `    *a++ = (mp_arg_t){ ... };` */
export interface ArgTableEntryView extends View<'arg-table-entry'> {
  entry: string;
}

/** A file-scope keyword table with `#if` among its entries: storage filled at import. */
export interface ArgTableStorageView extends View<'arg-table-storage'> {
  name: string;
  storage: string;
  fillFn: string;
  sizeLines: Array<SizeTermView | DirectiveLineView>;
  lines: Array<ArgTableEntryView | DirectiveLineView>;
}

/** `static const mp_arg_t allowed_args[]` with run-time values: built on each call (or at import at file scope). */
export const argTable = construct({
  name: 'arg-table',
  queries: ['arg-table'],
  templates: ['arg-table-macro', 'arg-table-entry', 'arg-table-storage', 'arg-table-unstatic'],
  kind: 'arg_table',
  extract: extractArgTables,
  plan: ({ decl }, ctx) => {
    const at = { start: decl.span.start, end: decl.span.end };
    if (!decl.atFileScope) {
      // Inside a function the table is built on each call: only `static` goes.
      return {
        edits: decl.staticSpan ? [{ start: decl.staticSpan.start, end: decl.staticSpan.end, view: { partial: 'arg-table-unstatic' } }] : [],
      };
    }
    if (!decl.hasDirectives) {
      const view: ArgTableMacroView = { partial: 'arg-table-macro', name: decl.name, init: decl.init };
      return { edits: [{ ...at, view }] };
    }
    // With #if among the entries it cannot be one macro: storage filled at import.
    const view: ArgTableStorageView = {
      partial: 'arg-table-storage',
      name: decl.name,
      storage: names.tableStorage(decl.name, ctx.unitId),
      fillFn: names.tableFill(decl.name),
      sizeLines: condLines(decl.entries, () => [{ partial: 'size-term' }]),
      lines: condLines(decl.entries, (entry) => [{ partial: 'arg-table-entry', entry }]),
    };
    return {
      edits: [{ ...at, view }],
      init: [{ phase: 'table', lines: guarded(decl.cond, [call(names.tableFill(decl.name))]) }],
      shims: ['map_elem_set'],
    };
  },
});
