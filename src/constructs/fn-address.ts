import { FnAddressDecl } from '../model/declarations';
import { ExtractContext } from '../extract/context';
import { runtimeIndex } from '../runtime';
import { construct, nothing } from './construct';

/** The runtime function (runtime/fnaddr.c) that stands for a dynruntime macro used by name. */
export function fnAddressName(name: string): string {
  return `natmodgen_fnaddr_${name}`;
}

/**
 * Names py/dynruntime.h makes function-like macros, used without a call: a pointer to the
 * firmware function (`{ MP_QSTR_len, mp_obj_len }`, `mp_sched_schedule(cb)`-style arguments,
 * `f = mp_obj_get_int;`). The macro expands only before `(`, so the compiler would take the
 * name for the firmware's function, which a natmod cannot link. Only names natmodgen's runtime
 * has a function for; not a member (`x.mp_obj_len`), not a name the module defines as its own
 * macro, and not a macro whose dynruntime definition is object-like.
 */
export function extractFnAddresses(ctx: ExtractContext): FnAddressDecl[] {
  const natmod = ctx.env.natmodMacros;
  if (!natmod) return [];
  const provided = runtimeIndex().provided;
  const { cur } = ctx;
  const toks = cur.tokens;
  const out: FnAddressDecl[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident' || !natmod.has(t.text)) continue;
    // A name the runtime defines as a function itself (mp_obj_get_int) is one already.
    const replacement = fnAddressName(t.text);
    if (!provided.has(replacement) || provided.has(t.text)) continue;
    const definition = natmod.get(t.text);
    if (definition !== undefined && !definition.startsWith('(')) continue;
    if (cur.is(i + 1, '(') || cur.is(i - 1, '.') || cur.is(i - 1, '->')) continue;
    if (ctx.userMacro(i) || !ctx.maybeCompiled(i)) continue;
    // A prototype or definition of the name by the module itself (`int mp_printf(...)` in a
    // header copy) is followed by `(`, so it never gets here; its own function is its own.
    out.push({
      kind: 'fn_address',
      name: t.text,
      span: cur.span(i, i),
      replacement,
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

/**
 * Nothing at the use: the unit's prelude makes the name natmodgen's function for the module's
 * code (`#pragma push_macro`, restored for natmodgen's code in the tail; src/plan/index.ts), so a
 * use inside a definition natmodgen rewrites, or inside a macro body, is covered as well.
 */
export const fnAddress = construct({
  name: 'fn-address',
  queries: [],
  templates: [],
  kind: 'fn_address',
  extract: extractFnAddresses,
  plan: nothing,
});
