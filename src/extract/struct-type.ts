import { ObjTypeDecl, SlotName, TYPE_SLOTS, TypeSlot, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, qualifiersBefore } from './context';
import { condItems } from './cond-items';
import { TokRange } from './cursor';

/** Fields of the pre-v1.20 `mp_obj_type_t` that became differently named slots. */
const RENAMED: Record<string, SlotName> = { getiter: 'iter' };

/** The fields of v1.20+'s `mp_obj_type_t` in declaration order (py/obj.h), for positional values. */
const FIELDS = ['base', 'flags', 'name', ...TYPE_SLOTS.map((s) => `slot_index_${s}`), 'slots'];

/**
 * `const mp_obj_type_t T = { { &mp_type_type }, .name = MP_QSTR_T, .make_new = f, ... };`, the
 * spelling of types before MicroPython v1.20 (py/obj.h then had one field per slot). Read as the
 * MP_DEFINE_CONST_OBJ_TYPE it became: `buffer_p = { .get_buffer = f }` is the buffer slot, and
 * `getiter = mp_identity_getiter, iternext = f` is `iter = f` with MP_TYPE_FLAG_ITER_IS_ITERNEXT.
 * Also the v1.20+ struct itself, as MP_DEFINE_CONST_OBJ_TYPE expands to and a module may write
 * out: `.slot_index_print = 2, .slots = { f, g }` is `print = g`; and leading positional fields
 * (`{ { &mp_type_type }, MP_TYPE_FLAG_NONE, MP_QSTR_T }`), which both layouts begin with.
 */
export function extractStructTypes(ctx: ExtractContext): ObjTypeDecl[] {
  const { cur } = ctx;
  const out: ObjTypeDecl[] = [];
  cur.tokens.forEach((t, i) => {
    // `mp_obj_full_type_t`: the struct every type is (py/obj.h), written out by a module that
    // indexes its slots; its name then stands for the full type.
    if (t.kind !== 'ident' || (t.text !== 'mp_obj_type_t' && t.text !== 'mp_obj_full_type_t')) return;
    const nameIdx = i + 1;
    if (cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '=') || !cur.is(nameIdx + 2, '{')) return;
    const q = qualifiersBefore(cur, i, ctx);
    if (!q.isConst) return;
    const open = nameIdx + 2;
    const close = cur.closing(open);
    if (close < 0) return;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    let typeName: string | undefined;
    let typeNameAsWritten: string | undefined;
    let flags: string | undefined;
    let iternext: string | undefined;
    let getiter: { value: string; r: TokRange } | undefined;
    const field = (r: TokRange): { name: string; value: TokRange } | undefined => {
      const code = cur.codeTokens(r);
      if (!cur.is(code[0], '.') || cur.tokens[code[1]]?.kind !== 'ident' || !cur.is(code[2], '=')) return undefined;
      return { name: cur.text(code[1]), value: { from: code[3], to: r.to } };
    };
    // A value without a designator initialises the field after the previous one (C11 6.7.9).
    let next = 0;
    let bad = false;
    const indexed: Array<{ slot: SlotName; n: number; r: TokRange }> = [];
    let slotValues: TokRange[] | undefined;
    const slots = condItems<TypeSlot>(cur, cur.splitArgs(open, close), (r) => {
      let f = field(r);
      if (!f) {
        if (next >= FIELDS.length) {
          ctx.diagnostics.push(
            diag('NMG2010', cur.spanOf(r), { what: 'mp_obj_type_t initialiser: a positional value after its last field' }),
          );
          bad = true;
          return undefined;
        }
        f = { name: FIELDS[next], value: r };
      }
      // After a pre-v1.20 field name, a positional value has no field it could be.
      next = FIELDS.includes(f.name) ? FIELDS.indexOf(f.name) + 1 : FIELDS.length;
      if (f.name === 'base') return undefined; // `{ &mp_type_type }`: the natmod sets the base itself.
      const value = valueText(ctx, f.value);
      if (f.name.startsWith('slot_index_') && TYPE_SLOTS.includes(f.name.slice(11) as SlotName)) {
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (Number.isNaN(n)) {
          ctx.diagnostics.push(diag('NMG2010', cur.spanOf(f.value), { what: `${f.name}: expected a decimal slot number` }));
          bad = true;
        } else if (n > 0) indexed.push({ slot: f.name.slice(11) as SlotName, n, r });
        return undefined;
      }
      if (f.name === 'slots') {
        const code = cur.codeTokens(f.value);
        const end = cur.is(code[0], '{') ? cur.closing(code[0]) : -1;
        if (end < 0 || code.some((k) => cur.tokens[k].kind === 'directive')) {
          ctx.diagnostics.push(
            diag('NMG2010', cur.spanOf(f.value), { what: 'mp_obj_type_t initialiser: expected .slots = { value, ... }' }),
          );
          bad = true;
        } else slotValues = cur.splitArgs(code[0], end);
        return undefined;
      }
      if (f.name === 'name') {
        typeName = cur.flat(f.value);
        // `.name = QSTR(Point)`: the module's macro, read as the compiler sees it; one an #if
        // natmodgen cannot decide chooses stays as written, for the compiler.
        if (!/^MP_QSTR_\w*$/.test(typeName) && cur === ctx.cur && ctx.usesMacro(f.value)) {
          const q = ctx.qstrThroughMacros(f.value.from, f.value.to, "the type's name");
          if (q) [typeName, typeNameAsWritten] = [q.qstr, q.asWritten];
        }
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
    for (const x of indexed.sort((a, b) => a.n - b.n)) {
      const v = slotValues?.[x.n - 1];
      if (!v) {
        ctx.diagnostics.push(diag('NMG2010', cur.spanOf(x.r), { what: `slot_index_${x.slot}: .slots has no value ${x.n}` }));
        bad = true;
      } else slots.push({ kind: 'item', item: { slot: x.slot, value: valueText(ctx, v), span: cur.spanOf(v) } });
    }
    if (bad) return;
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
      typeNameAsWritten,
      flags: allFlags,
      slots,
      span: cur.span(q.first, last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
      ...(t.text === 'mp_obj_full_type_t' ? { full: true } : {}),
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
