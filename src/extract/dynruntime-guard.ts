import { DynruntimeGuardDecl } from '../model/declarations';
import { mentionsDynruntime } from '../model/condition';
import { ExtractContext } from './context';
import { directiveText, rewrittenDirective } from './cond-items';

/**
 * `#if !MICROPY_ENABLE_DYNRUNTIME` and friends. Directives are single tokens in the
 * stream (tree-sitter splits them differently inside and outside initializers), so
 * this reads the tokens rather than a query.
 */
export function extractDynruntimeGuards(ctx: ExtractContext): DynruntimeGuardDecl[] {
  const out: DynruntimeGuardDecl[] = [];
  ctx.file.tokens.forEach((t, i) => {
    const d = t.directive;
    if (!d || !/^(if|ifdef|ifndef|elif|elifdef|elifndef)$/.test(d.keyword) || !mentionsDynruntime(d.arg)) return;
    out.push({ kind: 'dynruntime_guard', name: d.keyword, text: directiveText(ctx.cur, i), rewritten: rewrittenDirective(ctx.cur, i) ?? t.text, span: ctx.cur.span(i), cond: ctx.condAt(i), unit: ctx.unit, isStatic: false });
  });
  return out;
}
