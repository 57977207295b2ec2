import { UnavailableUse } from '../model/declarations';
import { SHIMMED_FUNCTIONS, SHIMMED_OBJECTS } from '../model/natmod-abi';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';

/**
 * Calls of firmware functions natmodgen replaces with a generated equivalent, with the
 * shim that replaces them (other unprovided calls are checked in src/resolve/api-check.ts).
 */
export function extractUnavailable(ctx: ExtractContext): UnavailableUse[] {
  const out: UnavailableUse[] = [];
  for (const i of ctx.anchors('call', 'call.name')) {
    const name = ctx.cur.text(i);
    if (!ctx.maybeCompiled(i)) continue;
    const shim = SHIMMED_FUNCTIONS[name];
    if (!shim) continue;
    out.push({ kind: 'unavailable', name, shim, span: ctx.cur.span(i), cond: ctx.condAt(i), unit: ctx.unit, isStatic: false });
  }
  // Firmware objects are named, not called, so they are found by token.
  ctx.file.tokens.forEach((t, i) => {
    const shim = t.kind === 'ident' && ctx.maybeCompiled(i) ? SHIMMED_OBJECTS[t.text] : undefined;
    if (shim) out.push({ kind: 'unavailable', name: t.text, shim, span: ctx.cur.span(i), cond: ctx.condAt(i), unit: ctx.unit, isStatic: false });
  });
  return out;
}

/** Uses of what natmods cannot link: a generated equivalent where there is one (resolve reports the others). */
export const unavailable = construct({
  name: 'unavailable',
  queries: ['call'],
  templates: [],
  kind: 'unavailable',
  extract: extractUnavailable,
  plan: ({ decl }) => ({ edits: [], shims: decl.shim ? [decl.shim] : [] }),
});
