import type { SyntaxNode } from 'tree-sitter';
import { RuntimeObjDecl } from '../model/declarations';
import { Span } from '../diagnostics/diagnostic';
import { queryMatches } from '../parse/queries';
import { choiceLeaves, choiceText, ExtractContext, qualifiersBefore, readMacroCall, testedNames } from '../extract/context';
import { insideFunction } from '../extract/declarator';
import { Cursor, joinTokens } from '../extract/cursor';
import { Token } from '../parse/tokens';
import { construct } from './construct';
import { baseTypeExpr } from '../plan/c';
import { call, guarded } from '../plan/lines';
import { names } from '../plan/names';
import { LINKABLE, runtimeValue } from '../model/firmware';
import { View } from '../plan/view';

/** The macros of py/objstr.h and py/obj.h that define an object with a firmware base type: its C type, base, initial value with the base `NULL`. */
export const RUNTIME_OBJ_MACROS: Record<string, { cType: string; baseType: string; init: (a: string[]) => string }> = {
  MP_DEFINE_STR_OBJ: { cType: 'mp_obj_str_t', baseType: 'str', init: (a) => `{{NULL}, 0, sizeof(${a[1]}) - 1, (const byte *)${a[1]}}` },
  MP_DEFINE_BYTES_OBJ: { cType: 'mp_obj_str_t', baseType: 'bytes', init: (a) => `{{NULL}, 0, (${a[2]}), (const byte *)(${a[1]})}` },
  MP_DEFINE_CONST_STATICMETHOD_OBJ: {
    cType: 'mp_rom_obj_static_class_method_t',
    baseType: 'staticmethod',
    init: (a) => `{{NULL}, ${a[1]}}`,
  },
  MP_DEFINE_CONST_CLASSMETHOD_OBJ: { cType: 'mp_rom_obj_static_class_method_t', baseType: 'classmethod', init: (a) => `{{NULL}, ${a[1]}}` },
};

