import { UnavailableUse } from '../model/declarations';
import { unavailableReason } from '../model/natmod-abi';
import { runtimeIndex } from '../runtime';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';

/** Calls of functions natmods cannot link and natmodgen's runtime library does not define. */
export function extractUnavailable(ctx: ExtractContext): UnavailableUse[] {
  const out: UnavailableUse[] = [];
  const provided = runtimeIndex().provided;
  for (const i of ctx.anchors('call', 'call.name')) {
    const name = ctx.cur.text(i);
    if (!ctx.maybeCompiled(i) || provided.has(name) || !unavailableReason(name)) continue;
    out.push({ kind: 'unavailable', name, span: ctx.cur.span(i), cond: ctx.condAt(i), unit: ctx.unit, isStatic: false });
  }
  return out;
}

/** Uses of what natmods cannot link and natmodgen's runtime library does not provide (resolve reports them). */
export const unavailable = construct({
  name: 'unavailable',
  queries: ['call'],
  templates: [],
  kind: 'unavailable',
  extract: extractUnavailable,
  plan: () => ({ edits: [] }),
});
