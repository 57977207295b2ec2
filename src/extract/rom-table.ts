import { RomEntry, RomTableDecl, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, qualifiersBefore } from './context';
import { condItems } from './cond-items';
import { readRomValue } from './rom-value';

/** `[static] const mp_rom_map_elem_t name[] = { { MP_ROM_QSTR(MP_QSTR_k), value }, ... };` */
export function extractRomTables(ctx: ExtractContext): RomTableDecl[] {
  const { cur } = ctx;
  const out: RomTableDecl[] = [];
  // `mp_map_elem_t`: the non-ROM spelling of tables before MicroPython v1.12, still valid C.
  const anchors = [...ctx.anchors('rom-table', 'rom_table.type', 'mp_rom_map_elem_t'), ...ctx.anchors('rom-table', 'rom_table.type', 'mp_map_elem_t')];
  for (const i of [...new Set(anchors)].sort((a, b) => a - b)) {
    if (!qualifiersBefore(cur, i, ctx).isConst && cur.text(i) === 'mp_map_elem_t') continue;
    const q = qualifiersBefore(cur, i, ctx);
    const nameIdx = i + 1;
    if (cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '[')) continue;
    const closeBracket = cur.closing(nameIdx + 1);
    if (closeBracket < 0 || !cur.is(closeBracket + 1, '=') || !cur.is(closeBracket + 2, '{')) continue;
    const open = closeBracket + 2;
    const close = cur.closing(open);
    if (close < 0) {
      ctx.diagnostics.push(diag('NMG1005', cur.span(nameIdx), { name: `table '${cur.text(nameIdx)}'` }));
      continue;
    }
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    // Entries written through the module's macros (X-macro lists) are read as the compiler sees them.
    const x = ctx.expandItems(open, close);
    const items = condItems<RomEntry>(x.cur, x.cur.splitArgs(x.open, x.close), (r) => {
      const cur = x.cur;
      const toks = cur.codeTokens(r);
      const o = toks[0];
      if (!cur.is(o, '{') || cur.closing(o) !== toks[toks.length - 1]) {
        ctx.diagnostics.push(diag('NMG2010', cur.spanOf(r), { what: 'table entry: expected { MP_ROM_QSTR(MP_QSTR_key), value }' }, ctx.macroNotes(cur, r)));
        return undefined;
      }
      const kv = cur.splitArgs(o, toks[toks.length - 1]);
      const key = kv[0] ? cur.flat(kv[0]) : '';
      const m = /^(?:MP_ROM_QSTR|MP_OBJ_NEW_QSTR)\(MP_QSTR_(\w+)\)$/.exec(key);
      if (kv.length !== 2 || !m) {
        ctx.diagnostics.push(diag('NMG2010', cur.spanOf(r), { what: 'table entry: expected { MP_ROM_QSTR(MP_QSTR_key), value }' }, ctx.macroNotes(cur, r)));
        return undefined;
      }
      return { key: asQstr(m[1]), keySpan: cur.spanOf(kv[0]), value: readRomValue(cur, kv[1]), cond: ctx.condOf(cur, o) };
    });
    out.push({
      kind: 'rom_table',
      name: cur.text(nameIdx),
      items,
      span: cur.span(q.first, last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
    });
  }
  return out;
}
