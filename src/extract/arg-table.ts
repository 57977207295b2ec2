import { ArgTableDecl } from '../model/declarations';
import { ExtractContext, qualifiersBefore } from './context';
import { condItems } from './cond-items';

const RUNTIME_IN_NATMOD = /^(MP_QSTR_\w+|MP_ROM_NONE|MP_ROM_TRUE|MP_ROM_FALSE|MP_ROM_QSTR|mp_const_\w+)$/;

/**
 * `static const mp_arg_t name[] = { { MP_QSTR_x, ... } };` whose initializer holds
 * values that are run-time expressions in a natmod (non-static qstrs, MP_ROM_NONE...).
 */
export function extractArgTables(ctx: ExtractContext): ArgTableDecl[] {
  const { cur } = ctx;
  const out: ArgTableDecl[] = [];
  for (const i of ctx.anchors('arg-table', 'arg_table.type')) {
    const q = qualifiersBefore(cur, i, ctx);
    const nameIdx = i + 1;
    if (!q.isStatic || cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '[')) continue;
    const cb = cur.closing(nameIdx + 1);
    if (cb < 0 || !cur.is(cb + 1, '=') || !cur.is(cb + 2, '{')) continue;
    const close = cur.closing(cb + 2);
    if (close < 0) continue;
    let runtime = false;
    for (let k = cb + 2; k < close && !runtime; k++) runtime = RUNTIME_IN_NATMOD.test(cur.text(k));
    if (!runtime) continue;
    const staticIdx = [...Array(i - q.first).keys()].map((k) => q.first + k).find((k) => cur.is(k, 'static'));
    const node = ctx.file.tree.rootNode.descendantForIndex(cur.tokens[i].start);
    let atFileScope = true;
    for (let n = node?.parent; n; n = n.parent) if (n.type === 'compound_statement' || n.type === 'function_definition') atFileScope = false;
    out.push({
      kind: 'arg_table',
      name: cur.text(nameIdx),
      staticSpan: staticIdx !== undefined ? cur.span(staticIdx) : undefined,
      atFileScope,
      init: cur.flat({ from: cb + 2, to: close }),
      hasDirectives: cur.codeTokens({ from: cb + 2, to: close }).length !== close - cb - 1,
      entries: condItems(cur, cur.splitArgs(cb + 2, close), (r) => cur.source(r).trim()),
      span: cur.span(q.first, cur.is(close + 1, ';') ? close + 1 : close),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: true,
    });
  }
  return out;
}
