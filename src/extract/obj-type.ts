import { ObjTypeDecl, SlotName, TYPE_SLOTS, TypeSlot, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, readMacroCall } from './context';
import { condItems } from './cond-items';
import { TokRange } from './cursor';

const SLOT_ALIASES: Record<string, SlotName> = { getiter: 'iter' };

/** MP_DEFINE_CONST_OBJ_TYPE(name, MP_QSTR_Name, flags, slot, value, ...) → ObjTypeDecl. */
export function extractObjTypes(ctx: ExtractContext): ObjTypeDecl[] {
  const out: ObjTypeDecl[] = [];
  for (const i of ctx.anchors('obj-type', 'obj_type.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    // A slot and value written through a macro (`#define X_SUBSCR subscr, f,`) are read expanded.
    const x = ctx.expandItems(call.open, call.close, (exp) => exp.some((t) => t.text === ','));
    const cur = x.cur;
    const args = cur.splitArgs(x.open, x.close);
    const head = args.slice(0, 3).map((a) => cur.flat(a));
    if (args.length < 3 || !/^MP_QSTR_\w+$/.test(head[1])) {
      ctx.diagnostics.push(diag('NMG2010', ctx.cur.span(i, call.close), { what: 'MP_DEFINE_CONST_OBJ_TYPE: expected (name, MP_QSTR_Name, flags, slot, value, ...)' }));
      continue;
    }
    const rest = args.slice(3);
    // Slot/value pairs: directives may sit between pairs, so pair up code ranges in order.
    const pairs: TokRange[] = [];
    let pending: TokRange | undefined;
    for (const r of rest) {
      const code = cur.codeTokens(r);
      if (code.length === 0) {
        pairs.push(r);
        continue;
      }
      if (!pending) pending = r;
      else {
        pairs.push({ from: pending.from, to: r.to });
        pending = undefined;
      }
    }
    if (pending) {
      ctx.diagnostics.push(diag('NMG2010', cur.spanOf(pending), { what: `slot '${cur.flat(pending)}' has no value` }));
      continue;
    }
    const slots = condItems<TypeSlot>(cur, pairs, (r) => {
      const code = cur.codeTokens(r);
      const slotIdx = code[0];
      const comma = code.find((k) => cur.is(k, ','));
      const raw = cur.text(slotIdx);
      const slot = (SLOT_ALIASES[raw] ?? raw) as SlotName;
      if (!TYPE_SLOTS.includes(slot) || comma === undefined) {
        ctx.diagnostics.push(diag('NMG2009', cur.span(slotIdx), { slot: raw }, ctx.macroNotes(cur, { from: slotIdx, to: slotIdx })));
        return undefined;
      }
      const valueRange = { from: comma + 1, to: r.to };
      return { slot, value: cur.source(valueRange).trim(), span: cur.spanOf(r) };
    });
    out.push({
      kind: 'obj_type',
      name: head[0],
      typeName: asQstr(head[1].slice(8)),
      flags: cur.source(args[2]).trim(),
      slots,
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return out;
}
