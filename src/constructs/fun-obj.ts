import { FunObjDecl } from '../model/declarations';
import { ExtractContext, readMacroCall } from '../extract/context';
import { diag } from '../diagnostics/catalog';
import { construct, nothing } from './construct';

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
    out.push({ kind: 'fun_obj', name: ctx.cur.flat(args[0]), macro, span: ctx.cur.span(call.first, call.last), cond: ctx.condAt(i), unit: ctx.unit, isStatic: call.isStatic });
  }
  return out;
}

/** Function objects are const and linkable as written: nothing to change. */
export const funObj = construct({ name: 'fun-obj', queries: ['fun-obj'], templates: [], kind: 'fun_obj', extract: extractFunObjs, plan: nothing });
