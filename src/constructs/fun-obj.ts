import { FunObjDecl } from '../model/declarations';
import { ExtractContext, readMacroCall } from '../extract/context';
import { diag } from '../diagnostics/catalog';
import { construct, nothing } from './construct';

const FUN_OBJ_MACRO = /^MP_DEFINE_CONST_FUN_OBJ_(0|1|2|3|VAR|VAR_BETWEEN|KW)$/;

/** MP_DEFINE_CONST_FUN_OBJ_*(name, fun[, ...]) → FunObjDecl. They compile unchanged in a natmod. */
export function extractFunObjs(ctx: ExtractContext): FunObjDecl[] {
  const out: FunObjDecl[] = [];
  for (const i of ctx.anchors('fun-obj', 'fun_obj.macro')) {
    const call = readMacroCall(ctx, i);
    const macro = ctx.cur.text(i);
    if (!call) {
      if (ctx.cur.is(i + 1, '(')) ctx.diagnostics.push(diag('NMG1005', ctx.cur.span(i), { name: macro }));
      continue;
    }
    const args = ctx.cur.splitArgs(call.open, call.close);
    if (args.length < 2) {
      ctx.diagnostics.push(diag('NMG2010', ctx.cur.span(i, call.close), { what: `${macro}: expected (name, function, ...)` }));
      continue;
    }
    out.push({
      kind: 'fun_obj',
      name: ctx.cur.flat(args[0]),
      macro,
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return [...out, ...helperFunObjs(ctx)];
}

/**
 * Function objects that a helper macro of the module defines at file scope, as py/modmath.c's
 * `MATH_FUN_1(sin, sin)` defines `mp_math_sin_obj`: found in the expansion, located at the use.
 */
function helperFunObjs(ctx: ExtractContext): FunObjDecl[] {
  const { cur } = ctx;
  const out: FunObjDecl[] = [];
  let depth = 0;
  for (let i = 0; i < cur.tokens.length; i++) {
    const t = cur.tokens[i];
    if (t.kind === 'punct' && (t.text === '{' || t.text === '}')) depth += t.text === '{' ? 1 : -1;
    if (depth !== 0 || t.kind !== 'ident') continue;
    const m = ctx.userMacro(i);
    if (!m) continue;
    const close = m.params ? cur.closing(i + 1) : i;
    if (close < 0) continue;
    // The definer is in the macro's body, in a macro it uses, or in a macro passed to it (an X-macro
    // list given its definer: `FUNS(DEFINE)`, or `FUNS` after `#define X(n) MP_DEFINE_CONST_FUN_OBJ_1(...)`).
    const used = [m.name, ...cur.tokens.slice(i + 2, close).flatMap((a) => (a.kind === 'ident' ? [a.text] : []))];
    if (!used.some((n) => reachesFunObjDefiner(ctx, n, t.start, new Set()))) continue;
    // Every branch of an #if natmodgen cannot decide: the objects one defines are the ones its tables name.
    const exp = ctx.expandTokens(i, close, undefined, { unit: 0 });
    for (let k = 0; k < exp.length; k++) {
      if (exp[k].kind !== 'ident' || !FUN_OBJ_MACRO.test(exp[k].text) || exp[k + 1]?.text !== '(') continue;
      const name = exp[k + 2];
      if (name?.kind !== 'ident') continue;
      const isStatic = exp[k - 1]?.text === 'static';
      out.push({
        kind: 'fun_obj',
        name: name.text,
        macro: exp[k].text,
        span: cur.span(i, close),
        cond: ctx.condAt(i),
        unit: ctx.unit,
        isStatic,
      });
    }
    i = close;
  }
  return out;
}

/**
 * Whether the module's macro `name` (as defined at `at`) writes a function object definer, itself or
 * through the macros its body names. `MP_DEFINE_CONST_FUN_OBJ_##kind` pastes the definer's name: its
 * prefix is enough to look.
 */
function reachesFunObjDefiner(ctx: ExtractContext, name: string, at: number, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const m = ctx.pp.definitionAt(name, at);
  if (!m) return false;
  return m.body.some(
    (b) => b.kind === 'ident' && (b.text.startsWith('MP_DEFINE_CONST_FUN_OBJ_') || reachesFunObjDefiner(ctx, b.text, at, seen)),
  );
}

/** Function objects are const and linkable as written: nothing to change. */
export const funObj = construct({
  name: 'fun-obj',
  queries: ['fun-obj'],
  templates: [],
  kind: 'fun_obj',
  extract: extractFunObjs,
  plan: nothing,
});
