import { RootPointerDecl } from '../model/declarations';
import { ExtractContext, readMacroCall } from '../extract/context';
import { joinTokens } from '../extract/cursor';
import { construct } from './construct';
import { View } from '../plan/view';
import { rootPointerDeclaration } from '../plan/names';

/** MP_REGISTER_ROOT_POINTER(decl): the declaration becomes a global the GC scans (natmod BSS is scanned). */
export function extractRootPointers(ctx: ExtractContext): RootPointerDecl[] {
  const { cur } = ctx;
  const out: RootPointerDecl[] = [];
  for (const i of ctx.anchors('root-pointer', 'root_pointer.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    // Written with the module's macros (`mp_obj_t slots[N_SLOTS]`): the firmware collects the
    // declaration from the preprocessed source into mpstate.h, and natmodgen declares it ahead of
    // the code too, where those macros may not be defined yet. Read as expanded.
    const inner = { from: call.open + 1, to: call.close - 1 };
    if (ctx.usesMacro(inner)) {
      const exp = ctx.expandTokens(inner.from, inner.to).filter((t) => t.kind !== 'directive');
      const br = exp.findIndex((t) => t.text === '[');
      const at = (br >= 0 ? exp.slice(0, br) : exp).map((t) => t.kind).lastIndexOf('ident');
      if (at < 0) continue;
      out.push({
        kind: 'root_pointer',
        name: exp[at].text,
        template: `${joinTokens(exp.slice(0, at).map((t) => t.text))} %s${joinTokens(exp.slice(at + 1).map((t) => t.text))}`,
        span: cur.span(call.first, call.last),
        cond: ctx.condAt(i),
        unit: ctx.unit,
        isStatic: false,
      });
      continue;
    }
    const code = cur.codeTokens(inner);
    const bracket = code.findIndex((k) => cur.is(k, '['));
    const head = bracket >= 0 ? code.slice(0, bracket) : code;
    const nameIdx = [...head].reverse().find((k) => cur.tokens[k].kind === 'ident');
    if (nameIdx === undefined) continue;
    const text = cur.file.src.text;
    const from = cur.tokens[call.open + 1].start;
    const to = cur.tokens[call.close - 1].end;
    const t = cur.tokens[nameIdx];
    out.push({
      kind: 'root_pointer',
      name: t.text,
      template: `${text.slice(from, t.start)}%s${text.slice(t.end, to)}`,
      span: cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

export interface RootPointerView extends View<'root-pointer'> {
  declaration: string;
}

/** `MP_REGISTER_ROOT_POINTER(decl);`: a global in a natmod, and MP_STATE_VM(x) names it (see the alias block). */
export const rootPointer = construct({
  name: 'root-pointer',
  queries: ['root-pointer'],
  templates: ['root-pointer'],
  kind: 'root_pointer',
  extract: extractRootPointers,
  plan: ({ decl }) => {
    const view: RootPointerView = { partial: 'root-pointer', declaration: rootPointerDeclaration(decl) };
    return { edits: [{ start: decl.span.start, end: decl.span.end, view }] };
  },
});
