import { ObjTypeDecl, SlotName, TYPE_SLOTS, TypeSlot, asQstr } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, readMacroCall } from '../extract/context';
import { condItems } from '../extract/cond-items';
import { Cursor, TokRange, joinTokens } from '../extract/cursor';
import { construct } from './construct';
import { condLines, call, guarded, hasDirectives } from '../plan/lines';
import { names } from '../plan/names';
import { DirectiveLineView, RemovedView, View } from '../plan/view';
import { enclosingFunction } from '../extract/declarator';
import { extractStructTypes } from '../extract/struct-type';
import { isZeroInit } from './writable-data';

const SLOT_ALIASES: Record<string, SlotName> = { getiter: 'iter' };

/** MP_DEFINE_CONST_OBJ_TYPE(name, MP_QSTR_Name, flags, slot, value, ...) → ObjTypeDecl. */
export function extractObjTypes(ctx: ExtractContext): ObjTypeDecl[] {
  const out: ObjTypeDecl[] = [];
  for (const i of ctx.anchors('obj-type', 'obj_type.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    // A type in a branch the preprocessor drops is no type: nothing to convert, nothing to report
    // (py/objarray.c's memoryview, with MICROPY_PY_BUILTINS_MEMORYVIEW=0).
    if (ctx.pp.liveAt(ctx.cur.tokens[i].start) === 'off') continue;
    // A slot and value written through a macro (`#define X_SUBSCR subscr, f,`) are read expanded, also
    // where the macro follows a value (`make_new, f X_PRINT` with `#define X_PRINT , print, p`).
    // The name, qstr and flags are read below, each as one expansion: only slot items are written per branch.
    const headEnd = ctx.cur.splitArgs(call.open, call.close)[2]?.to ?? call.close;
    const x = ctx.expandItems(
      call.open,
      call.close,
      (exp) => exp.some((t) => t.text === ','),
      (r) => r.from > headEnd && ctx.usesMacro(r),
    );
    const cur = x.cur;
    const args = cur.splitArgs(x.open, x.close);
    const head = args.slice(0, 3).map((a) => cur.flat(a));
    // So is a name written through one (`X_TYPE(ring)` for `x_ring_type`): the type's storage and
    // init function are named after the identifier the compiler sees.
    // The type's qstr too (`QSTR(Ring)` for MP_QSTR_Ring): the firmware's qstr scan reads the
    // preprocessed source.
    // A qstr an #if natmodgen cannot decide chooses stays as written: the compiler expands it.
    const [nameArg, qstrArg] = ctx.cur.splitArgs(call.open, call.close);
    if (nameArg && ctx.usesMacro(nameArg)) {
      const exp = ctx.expandOne(nameArg.from, nameArg.to, "the type's C name");
      if (isOneIdent(exp)) head[0] = exp.filter((t) => t.kind !== 'directive')[0].text;
    }
    let typeNameAsWritten: string | undefined;
    if (qstrArg && ctx.usesMacro(qstrArg)) {
      const q = ctx.qstrThroughMacros(qstrArg.from, qstrArg.to, "the type's name");
      if (q) [head[1], typeNameAsWritten] = [q.qstr, q.asWritten];
    }
    if (args.length < 3 || !/^MP_QSTR_\w*$/.test(head[1])) {
      ctx.diagnostics.push(
        diag('NMG2010', ctx.cur.span(i, call.close), {
          what: 'MP_DEFINE_CONST_OBJ_TYPE: expected (name, MP_QSTR_Name, flags, slot, value, ...)',
        }),
      );
      continue;
    }
    const { flags, rest } = flagsAndSlots(cur, args);
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
      typeNameAsWritten,
      flags,
      slots,
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return out;
}

/**
 * The flags argument (its C text) and the slot arguments after it. Flags chosen by `#if` (`#if X`,
 * `A,`, `#else`, `B,`, `#endif`, then the slots) hold a comma in each branch, so they run over
 * arguments until the group closes: the text keeps the directives on lines of their own (each
 * branch's value without its comma), and the slots start after the `#endif`.
 */
function flagsAndSlots(cur: Cursor, args: TokRange[]): { flags: string; rest: TokRange[] } {
  let depth = 0;
  const lines: string[] = [];
  let code: string[] = [];
  const text = () => [...lines, joinTokens(code), ''].join('\n');
  for (let k = 2; k < args.length; k++) {
    const r = args[k];
    for (let i = r.from; i <= r.to; i++) {
      if (k > 2 && depth === 0) return { flags: text(), rest: [{ from: i, to: r.to }, ...args.slice(k + 1)] };
      const t = cur.tokens[i];
      if (t.kind !== 'directive') {
        code.push(t.text);
        continue;
      }
      const kw = t.directive?.keyword ?? '';
      if (kw === 'if' || kw === 'ifdef' || kw === 'ifndef') depth++;
      else if (kw === 'endif') depth--;
      lines.push(joinTokens(code), t.text.trim());
      code = [];
    }
    if (depth <= 0) return k === 2 ? { flags: cur.source(r).trim(), rest: args.slice(3) } : { flags: text(), rest: args.slice(k + 1) };
  }
  return { flags: cur.source(args[2]).trim(), rest: args.slice(3) };
}

/** Types defined inside a function body, each with where its function starts (the storage goes before it). */
export function inFunctions(ctx: ExtractContext, decls: ObjTypeDecl[]): ObjTypeDecl[] {
  return decls.map((d) => {
    if (ctx.atFileScope(d.span.start)) return d;
    const node = ctx.file.tree.rootNode.descendantForIndex(d.span.start);
    const fn = node ? enclosingFunction(node) : undefined;
    return fn ? { ...d, hoistBefore: fn.startIndex } : d;
  });
}

/** Whether an expansion is a single identifier (directives aside). */
function isOneIdent(exp: { kind: string }[]): boolean {
  const code = exp.filter((t) => t.kind !== 'directive');
  return code.length === 1 && code[0].kind === 'ident';
}

/** One `MP_OBJ_TYPE_SET_SLOT`: at a fixed index, or counted at run time when `#if` sits among the slots. */
export interface ObjTypeSlotView extends View<'obj-type-slot' | 'obj-type-slot-counted'> {
  storage: string;
  slot: string;
  value: string;
  index: number;
}

/** The full type in writable storage and the function that fills it at import. */
export interface ObjTypeView extends View<'obj-type'> {
  storage: string;
  /** The storage's symbol when not its C name (src/plan/index.ts typeSymbol). */
  asmName?: string;
  initFn: string;
  /** The flags to set at import; absent when they are zero. */
  flags?: string;
  typeName: string;
  /** The name's qstr as the module writes it (its macro's use), when the compiler must choose it. */
  typeNameAsWritten?: string;
  slots: Array<ObjTypeSlotView | DirectiveLineView>;
}

/** MP_DEFINE_CONST_OBJ_TYPE → an mp_obj_full_type_t built at import; the name stays usable through an alias. */
export const objType = construct({
  name: 'obj-type',
  queries: ['obj-type'],
  templates: ['obj-type', 'obj-type-slot', 'obj-type-slot-counted'],
  kind: 'obj_type',
  // Types written as struct initialisers (before MicroPython v1.20) become the same declaration.
  extract: (ctx) => inFunctions(ctx, [...extractObjTypes(ctx), ...extractStructTypes(ctx)]),
  plan: ({ decl }, ctx) => {
    const partial = hasDirectives(decl.slots) ? 'obj-type-slot-counted' : 'obj-type-slot';
    const storage = ctx.typeStorage(decl);
    const view: ObjTypeView = {
      partial: 'obj-type',
      storage,
      asmName: names.typeSymbol(decl),
      initFn: names.typeInit(decl.name),
      // the storage is zero when the .mpy loads (BSS): no flags, no code
      flags: isZeroInit(decl.flags) || decl.flags.trim() === 'MP_TYPE_FLAG_NONE' ? undefined : decl.flags,
      typeName: decl.typeName,
      typeNameAsWritten: decl.typeNameAsWritten,
      slots: condLines(decl.slots, (s, index) => [
        ...ctx.sourceLine(s.span.line),
        { partial, storage, slot: s.slot, value: s.value, index },
      ]),
    };
    // A type defined in a function: its storage and init function go before the function, which
    // names it through the same alias as a file-scope type.
    const at = decl.hoistBefore;
    const moved: RemovedView = { partial: 'removed', what: `type ${decl.name}, moved before the function,` };
    return {
      edits:
        at === undefined
          ? [{ start: decl.span.start, end: decl.span.end, view }]
          : [
              { start: at, end: at, view },
              { start: decl.span.start, end: decl.span.end, view: moved },
            ],
      init: [{ phase: 'type', lines: guarded(decl.cond, [call(names.typeInit(decl.name))]) }],
    };
  },
});
