import { DelegationDecl } from '../model/declarations';
import { ExtractContext, readMacroCall } from '../extract/context';
import { RemovedView, View } from '../plan/view';
import { construct } from './construct';
import { flatExpansion } from './registration';

/** MP_REGISTER_MODULE_DELEGATION(module_obj, handler). */
export function extractDelegations(ctx: ExtractContext): DelegationDecl[] {
  const out: DelegationDecl[] = [];
  for (const i of ctx.anchors('delegation', 'delegation.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    // Read as expanded (makemoduledefs.py reads the preprocessed source): `#define MOD m_module`.
    const args = ctx.cur.splitArgs(call.open, call.close).map((a) => (ctx.usesMacro(a) ? flatExpansion(ctx, a) : ctx.cur.flat(a)));
    if (args.length !== 2) continue;
    out.push({
      kind: 'delegation',
      name: args[1],
      moduleObj: args[0],
      handler: args[1],
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

/** The module's `__getattr__`, asking the handler (templates/partials/delegation.c.hbs). */
export interface DelegationView extends View<'delegation'> {
  handler: string;
}

/**
 * MP_REGISTER_MODULE_DELEGATION: a natmod's module has no delegation hook, so a module
 * `__getattr__` serves failed loads; mpy_init stores it (delegation-store).
 */
export const delegation = construct({
  name: 'delegation',
  queries: ['delegation'],
  templates: ['delegation', 'delegation-store'],
  kind: 'delegation',
  extract: extractDelegations,
  plan: ({ decl, role }) => {
    const view: DelegationView | RemovedView =
      role.kind === 'convert'
        ? { partial: 'delegation', handler: decl.handler }
        : { partial: 'removed', what: `delegation for ${decl.moduleObj}` };
    return { edits: [{ start: decl.span.start, end: decl.span.end, view }] };
  },
});