/** Constant objects whose base type is a firmware type (see grammar-queries/runtime-obj.scm). */
export function extractRuntimeObjs(ctx: ExtractContext): RuntimeObjDecl[] {
  const { cur } = ctx;
  const out: RuntimeObjDecl[] = [];
  for (const i of ctx.anchors('runtime-obj', 'runtime_obj.macro')) {
    // Inside a function the object is a static local (src/constructs/static-local.ts moves it out).
    if (!ctx.atFileScope(cur.tokens[i].start)) continue;
    const call = readMacroCall(ctx, i);
    const m = RUNTIME_OBJ_MACROS[cur.text(i)];
    if (!call || !m) continue;
    const args = cur.splitArgs(call.open, call.close).map((a) => cur.source(a).trim());
    out.push({
      kind: 'runtime_obj',
      name: args[0],
      cType: m.cType,
      baseType: m.baseType,
      init: m.init(args),
      span: cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  out.push(...throughModuleMacros(ctx));
  out.push(...withQualifierMacros(ctx));
  out.push(...initialiserMacros(ctx));
  for (const match of queryMatches(ctx.file, 'runtime-obj')) {
    const decl = match.captures.find((c) => c.name === 'runtime_obj.decl')?.node;
    const name = match.captures.find((c) => c.name === 'runtime_obj.name')?.node;
    if (!decl || !name || insideFunction(decl) || decl.hasError || !ctx.atFileScope(decl.startIndex)) continue;
    if (out.some((o) => o.name === name.text && o.span.start <= decl.startIndex && decl.startIndex < o.span.end)) continue;
    const d = fromDeclaration(ctx, decl, name);
    if (d) out.push({ ...d, name: macroNamed(ctx, name) ?? d.name });
  }
  for (const d of out) if (d.items) d.forwards = externsBefore(ctx, d.name, d.span.start);
  return out;
}

/**
 * `extern const mp_rom_obj_tuple_t name;` at file scope before the tuple's definition: uses
 * after it name the object mpy_init builds, so it declares that object's storage instead.
 */
function externsBefore(ctx: ExtractContext, name: string, before: number): Span[] {
  const { cur } = ctx;
  const out: Span[] = [];
  for (let i = 0; i < cur.tokens.length && cur.tokens[i].start < before; i++) {
    if (!cur.is(i, 'extern') || !ctx.atFileScope(cur.tokens[i].start)) continue;
    let j = i + 1;
    while (j < cur.tokens.length && /^[A-Za-z_]\w*$/.test(cur.text(j)) && !cur.is(j + 1, ';') && j - i < 6) j++;
    if (
      cur.is(j, name) &&
      cur.is(j + 1, ';') &&
      cur.tokens
        .slice(i + 1, j)
        .every((t) => /^(const|struct|_mp_obj_tuple_t|_mp_rom_obj_tuple_t|mp_obj_tuple_t|mp_rom_obj_tuple_t)$/.test(t.text))
    )
      out.push(cur.span(i, j + 1));
  }
  return out;
}

/**
 * File-scope uses of the module's own function-like macros that expand to such an object
 * (ulab's `ULAB_DEFINE_FLOAT_CONST(id, num, ...)` is `const mp_obj_float_t id##_obj = {{&mp_type_float}, (num)}`):
 * read from the expansion, the whole use (through its `;`) replaced.
 */
function throughModuleMacros(ctx: ExtractContext): RuntimeObjDecl[] {
  const { cur } = ctx;
  const out: RuntimeObjDecl[] = [];
  const toks = cur.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'ident' || !cur.is(i + 1, '(')) continue;
    const prev = toks[i - 1];
    if (prev && prev.kind !== 'directive' && !cur.is(i - 1, ';') && !cur.is(i - 1, '}')) continue;
    if (!ctx.atFileScope(toks[i].start) || !ctx.maybeCompiled(i)) continue;
    const m = ctx.userMacro(i);
    if (!m?.params) continue;
    const close = cur.closing(i + 1);
    if (close < 0) continue;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    const every = everyBranch(ctx, i, close, 'the object this use defines', (exp) => fromExpansion(ctx, exp));
    if (every === 'refused') {
      i = last;
      continue;
    }
    const d = every ?? fromExpansion(ctx, ctx.expandTokens(i, close));
    if (!d) continue;
    out.push({ kind: 'runtime_obj', ...d, span: cur.span(i, last), cond: ctx.condAt(i), unit: ctx.unit });
    i = last;
  }
  return out;
}

/**
 * `static const T name = MACRO(args);` where the module's function-like macro writes the braced
 * initialiser (`#define GETTER(f) {{&mp_type_property}, {MP_OBJ_FROM_PTR(&f), mp_const_none, mp_const_none}}`):
 * read from the declaration with the use expanded, the whole declaration replaced.
 */
function initialiserMacros(ctx: ExtractContext): RuntimeObjDecl[] {
  const { cur } = ctx;
  const out: RuntimeObjDecl[] = [];
  const toks = cur.tokens;
  for (let i = 1; i + 3 < toks.length; i++) {
    if (
      toks[i - 1].kind !== 'ident' ||
      toks[i].kind !== 'ident' ||
      !cur.is(i + 1, '=') ||
      toks[i + 2].kind !== 'ident' ||
      !cur.is(i + 3, '(')
    )
      continue;
    if (!ctx.atFileScope(toks[i].start) || !ctx.maybeCompiled(i) || !ctx.userMacro(i + 2)?.params) continue;
    const q = qualifiersBefore(cur, i - 1, ctx);
    if (q.first > 0 && !cur.is(q.first - 1, ';') && !cur.is(q.first - 1, '}') && toks[q.first - 1].kind !== 'directive') continue;
    const close = cur.closing(i + 3);
    if (close < 0) continue;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    const head = toks.slice(q.first, i + 2).flatMap((t, k) => {
      const words =
        k < i - 1 - q.first && !['static', 'const', 'extern'].includes(t.text) ? ctx.qualifierMacro(q.first + k, cur) : undefined;
      return words ? words.map((w) => ({ ...t, text: w })) : [t];
    });
    const tail = toks.slice(close + 1, last + 1);
    const every = everyBranch(ctx, i + 2, close, 'the initial value of this object', (exp) =>
      fromExpansion(ctx, [...head, ...exp, ...tail]),
    );
    if (every === 'refused') {
      i = last;
      continue;
    }
    const d = every ?? fromExpansion(ctx, [...head, ...ctx.expandTokens(i + 2, close), ...tail]);
    if (!d) continue;
    out.push({ kind: 'runtime_obj', ...d, span: cur.span(q.first, last), cond: ctx.condAt(i), unit: ctx.unit });
    i = last;
  }
  return out;
}

/** The name an object-like macro of the module (`#define MOD m_module`) written as the object's name stands for. */
function macroNamed(ctx: ExtractContext, name: SyntaxNode): string | undefined {
  const i = ctx.cur.indexAt(name.startIndex);
  if (i < 0 || !ctx.usesMacro({ from: i, to: i })) return undefined;
  const exp = ctx.expandTokens(i, i).filter((t) => t.kind !== 'directive');
  return exp.length === 1 && exp[0].kind === 'ident' ? exp[0].text : undefined;
}

/** Whether tokens name a value a natmod has only at run time (a qstr, a constant object, a firmware type). */
function holdsRuntimeValue(tokens: ReadonlyArray<{ kind: string; text: string }>): boolean {
  return tokens.some((t) => t.kind === 'ident' && runtimeValue(t.text));
}

/**
 * `STATIC const T name = {{&mp_type_X}, ...};`: a qualifier written as the module's own macro (the
 * `STATIC` of modules older than v1.21), where tree-sitter sees no declaration. Read from the
 * tokens with the macro's words in its place; plain declarations are the query's.
 */
function withQualifierMacros(ctx: ExtractContext): RuntimeObjDecl[] {
  const { cur } = ctx;
  const out: RuntimeObjDecl[] = [];
  const toks = cur.tokens;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i].kind !== 'ident' || toks[i + 1].kind !== 'ident' || !cur.is(i + 2, '=') || !cur.is(i + 3, '{')) continue;
    if (!ctx.atFileScope(toks[i].start) || !ctx.maybeCompiled(i)) continue;
    const q = qualifiersBefore(cur, i, ctx);
    const head = [...Array(i - q.first).keys()].map((k) => q.first + k);
    if (!head.some((k) => ctx.qualifierMacro(k, cur) && !['static', 'const', 'extern'].includes(cur.text(k)))) continue;
    const close = cur.closing(i + 3);
    if (close < 0) continue;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    const words = head.flatMap((k) => (['static', 'const', 'extern'].includes(cur.text(k)) ? [cur.text(k)] : ctx.qualifierMacro(k, cur)!));
    const d = fromExpansion(ctx, [
      ...words.map((w) => ({ ...toks[q.first], kind: 'ident' as const, text: w })),
      ...toks.slice(i, last + 1),
    ]);
    if (!d) continue;
    // A tuple is built with mp_obj_new_tuple from its items (its last field).
    let items: string[] | undefined;
    if (d.baseType === 'tuple') {
      const fields = cur.splitArgs(i + 3, close);
      const itemsOpen = cur.codeTokens(fields[fields.length - 1])[0];
      if (!cur.is(itemsOpen, '{')) continue;
      items = cur.splitArgs(itemsOpen, cur.closing(itemsOpen)).map((r) => cur.source(r).trim());
    }
    out.push({ kind: 'runtime_obj', ...d, items, span: cur.span(q.first, last), cond: ctx.condAt(i), unit: ctx.unit });
    i = last;
  }
  return out;
}

