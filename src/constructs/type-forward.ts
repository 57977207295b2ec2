import { TypeForwardDecl } from '../model/declarations';
import { ExtractContext, qualifiersBefore } from '../extract/context';
import { construct, nothing, removed } from './construct';

/** `[static|extern] const mp_obj_type_t name;` — a type declared ahead of its MP_DEFINE_CONST_OBJ_TYPE. */
export function extractTypeForwards(ctx: ExtractContext): TypeForwardDecl[] {
  const { cur } = ctx;
  const out: TypeForwardDecl[] = [];
  for (const i of ctx.anchors('type-forward', 'type_forward.type')) {
    const q = qualifiersBefore(cur, i, ctx);
    const nameIdx = i + 1;
    if (!q.isConst || cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, ';')) continue;
    const before = cur.text(q.first - 1);
    if (q.first > 0 && before !== ';' && before !== '}' && cur.tokens[q.first - 1].kind !== 'directive') continue;
    out.push({
      kind: 'type_forward',
      name: cur.text(nameIdx),
      span: cur.span(q.first, nameIdx + 1),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
    });
  }
  return out;
}

/** A forward declaration of a type the inputs define: the alias block declares it instead. */
export const typeForward = construct({
  name: 'type-forward',
  queries: ['type-forward'],
  templates: [],
  kind: 'type_forward',
  extract: extractTypeForwards,
  plan: ({ decl, role }) => (role.kind === 'remove' ? removed(decl, `forward declaration of ${decl.name}`) : nothing()),
});
