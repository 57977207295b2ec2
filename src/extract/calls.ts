import { Span } from '../diagnostics/diagnostic';
import { Condition } from '../model/condition';
import { loadQuery } from '../parse/queries';
import { ExtractContext } from './context';

/** What the file defines as functions, and every call by name in code that may be compiled. */
export function extractCalls(ctx: ExtractContext): { definedFunctions: Set<string>; calls: Array<{ name: string; span: Span; cond: Condition }> } {
  const definedFunctions = new Set<string>();
  for (const c of loadQuery('function-definition').captures(ctx.file.tree.rootNode)) definedFunctions.add(c.node.text);
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
  calls.push(...macroBodyCalls(ctx));
  return { definedFunctions, calls };
}

/**
 * Calls written in the body of a macro this file defines and uses (`#define RAISE(m) mp_raise_msg_varg(...)`):
 * the compiler makes them calls at each use, so they are checked like calls written out. Located in the body.
 */
function macroBodyCalls(ctx: ExtractContext): Array<{ name: string; span: Span; cond: Condition }> {
  const used = new Map<string, number>();
  ctx.file.tokens.forEach((t, i) => {
    if (t.kind === 'ident' && !used.has(t.text) && ctx.maybeCompiled(i)) used.set(t.text, i);
  });
  const out: Array<{ name: string; span: Span; cond: Condition }> = [];
  const macros = new Set(ctx.pp.definitions.map((d) => d.name));
  for (const d of ctx.pp.definitions) {
    const use = used.get(d.name);
    if (d.file !== ctx.file.path || use === undefined) continue;
    const params = new Set(d.params ?? []);
    d.body.forEach((b, k) => {
      if (b.kind !== 'ident' || d.body[k + 1]?.text !== '(' || params.has(b.text) || macros.has(b.text)) return;
      if (d.body[k - 1]?.text === '#' || d.body[k - 1]?.text === '##' || d.body[k + 1]?.text === '##') return;
      out.push({ name: b.text, span: ctx.file.src.span(b.start, b.end), cond: ctx.condAt(use) });
    });
  }
  return out;
}