type ObjReading = Pick<RuntimeObjDecl, 'name' | 'cType' | 'baseType' | 'init' | 'isStatic' | 'dynamic'>;

/**
 * The object a use of the module's macros (tokens [from, to]) defines when branches of an `#if`
 * natmodgen cannot decide make it expand differently: one object, its initial value each branch's
 * under that `#if` (the compiler takes the build's), when every branch defines the same object (name,
 * C type, base type, storage); 'refused', with NMG2032 at the use saying `what` depends on the
 * `#if`, when they differ (one storage cannot be each branch's). Undefined when every build expands
 * the use alike, or no branch defines such an object.
 */
function everyBranch(ctx: ExtractContext, from: number, to: number, what: string, read: (exp: Token[]) => ObjReading | undefined) {
  const tree = ctx.choicesIn(from, to);
  if (tree?.kind !== 'choice') return undefined;
  const leaves = choiceLeaves(tree).map(read);
  if (leaves.every((l) => l === undefined)) return undefined;
  const first = leaves[0];
  const same = (l: ObjReading | undefined) =>
    l !== undefined &&
    l.name === first?.name &&
    l.cType === first.cType &&
    l.baseType === first.baseType &&
    !!l.isStatic === !!first.isStatic;
  const init = leaves.every(same) ? choiceText(tree, (exp) => read(exp)?.init) : undefined;
  if (!first || init === undefined) {
    ctx.undecidable(ctx.cur.tokens[from].start, ctx.cur.tokens[to].end, what, testedNames(tree));
    return 'refused' as const;
  }
  return { ...first, init, ...(leaves.some((l) => l?.dynamic) ? { dynamic: true } : {}) };
}

