import { ObjTypeDecl, SlotName, TYPE_SLOTS, TypeSlot, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, qualifiersBefore } from './context';
import { condItems } from './cond-items';
import { TokRange } from './cursor';

/** Fields of the pre-v1.20 `mp_obj_type_t` that became differently named slots. */
const RENAMED: Record<string, SlotName> = { getiter: 'iter' };

/**
 * `const mp_obj_type_t T = { { &mp_type_type }, .name = MP_QSTR_T, .make_new = f, ... };`, the
 * spelling of types before MicroPython v1.20 (py/obj.h then had one field per slot). Read as the
 * MP_DEFINE_CONST_OBJ_TYPE it became: `buffer_p = { .get_buffer = f }` is the buffer slot, and
 * `getiter = mp_identity_getiter, iternext = f` is `iter = f` with MP_TYPE_FLAG_ITER_IS_ITERNEXT.
 */
export function extractStructTypes(ctx: ExtractContext): ObjTypeDecl[] {
  const { cur } = ctx;
  const out: ObjTypeDecl[] = [];
  cur.tokens.forEach((t, i) => {
    if (t.kind !== 'ident' || t.text !== 'mp_obj_type_t') return;
    const nameIdx = i + 1;
    if (cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '=') || !cur.is(nameIdx + 2, '{')) return;
    const q = qualifiersBefore(cur, i, ctx);
    if (!q.isConst) return;
    const open = nameIdx + 2;
    const close = cur.closing(open);
    if (close < 0) return;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    let typeName: string | undefined;
    let flags: string | undefined;
    let iternext: string | undefined;
    let getiter: { value: string; r: TokRange } | undefined;
    const field = (r: TokRange): { name: string; value: TokRange } | undefined => {
      const code = cur.codeTokens(r);
      if (!cur.is(code[0], '.') || cur.tokens[code[1]]?.kind !== 'ident' || !cur.is(code[2], '=')) return undefined;
      return { name: cur.text(code[1]), value: { from: code[3], to: r.to } };
    };
    const slots = condItems<TypeSlot>(cur, cur.splitArgs(open, close), (r) => {
      const f = field(r);
      if (!f) return undefined; // `{ &mp_type_type }` or `.base = ...`: the natmod sets the base itself.
      const value = valueText(ctx, f.value);
      if (f.name === 'base') return undefined;
      if (f.name === 'name') {
        typeName = cur.flat(f.value);
        // `.name = QSTR(Point)`: the module's macro, read as the compiler sees it.
        if (!/^MP_QSTR_\w*$/.test(typeName) && cur === ctx.cur && ctx.usesMacro(f.value))
          typeName = ctx
            .expandTokens(f.value.from, f.value.to)
            .map((t) => t.text)
            .join('');
        return undefined;
      }
      if (f.name === 'flags') {
        flags = value;
        return undefined;
      }
      if (f.name === 'iternext') {
        iternext = value;
        return undefined;
      }
      if (f.name === 'getiter') {
        getiter = { value, r };
        return undefined;
      }
      if (f.name === 'buffer_p') {
        const inner = field({ from: cur.codeTokens(f.value)[1], to: cur.closing(cur.codeTokens(f.value)[0]) - 1 });
        if (inner?.name === 'get_buffer') return { slot: 'buffer', value: valueText(ctx, inner.value), span: cur.spanOf(r) };
      }
      const slot = (RENAMED[f.name] ?? f.name) as SlotName;
      if (!TYPE_SLOTS.includes(slot)) {
        ctx.diagnostics.push(diag('NMG2009', cur.span(cur.codeTokens(r)[1]), { slot: f.name }));
        return undefined;
      }
      return { slot, value, span: cur.spanOf(r) };
    });
    if (!typeName || !/^MP_QSTR_\w*$/.test(typeName)) {
      ctx.diagnostics.push(diag('NMG2010', cur.span(i, close), { what: 'mp_obj_type_t initialiser: expected .name = MP_QSTR_Name' }));
      return;
    }
    let allFlags = flags ?? 'MP_TYPE_FLAG_NONE';
    if (iternext !== undefined) {
      if (getiter && getiter.value !== 'mp_identity_getiter') {
        ctx.diagnostics.push(diag('NMG2009', cur.spanOf(getiter.r), { slot: 'getiter with iternext' }));
        return;
      }
      allFlags = flags ? `(${flags}) | MP_TYPE_FLAG_ITER_IS_ITERNEXT` : 'MP_TYPE_FLAG_ITER_IS_ITERNEXT';
      slots.push({ kind: 'item', item: { slot: 'iter', value: iternext, span: cur.span(i, close) } });
    } else if (getiter) slots.push({ kind: 'item', item: { slot: 'iter', value: getiter.value, span: cur.spanOf(getiter.r) } });
    out.push({
      kind: 'obj_type',
      name: cur.text(nameIdx),
      typeName: asQstr(typeName.slice(8)),
      flags: allFlags,
      slots,
      span: cur.span(q.first, last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
    });
  });
  return out;
}

/** A field's value as the slot takes it: `(mp_obj_dict_t *)&d` and `(mp_obj_t)&d` casts were only for the old field types. */
function valueText(ctx: ExtractContext, r: TokRange): string {
  const { cur } = ctx;
  const code = cur.codeTokens(r);
  const castEnd =
    cur.is(code[0], '(') && (cur.is(code[1], 'mp_obj_dict_t') || cur.is(code[1], 'mp_obj_t')) ? code.findIndex((k) => cur.is(k, ')')) : -1;
  if (castEnd > 0 && cur.is(code[castEnd + 1], '&')) return cur.source({ from: code[castEnd + 1], to: r.to }).trim();
  return cur.source(r).trim();
}
