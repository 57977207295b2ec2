import { CondItem, RomEntry, RomTableDecl, RomValue, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, qualifiersBefore } from '../extract/context';
import { condItems } from '../extract/cond-items';
import { readRomValue } from '../extract/rom-value';
import { Cursor, TokRange } from '../extract/cursor';
import { construct } from './construct';
import { ResolvedValue } from '../model/resolved';
import { valueExpr } from '../plan/c';
import { call, condLines, guarded } from '../plan/lines';
import { names } from '../plan/names';
import { DirectiveLineView, SizeTermView, UnitContext, View } from '../plan/view';

/** `[static] const mp_rom_map_elem_t name[] = { { MP_ROM_QSTR(MP_QSTR_k), value }, ... };` */
export function extractRomTables(ctx: ExtractContext): RomTableDecl[] {
  const { cur } = ctx;
  const out: RomTableDecl[] = [];
  // `mp_map_elem_t`: the non-ROM spelling of tables before MicroPython v1.12, still valid C.
  // A name the module gives either type by typedef anchors a table too.
  const nonRom = new Set(ctx.typeNames('mp_map_elem_t'));
  const anchors = [...ctx.typeNames('mp_rom_map_elem_t'), ...nonRom].flatMap((t) => ctx.anchors('rom-table', 'rom_table.type', t));
  for (const i of [...new Set(anchors)].sort((a, b) => a - b)) {
    // A table inside a function is a static local (src/constructs/static-local.ts moves it out).
    if (!ctx.atFileScope(cur.tokens[i].start)) continue;
    const q = qualifiersBefore(cur, i, ctx);
    // Qualifiers may follow the type too (`mp_rom_map_elem_t const name[]`).
    let nameIdx = i + 1;
    let constAfter = false;
    while (cur.text(nameIdx) === 'const') {
      constAfter = true;
      nameIdx++;
    }
    if (!q.isConst && !constAfter && nonRom.has(cur.text(i))) continue;
    if (cur.tokens[nameIdx]?.kind !== 'ident') continue;
    // The name through the module's macro (`TABLE(m)[]`): the compiler's name is its expansion.
    const named = namedByMacro(ctx, nameIdx);
    const nameEnd = named?.end ?? nameIdx;
    if (!cur.is(nameEnd + 1, '[')) continue;
    const closeBracket = cur.closing(nameEnd + 1);
    if (closeBracket < 0 || !cur.is(closeBracket + 1, '=') || !cur.is(closeBracket + 2, '{')) continue;
    const open = closeBracket + 2;
    const close = cur.closing(open);
    if (close < 0) {
      ctx.diagnostics.push(diag('NMG1005', cur.span(nameIdx), { name: `table '${cur.text(nameIdx)}'` }));
      continue;
    }
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    // Entries written through the module's macros (X-macro lists) are read as the compiler sees them.
    // So are entries natmodgen cannot read as written (`{ MP_ROM_QSTR(KEY(n)), MP_ROM_PTR(&OBJ(n)) }`);
    // others keep the module's macros (`MP_ROM_INT(VERSION)` stays so in the output).
    // A qstr macro only undecidable branches define stays for the compiler (undecidedQstr).
    const undecided = (name: string) => undecidedQstrMacro(ctx, name, cur.tokens[open].start);
    const x = ctx.expandItems(
      open,
      close,
      undefined,
      (r) => {
        const code = cur.codeTokens(r);
        if (!code.length || !ctx.usesMacro(r)) return false;
        return ctx.userMacro(code[0]) !== undefined || !readsAsWritten(ctx, cur, r);
      },
      undecided,
    );
    // Entries an index designator places (`[2] = { ... }`), with that index.
    const placed = new Map<RomEntry, number>();
    let designated = false;
    let unplaceable = false;
    const items = condItems<RomEntry>(x.cur, x.cur.splitArgs(x.open, x.close), (whole) => {
      const cur = x.cur;
      const at = designatorOf(cur, whole);
      if (at) designated = true;
      if (at && at.index === undefined) unplaceable = true;
      const r = at?.rest ?? whole;
      const toks = cur.codeTokens(r);
      const o = toks[0];
      if (!cur.is(o, '{') || cur.closing(o) !== toks[toks.length - 1]) {
        ctx.diagnostics.push(
          diag('NMG2010', cur.spanOf(r), { what: 'table entry: expected { MP_ROM_QSTR(MP_QSTR_key), value }' }, ctx.macroNotes(cur, r)),
        );
        return undefined;
      }
      const kv = entryFields(cur, o, toks[toks.length - 1]);
      if (kv.length !== 2 || !cur.codeTokens(kv[0]).length) {
        ctx.diagnostics.push(
          diag('NMG2010', cur.spanOf(r), { what: 'table entry: expected { MP_ROM_QSTR(MP_QSTR_key), value }' }, ctx.macroNotes(cur, r)),
        );
        return undefined;
      }
      const m = KEY.exec(cur.flat(kv[0]));
      const value = readValue(ctx, cur, kv[1]);
      const keySpan = cur.spanOf(kv[0]);
      const cond = ctx.condOf(cur, o);
      // Other keys (integers, objects) are values too: a dict may have them (py/moderrno.c's errorcode).
      const entry: RomEntry = m
        ? { key: asQstr(m[1]), keySpan, value, cond }
        : { keyValue: readValue(ctx, cur, kv[0]), keySpan, value, cond };
      if (at?.index !== undefined) placed.set(entry, at.index);
      return entry;
    });
    if (designated) {
      const ordered = unplaceable ? undefined : inIndexOrder(items, placed);
      if (ordered) items.splice(0, items.length, ...ordered);
      else
        ctx.diagnostics.push(
          diag('NMG2010', cur.span(open, close), {
            what: `table '${named?.name ?? cur.text(nameIdx)}': its index designators must be integers that leave no gap and no entry under #if`,
          }),
        );
    }
    out.push({
      kind: 'rom_table',
      name: named?.name ?? cur.text(nameIdx),
      items,
      span: cur.span(q.first, last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
    });
  }
  return out;
}

/**
 * An entry's index designator (`[2] = { ... }`, C99): the index (undefined when not an integer
 * literal) and the tokens after the `=`. Undefined for an entry without one.
 */
function designatorOf(cur: Cursor, r: TokRange): { index?: number; rest: TokRange } | undefined {
  const toks = cur.codeTokens(r);
  if (!cur.is(toks[0], '[')) return undefined;
  const close = cur.closing(toks[0]);
  const k = toks.indexOf(close);
  if (k < 0 || !cur.is(toks[k + 1], '=')) return undefined;
  const text = cur.flat({ from: toks[0] + 1, to: close - 1 });
  const n = /^(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*$/.test(text) ? Number(text.replace(/[uUlL]+$/, '')) : undefined;
  return { index: n, rest: { from: toks[k + 2] ?? r.to + 1, to: r.to } };
}

/**
 * The key and the value of an entry `{ key, value }` between `open` and `close`, each also written
 * with its member designator in either order (`{ .value = v, .key = k }`): the C99 rules, a member
 * named moves the position the next undesignated one fills. Anything else: the parts as written.
 */
function entryFields(cur: Cursor, open: number, close: number): TokRange[] {
  const parts = cur.splitArgs(open, close);
  const fields: TokRange[] = [];
  let at = 0;
  for (const p of parts) {
    const code = cur.codeTokens(p);
    let r = p;
    if (cur.is(code[0], '.') && cur.is(code[2], '=')) {
      const f = cur.text(code[1]);
      if (f !== 'key' && f !== 'value') return parts;
      at = f === 'key' ? 0 : 1;
      r = { from: code[3] ?? p.to + 1, to: p.to };
    }
    if (at > 1 || fields[at]) return parts;
    fields[at++] = r;
  }
  return fields.length === 2 && fields[0] && fields[1] ? fields : parts;
}

/**
 * The entries of a table with index designators in the order the compiler stores them: an index
 * designator sets the position, the next entry takes the one after. Undefined when that is not a
 * dense list natmodgen can write (an index not an integer literal, a gap, an entry under `#if`).
 */
function inIndexOrder(items: CondItem<RomEntry>[], placed: Map<RomEntry, number>): CondItem<RomEntry>[] | undefined {
  const slots: CondItem<RomEntry>[] = [];
  let pos = 0;
  for (const it of items) {
    if (it.kind !== 'item') return undefined;
    if (placed.has(it.item)) pos = placed.get(it.item)!;
    slots[pos++] = it;
  }
  for (let i = 0; i < slots.length; i++) if (!slots[i]) return undefined;
  return slots;
}

/** `MACRO(args)` at `at`, a function-like macro of the module expanding to one identifier: that name and the `)`. */
function namedByMacro(ctx: ExtractContext, at: number): { name: string; end: number } | undefined {
  const { cur } = ctx;
  if (!cur.is(at + 1, '(') || !ctx.userMacro(at)?.params) return undefined;
  const end = cur.closing(at + 1);
  if (end < 0) return undefined;
  const exp = ctx.expandTokens(at, end).filter((t) => t.kind !== 'directive');
  return exp.length === 1 && exp[0].kind === 'ident' ? { name: exp[0].text, end } : undefined;
}

/** Whether an entry `{ key, value }` reads as a qstr key and a value naming an object or a constant, unexpanded. */
function readsAsWritten(ctx: ExtractContext, cur: Cursor, r: TokRange): boolean {
  const toks = cur.codeTokens(r);
  const o = toks[0];
  if (!cur.is(o, '{') || cur.closing(o) !== toks[toks.length - 1]) return false;
  const kv = cur.splitArgs(o, toks[toks.length - 1]);
  if (kv.length !== 2 || !KEY.test(cur.flat(kv[0]))) return false;
  if (undecidedQstr(ctx, cur, kv[1]) !== undefined) return true;
  const v = readRomValue(cur, kv[1]);
  if (v.kind === 'unknown') return false;
  // `MP_ROM_PTR(&OBJ(name))`: the target is a macro use, not the object.
  return v.kind !== 'ptr' || !cur.is(cur.indexAt(v.targetSpan.start) + 1, '(');
}

const QSTR_KEY = /^(?:MP_ROM_QSTR|MP_OBJ_NEW_QSTR)\(MP_QSTR_(\w*)\)$/;

/** A qstr key, also in parentheses (a macro's `(MP_ROM_QSTR(MP_QSTR_k))`): `exec` gives the name as [1]. */
const KEY = {
  exec: (flat: string): RegExpExecArray | null => QSTR_KEY.exec(withoutOuterParens(flat)),
  test: (flat: string): boolean => QSTR_KEY.test(withoutOuterParens(flat)),
};

/** Text without the parentheses that enclose all of it (`((x))` → `x`). */
function withoutOuterParens(text: string): string {
  let t = text;
  while (t.startsWith('(') && t.endsWith(')')) {
    let depth = 0;
    let closes = -1;
    for (let i = 0; i < t.length && closes < 0; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')' && --depth === 0) closes = i;
    }
    if (closes !== t.length - 1) break;
    t = t.slice(1, -1);
  }
  return t;
}

/**
 * A table value; one written through the module's own macro (ulab's
 * `ULAB_REFERENCE_FLOAT_CONST(e)` for `MP_ROM_PTR(&e_obj)`) is read from its expansion.
 */
function readValue(ctx: ExtractContext, cur: Cursor, r: TokRange): RomValue {
  const undecided = undecidedQstr(ctx, cur, r);
  if (undecided !== undefined) return { kind: 'qstr_expr', expr: undecided, span: cur.spanOf(r) };
  const value = readRomValue(cur, r);
  if (value.kind !== 'unknown') return value;
  const code = cur.codeTokens(r);
  if (!code.length || !ctx.userMacro(code[0], cur)) return value;
  // Expansion works on the file's own tokens: a value an X-macro produced is already expanded.
  const from = ctx.cur.indexAt(cur.tokens[code[0]].start);
  const to = ctx.cur.indexAt(cur.tokens[code[code.length - 1]].start);
  if (from < 0 || to < 0 || ctx.cur.tokens[from] !== cur.tokens[code[0]] || ctx.cur.tokens[to] !== cur.tokens[code[code.length - 1]])
    return value;
  const x = new Cursor(ctx.file, ctx.expandTokens(from, to));
  const expanded = readRomValue(x, { from: 0, to: x.tokens.length - 1 });
  return expanded.kind === 'unknown' ? value : expanded;
}

/**
 * `MP_ROM_QSTR(NAME)` where NAME is a macro of the module that only branches natmodgen cannot
 * decide define (`#if MICROPY_PY_BUILTINS_FLOAT` / `#define NAME MP_QSTR_double` / `#else` ...):
 * the name, left for the compiler to expand, as the build's configuration says.
 */
function undecidedQstr(ctx: ExtractContext, cur: Cursor, r: TokRange): string | undefined {
  const code = cur.codeTokens(r);
  if (code.length !== 4 || !cur.is(code[1], '(') || !cur.is(code[3], ')')) return undefined;
  if (cur.text(code[0]) !== 'MP_ROM_QSTR' && cur.text(code[0]) !== 'MP_OBJ_NEW_QSTR') return undefined;
  const name = cur.tokens[code[2]];
  if (name.kind !== 'ident' || /^MP_QSTR_/.test(name.text)) return undefined;
  return undecidedQstrMacro(ctx, name.text, name.start) ? name.text : undefined;
}

/** Whether `name` is an object-like macro naming a qstr (`MP_QSTR_x`) that only undecidable branches define. */
function undecidedQstrMacro(ctx: ExtractContext, name: string, at: number): boolean {
  if (ctx.pp.lookupAt(at)(name) !== 'unknown') return false;
  const def = ctx.pp.definitionAt(name, at);
  return def !== undefined && !def.params && def.body.length === 1 && /^MP_QSTR_\w*$/.test(def.body[0].text);
}

/**
 * One entry: `e = natmodgen_map_elem_set(e, key, value)` in a table, `mp_store_global(key, value)` in
 * the globals (key: the qstr's name); or, for a key that is not a qstr, its object expression.
 */
export interface RomTableEntryView extends View<'rom-table-entry' | 'rom-table-obj-key-entry' | 'rom-table-global-entry'> {
  key: string;
  value: string;
}

/** A table in writable storage (sized by one term per entry) and the function that fills it at import. */
export interface RomTableView extends View<'rom-table'> {
  name: string;
  storage: string;
  fillFn: string;
  sizeLines: Array<SizeTermView | DirectiveLineView>;
  lines: Array<RomTableEntryView | DirectiveLineView>;
}

/** The module's globals: a function storing each entry into the module, in table order. */
export interface RomTableGlobalsView extends View<'rom-table-globals'> {
  fn: string;
  /** `static ` in the unit holding mpy_init (so the compiler can inline it), else empty. */
  linkage: string;
  lines: Array<RomTableEntryView | DirectiveLineView>;
}

function entryLines(
  t: RomTableDecl,
  values: Array<ResolvedValue | undefined>,
  keys: Array<ResolvedValue | undefined>,
  partial: RomTableEntryView['partial'],
  ctx: UnitContext,
): Array<RomTableEntryView | DirectiveLineView> {
  const shadowed = partial === 'rom-table-global-entry' ? shadowedKeys(t) : new Set<RomEntry>();
  return condLines(t.items, (e, i): Array<RomTableEntryView | DirectiveLineView> => {
    const v = values[i];
    if (!v || shadowed.has(e)) return [];
    if (e.key !== undefined) return [...ctx.sourceLine(e.value.span.line), { partial, key: String(e.key), value: valueExpr(v) }];
    const k = keys[i];
    return k ? [...ctx.sourceLine(e.value.span.line), { partial: 'rom-table-obj-key-entry', key: valueExpr(k), value: valueExpr(v) }] : [];
  });
}

/**
 * Entries of a table whose key an earlier entry already has, wherever that earlier one is compiled
 * too (its conditions enclose the later one's). The firmware's lookup in a constant table finds the
 * first; storing into the module's globals in table order would leave the last.
 */
export function shadowedKeys(t: RomTableDecl): Set<RomEntry> {
  const out = new Set<RomEntry>();
  const seen: RomEntry[] = [];
  const sameFrame = (a: RomEntry['cond'][number], b: RomEntry['cond'][number]) =>
    a.branches.length === b.branches.length &&
    a.branches.every((x, k) => x.keyword === b.branches[k].keyword && x.arg === b.branches[k].arg);
  const encloses = (outer: RomEntry, inner: RomEntry) =>
    outer.cond.length <= inner.cond.length && outer.cond.every((f, k) => sameFrame(f, inner.cond[k]));
  for (const it of t.items) {
    if (it.kind !== 'item' || it.item.key === undefined) continue;
    const e = it.item;
    if (seen.some((s) => s.key === e.key && encloses(s, e))) out.add(e);
    else seen.push(e);
  }
  return out;
}

/** `static const mp_rom_map_elem_t t[]`: writable storage filled at import (or the module's globals). */
export const romTable = construct({
  name: 'rom-table',
  queries: ['rom-table'],
  templates: ['rom-table', 'rom-table-entry', 'rom-table-obj-key-entry', 'rom-table-globals', 'rom-table-global-entry'],
  kind: 'rom_table',
  extract: extractRomTables,
  plan: ({ decl, role, values = [], keys = [] }, ctx) => {
    const at = { start: decl.span.start, end: decl.span.end };
    if (role.kind === 'globals') {
      const fn = names.globals(ctx.module.name);
      const view: RomTableGlobalsView = {
        partial: 'rom-table-globals',
        fn,
        linkage: ctx.holdsInit ? 'static ' : '',
        lines: entryLines(decl, values, keys, 'rom-table-global-entry', ctx),
      };
      return { edits: [{ ...at, view }] };
    }
    const view: RomTableView = {
      partial: 'rom-table',
      name: decl.name,
      storage: names.tableStorage(decl.name, ctx.unitId),
      fillFn: names.tableFill(decl.name),
      sizeLines: condLines(decl.items, () => [{ partial: 'size-term' }]),
      lines: entryLines(decl, values, keys, 'rom-table-entry', ctx),
    };
    return {
      edits: [{ ...at, view }],
      init: [{ phase: 'table', lines: guarded(decl.cond, [call(names.tableFill(decl.name))]) }],
      shims: ['map_elem_set'],
    };
  },
});