/** `[static] [const] T name = {{&mp_type_X}, ...}` as tokens → the object, or undefined. */
export function fromExpansion(
  ctx: ExtractContext,
  tokens: Token[],
): Pick<RuntimeObjDecl, 'name' | 'cType' | 'baseType' | 'init' | 'isStatic' | 'dynamic'> | undefined {
  const x = new Cursor(
    ctx.file,
    tokens.filter((t) => t.kind !== 'directive'),
  );
  const eq = x.tokens.findIndex((t) => t.text === '=');
  if (eq < 2 || !x.is(eq + 1, '{')) return undefined;
  const close = x.closing(eq + 1);
  if (close < 0 || (close !== x.tokens.length - 1 && !(close === x.tokens.length - 2 && x.is(close + 1, ';')))) return undefined;
  const head = x.tokens.slice(0, eq).map((t) => t.text);
  if (!head.every((w) => /^[A-Za-z_]\w*$/.test(w))) return undefined;
  const name = head[head.length - 1];
  const words = head.slice(0, -1).filter((w) => w !== 'const');
  const isStatic = words.includes('static');
  const type = words.filter((w) => w !== 'static');
  if (type.length === 0 || words.includes('extern') || words.includes('typedef')) return undefined;
  let k = eq + 2;
  if (x.is(k, '.') && x.is(k + 1, 'base') && x.is(k + 2, '=')) k += 3;
  if (!x.is(k, '{') || !x.is(k + 1, '&') || !x.is(k + 3, '}')) return undefined;
  const m = /^mp_type_(\w+)$/.exec(x.text(k + 2));
  if (!m || LINKABLE.has(m[1])) return undefined;
  const init = [...x.tokens.slice(eq + 1, k + 1), { ...x.tokens[k + 2], text: 'NULL' }, ...x.tokens.slice(k + 3, close + 1)];
  return {
    name,
    cType: type.join(' '),
    baseType: m[1],
    init: joinTokens(init.map((t) => t.text)),
    isStatic,
    ...(m[1] !== 'tuple' && holdsRuntimeValue(init) ? { dynamic: true } : {}),
  };
}

