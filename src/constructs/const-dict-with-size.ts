import { ConstDictDecl } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, readMacroCall } from '../extract/context';
import { construct } from './construct';

/**
 * MP_DEFINE_CONST_DICT_WITH_SIZE(name, table, n) (py/obj.h): the dict over the first `n`
 * entries of a table. natmodgen rebuilds tables entry by entry, so it is the same
 * declaration as MP_DEFINE_CONST_DICT (planned by src/constructs/const-dict.ts); the
 * count stays in the kept text, where the compiler evaluates it.
 */
export function extractConstDictsWithSize(ctx: ExtractContext): ConstDictDecl[] {
  const out: ConstDictDecl[] = [];
  for (const i of ctx.anchors('const-dict-with-size', 'const_dict_with_size.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    const args = ctx.cur.splitArgs(call.open, call.close);
    if (args.length !== 3) {
      ctx.diagnostics.push(
        diag('NMG2010', ctx.cur.span(i, call.close), { what: 'MP_DEFINE_CONST_DICT_WITH_SIZE: expected (name, table, size)' }),
      );
      continue;
    }
    out.push({
      kind: 'const_dict',
      name: ctx.cur.flat(args[0]),
      table: ctx.cur.flat(args[1]),
      tableSpan: ctx.cur.spanOf(args[1]),
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return out;
}

export const constDictWithSize = construct({
  name: 'const-dict-with-size',
  queries: ['const-dict-with-size'],
  templates: [],
  kind: 'const_dict',
  extract: extractConstDictsWithSize,
});
