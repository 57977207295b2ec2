import { Span } from '../diagnostics/diagnostic';
import { Condition } from '../model/condition';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from './context';

/** What the file defines as functions, and every call by name in code that may be compiled. */
export function extractCalls(ctx: ExtractContext): { definedFunctions: Set<string>; calls: Array<{ name: string; span: Span; cond: Condition }> } {
  const definedFunctions = new Set<string>();
  for (const c of queryCaptures(ctx.file, 'function-definition')) definedFunctions.add(c.node.text);
  // Function-like macros inside ERROR recovery or conditionals still appear as directives.
  for (const t of ctx.file.tokens) {
    const m = t.directive?.keyword === 'define' ? /^([A-Za-z_]\w*)\(/.exec(t.directive.arg) : null;
    if (m) definedFunctions.add(m[1]);
  }
  const calls: Array<{ name: string; span: Span; cond: Condition }> = [];
  for (const i of ctx.anchors('call', 'call.name')) {
    if (!ctx.maybeCompiled(i)) continue;
    calls.push({ name: ctx.cur.text(i), span: ctx.cur.span(i), cond: ctx.condAt(i) });
  }
  return { definedFunctions, calls };
}
