import { ConstDictDecl } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, readMacroCall } from '../extract/context';
import { TokRange } from '../extract/cursor';
import { construct, nothing, removed } from './construct';

/**
 * The dict definitions one macro makes, `MACRO(name, table, ...)` with exactly `params`
 * arguments: shared by MP_DEFINE_CONST_DICT and MP_DEFINE_CONST_DICT_WITH_SIZE.
 */
export function readConstDicts(ctx: ExtractContext, query: string, capture: string, macro: string, params: string[]): ConstDictDecl[] {
  const out: ConstDictDecl[] = [];
  for (const i of ctx.anchors(query, capture)) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    const args = ctx.cur.splitArgs(call.open, call.close);
    if (args.length !== params.length) {
      ctx.diagnostics.push(diag('NMG2010', ctx.cur.span(i, call.close), { what: `${macro}: expected (${params.join(', ')})` }));
      continue;
    }
    // Names written through the module's macros (`DICT(m)`) are the compiler's expansions.
    const named = (r: TokRange) => {
      if (!ctx.usesMacro(r)) return ctx.cur.flat(r);
      const exp = ctx.expandTokens(r.from, r.to).filter((t) => t.kind !== 'directive');
      return exp.length === 1 && exp[0].kind === 'ident' ? exp[0].text : ctx.cur.flat(r);
    };
    out.push({
      kind: 'const_dict',
      name: named(args[0]),
      table: named(args[1]),
      tableSpan: ctx.cur.spanOf(args[1]),
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return out;
}

/** MP_DEFINE_CONST_DICT(name, table) → ConstDictDecl. */
export function extractConstDicts(ctx: ExtractContext): ConstDictDecl[] {
  return readConstDicts(ctx, 'const-dict', 'const_dict.macro', 'MP_DEFINE_CONST_DICT', ['name', 'table']);
}

/** The module's globals dict is built by mpy_init; other dicts stay, their tables built at import. */
export const constDict = construct({
  name: 'const-dict',
  queries: ['const-dict'],
  templates: [],
  kind: 'const_dict',
  extract: extractConstDicts,
  plan: ({ decl, role }) => (role.kind === 'remove' ? removed(decl, `globals dict ${decl.name}`) : nothing()),
});
