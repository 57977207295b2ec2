import { ObjTypeDecl, asQstr } from '../model/declarations';
import { ExtractContext, readMacroCall } from '../extract/context';
import { construct } from './construct';
import { inFunctions } from './obj-type';

/** MP_DEFINE_EXCEPTION(Name, Base) (py/objexcept.h) is MP_DEFINE_CONST_OBJ_TYPE with the exception slots. */
export function extractExceptions(ctx: ExtractContext): ObjTypeDecl[] {
  const { cur } = ctx;
  const out: ObjTypeDecl[] = [];
  for (const i of ctx.anchors('exception', 'exception.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    const args = cur.splitArgs(call.open, call.close).map((a) => cur.flat(a));
    if (args.length !== 2) continue;
    const span = cur.span(call.first, call.last);
    const slot = (s: 'make_new' | 'print' | 'attr' | 'parent', value: string) => ({
      kind: 'item' as const,
      item: { slot: s, value, span },
    });
    out.push({
      kind: 'obj_type',
      name: `mp_type_${args[0]}`,
      typeName: asQstr(args[0]),
      flags: 'MP_TYPE_FLAG_NONE',
      slots: [
        slot('make_new', 'mp_obj_exception_make_new'),
        slot('print', 'mp_obj_exception_print'),
        slot('attr', 'mp_obj_exception_attr'),
        slot('parent', `&mp_type_${args[1]}`),
      ],
      span,
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: call.isStatic,
    });
  }
  return inFunctions(ctx, out);
}

/** MP_DEFINE_EXCEPTION gives an obj_type declaration, planned by src/constructs/obj-type.ts. */
export const exception = construct({
  name: 'exception',
  queries: ['exception'],
  templates: [],
  kind: 'obj_type',
  extract: extractExceptions,
});