function fromDeclaration(ctx: ExtractContext, decl: SyntaxNode, name: SyntaxNode): RuntimeObjDecl | undefined {
  const { cur } = ctx;
  const text = ctx.file.src.text;
  const init = decl.childForFieldName('declarator')!.childForFieldName('value')!;
  const open = cur.indexAt(init.startIndex);
  const close = cur.closing(open);
  if (open < 0 || close < 0) return undefined;
  // The base is the first field: `{&mp_type_X}` or `.base = {&mp_type_X}`.
  let k = open + 1;
  if (cur.is(k, '.') && cur.is(k + 1, 'base') && cur.is(k + 2, '=')) k += 3;
  if (!cur.is(k, '{') || !cur.is(k + 1, '&')) return undefined;
  const typeTok = cur.tokens[k + 2];
  const m = typeTok ? /^mp_type_(\w+)$/.exec(typeTok.text) : null;
  if (!m || LINKABLE.has(m[1]) || !cur.is(k + 3, '}')) return undefined;
  const typeNode = decl.childForFieldName('type');
  const qualifiers = decl.namedChildren.filter((n) => n.type === 'type_qualifier' && n.text !== 'const').map((n) => n.text);
  const cType = [...qualifiers, typeNode ? text.slice(typeNode.startIndex, typeNode.endIndex) : ''].join(' ');
  const ampStart = cur.tokens[k + 1].start;
  const initText = text.slice(init.startIndex, ampStart) + 'NULL' + text.slice(typeTok.end, init.endIndex);
  let items: string[] | undefined;
  if (m[1] === 'tuple') {
    const fields = cur.splitArgs(open, close);
    const itemsRange = fields[fields.length - 1];
    const itemsOpen = cur.codeTokens(itemsRange)[0];
    if (!cur.is(itemsOpen, '{')) return undefined;
    items = cur.splitArgs(itemsOpen, cur.closing(itemsOpen)).map((r) => cur.source(r).trim());
  }
  const storage = decl.namedChildren.filter((n) => n.type === 'storage_class_specifier').map((n) => n.text);
  // The rest of the initialiser as the compiler sees it (the module's macros expanded).
  const dynamic = m[1] !== 'tuple' && holdsRuntimeValue(ctx.expandTokens(k + 3, close));
  return {
    kind: 'runtime_obj',
    name: name.text,
    cType,
    baseType: m[1],
    init: initText,
    ...(dynamic ? { dynamic: true } : {}),
    items,
    span: ctx.file.src.span(decl.startIndex, decl.endIndex),
    cond: ctx.condAt(cur.indexAt(decl.startIndex)),
    unit: ctx.unit,
    isStatic: storage.includes('static'),
  };
}

/** An object with a firmware base type: a copy of its initial value whose base is set at import. */
export interface RuntimeObjView extends View<'runtime-obj'> {
  name: string;
  storage: string;
  initFn: string;
  cType: string;
  init: string;
  typeExpr: string;
  /** A non-static object keeps its own name as a linker symbol, for `extern` uses in other files. */
  exported: boolean;
  /** The initial value holds run-time values: an automatic copy in the init function, not static data. */
  dynamic: boolean;
}

/** A tuple's `extern` declaration: the storage it names and its name for the object. */
export interface RuntimeObjTupleForwardView extends View<'runtime-obj-tuple-forward'> {
  name: string;
  storage: string;
}

/** A tuple: built with mp_obj_new_tuple at import. */
export interface RuntimeObjTupleView extends View<'runtime-obj-tuple'> {
  name: string;
  storage: string;
  initFn: string;
  count: number;
  items: string[];
}

/** A constant object with a firmware base type: writable storage filled at import. */
export const runtimeObj = construct({
  name: 'runtime-obj',
  queries: ['runtime-obj'],
  templates: ['runtime-obj', 'runtime-obj-tuple', 'runtime-obj-tuple-forward'],
  kind: 'runtime_obj',
  extract: extractRuntimeObjs,
  plan: ({ decl: d, role }, ctx) => {
    if (role.kind !== 'convert') return { edits: [] };
    const storage = names.objStorage(d.name, ctx.unitId);
    const initFn = names.objInit(d.name);
    const common = { name: d.name, storage, initFn };
    const view: RuntimeObjView | RuntimeObjTupleView = d.items
      ? { ...common, partial: 'runtime-obj-tuple', count: d.items.length, items: d.items }
      : {
          ...common,
          partial: 'runtime-obj',
          cType: d.cType,
          init: d.init,
          typeExpr: baseTypeExpr(d.baseType, ctx.moduleTypes),
          exported: !d.isStatic,
          dynamic: d.dynamic === true,
        };
    return {
      edits: [
        ...(d.items ? (d.forwards ?? []) : []).map((f) => ({
          start: f.start,
          end: f.end,
          view: { partial: 'runtime-obj-tuple-forward', name: d.name, storage } as RuntimeObjTupleForwardView,
        })),
        { start: d.span.start, end: d.span.end, view },
      ],
      init: [{ phase: 'object', lines: guarded(d.cond, [call(initFn)]) }],
    };
  },
});
