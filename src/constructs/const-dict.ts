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
    // A dict inside a function compiles as written (its base is linkable); its table is a static
    // local that src/constructs/static-local.ts moves out, the dict's use of it renamed.
    if (!ctx.atFileScope(ctx.cur.tokens[i].start)) continue;
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

/** MP_DEFINE_CONST_DICT(name, table) → ConstDictDecl; also a dict written as its struct. */
export function extractConstDicts(ctx: ExtractContext): ConstDictDecl[] {
  return [...readConstDicts(ctx, 'const-dict', 'const_dict.macro', 'MP_DEFINE_CONST_DICT', ['name', 'table']), ...structDicts(ctx)];
}

/**
 * A dict written as the struct MP_DEFINE_CONST_DICT expands to (older modules):
 * `[static] [const] mp_obj_dict_t name = { .base = {&mp_type_dict}, .map = { ..., .table = (mp_map_elem_t *)table } };`.
 * The table is the last identifier of the `.table` field; the whole declaration is the span.
 */
function structDicts(ctx: ExtractContext): ConstDictDecl[] {
  const { cur } = ctx;
  const out: ConstDictDecl[] = [];
  for (let i = 0; i + 3 < cur.tokens.length; i++) {
    if (!cur.is(i, 'mp_obj_dict_t') || !cur.is(i + 2, '=') || !cur.is(i + 3, '{')) continue;
    if (!ctx.atFileScope(cur.tokens[i].start) || !ctx.maybeCompiled(i)) continue;
    const close = cur.closing(i + 3);
    if (close < 0 || !cur.is(close + 1, ';')) continue;
    let table: string | undefined;
    for (let k = i + 4; k < close; k++) {
      if (!cur.is(k, '.') || !cur.is(k + 1, 'table') || !cur.is(k + 2, '=')) continue;
      let end = k + 3;
      while (end < close && !cur.is(end, ',') && !cur.is(end, '}')) end++;
      const idents = cur.tokens
        .slice(k + 3, end)
        .filter((t) => /^[A-Za-z_]\w*$/.test(t.text) && !/^(mp_map_elem_t|mp_rom_map_elem_t|const)$/.test(t.text));
      table = idents[idents.length - 1]?.text;
    }
    const base = cur.tokens.slice(i + 4, close).some((t) => t.text === 'mp_type_dict');
    // `.table = NULL`: an empty dict (py/objdict.c's mp_const_empty_dict_obj), no table behind it.
    if (!table || table === 'NULL' || !base) continue;
    let first = i;
    while (first > 0 && /^(static|const|STATIC)$/.test(cur.text(first - 1))) first--;
    out.push({
      kind: 'const_dict',
      name: cur.text(i + 1),
      table,
      tableSpan: cur.span(i + 4, close),
      span: cur.span(first, close + 1),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: cur.tokens.slice(first, i).some((t) => t.text === 'static' || t.text === 'STATIC'),
    });
  }
  return out;
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
