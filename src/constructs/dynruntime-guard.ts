import { DynruntimeGuardDecl } from '../model/declarations';
import { CondBranch, testsFirmwareSide } from '../model/condition';
import { ExtractContext } from '../extract/context';
import { directiveText, rewrittenDirective } from '../extract/cond-items';
import { construct } from './construct';
import { View } from '../plan/view';

/**
 * `#if !MICROPY_ENABLE_DYNRUNTIME` and friends, and `#ifdef` / `defined()` tests of names that are
 * firmware functions but py/dynruntime.h macros (ExtractContext.firmwareUndefined). Directives are single tokens in the
 * stream (tree-sitter splits them differently inside and outside initializers), so
 * this reads the tokens rather than a query.
 */
export function extractDynruntimeGuards(ctx: ExtractContext): DynruntimeGuardDecl[] {
  const out: DynruntimeGuardDecl[] = [];
  ctx.file.tokens.forEach((t, i) => {
    const d = t.directive;
    if (!d || !/^(if|ifdef|ifndef|elif|elifdef|elifndef)$/.test(d.keyword)) return;
    if (!testsFirmwareSide({ keyword: d.keyword as CondBranch['keyword'], arg: d.arg }, ctx.cur.firmwareUndefined)) return;
    out.push({
      kind: 'dynruntime_guard',
      name: d.keyword,
      text: directiveText(ctx.cur, i),
      rewritten: rewrittenDirective(ctx.cur, i) ?? t.text,
      span: ctx.cur.span(i),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  });
  return out;
}

/** The directive rewritten to the firmware side; sync keeps the original in a comment. */
export interface DynruntimeGuardView extends View<'dynruntime-guard'> {
  text: string;
  rewritten: string;
}

/** `#if !MICROPY_ENABLE_DYNRUNTIME` is read as in the firmware build, so those definitions are converted. */
export const dynruntimeGuard = construct({
  name: 'dynruntime-guard',
  queries: [],
  templates: ['dynruntime-guard'],
  kind: 'dynruntime_guard',
  extract: extractDynruntimeGuards,
  plan: ({ decl }) => {
    const view: DynruntimeGuardView = { partial: 'dynruntime-guard', text: decl.text, rewritten: decl.rewritten };
    return { edits: [{ start: decl.span.start, end: decl.span.end, view, rewrittenDirective: decl.rewritten }] };
  },
});
