import { Span } from '../diagnostics/diagnostic';
import { Condition } from '../model/condition';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from './context';
import { Token } from '../parse/tokens';
import { PORT_VALUE_NAMES } from '../facts/reasons';

/** What the file defines as functions, and every call by name in code that may be compiled. */
type Call = { name: string; span: Span; cond: Condition };

export function extractCalls(ctx: ExtractContext): { definedFunctions: Set<string>; calls: Call[]; macroCalls: Call[] } {
  const definedFunctions = new Set<string>();
  const text = ctx.file.src.text;
  for (const c of queryCaptures(ctx.file, 'function-definition'))
    definedFunctions.add(text.slice(c.start ?? c.node.startIndex, c.end ?? c.node.endIndex));
  // Function-like macros inside ERROR recovery or conditionals still appear as directives.
  for (const t of ctx.file.tokens) {
    const m = t.directive?.keyword === 'define' ? /^([A-Za-z_]\w*)\(/.exec(t.directive.arg) : null;
    if (m) definedFunctions.add(m[1]);
  }
  const calls: Call[] = [];
  for (const i of ctx.anchors('call', 'call.name')) {
    if (!ctx.maybeCompiled(i)) continue;
    calls.push({ name: ctx.cur.text(i), span: ctx.cur.span(i), cond: ctx.condAt(i) });
  }
  // Port names used as values, not called (MP_HAL_PIN_FMT in a format string): checked like calls.
  // A concatenation ("a" NAME "b") is one string token: the names between its literals count too.
  ctx.file.tokens.forEach((t, i) => {
    if (t.kind === 'ident' && PORT_VALUE_NAMES.has(t.text) && ctx.maybeCompiled(i))
      calls.push({ name: t.text, span: ctx.cur.span(i), cond: ctx.condAt(i) });
    else if (t.kind === 'string' && /"\s*[A-Za-z_]/.test(t.text) && ctx.maybeCompiled(i)) {
      const code = t.text.replace(/"(?:[^"\\\n]|\\.)*"/g, (m) => ' '.repeat(m.length));
      for (const m of code.matchAll(/[A-Za-z_]\w*/g))
        if (PORT_VALUE_NAMES.has(m[0]))
          calls.push({ name: m[0], span: ctx.file.src.span(t.start + m.index, t.start + m.index + m[0].length), cond: ctx.condAt(i) });
    }
  });
  return { definedFunctions, calls, macroCalls: macroBodyCalls(ctx) };
}

/**
 * Calls written in the bodies of `#define`s that the file uses (an unused macro is never
 * compiled, so it cannot fail to link). A directive is one isolated token, so its text is
 * scanned with comments and literals blanked out, keeping offsets for the spans.
 */
function macroBodyCalls(ctx: ExtractContext): Call[] {
  // One pass over the tokens (a file has few #defines: no array per token).
  const used = new Set<string>();
  const defines: Array<{ i: number; t: Token; name: string; params: string; bodyAt: number; code: string }> = [];
  ctx.file.tokens.forEach((t, i) => {
    if (t.kind === 'ident') {
      if (ctx.maybeCompiled(i)) used.add(t.text);
      return;
    }
    if (t.directive?.keyword !== 'define' || !ctx.maybeCompiled(i)) return;
    const code = t.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => ' '.repeat(m.length));
    const head = /^\s*#\s*define\s+([A-Za-z_]\w*)(\([^)]*\))?/.exec(code);
    if (head) defines.push({ i, t, name: head[1], params: head[2] ?? '', bodyAt: head[0].length, code });
  });
  // Macros used only inside other used macros count as used too.
  for (let grew = true; grew;) {
    grew = false;
    for (const d of defines) {
      if (!used.has(d.name)) continue;
      for (const m of d.code.slice(d.bodyAt).matchAll(/[A-Za-z_]\w*/g)) {
        if (used.has(m[0])) continue;
        used.add(m[0]);
        grew = true;
      }
    }
  }
  const out: Call[] = [];
  for (const d of defines) {
    if (!used.has(d.name)) continue;
    const params = new Set(
      d.params
        .slice(1, -1)
        .split(',')
        .map((p) => p.trim()),
    );
    for (const m of d.code.slice(d.bodyAt).matchAll(/(?<![\w.>])([A-Za-z_]\w*)\s*\(/g)) {
      if (params.has(m[1])) continue;
      const start = d.t.start + d.bodyAt + m.index!;
      out.push({ name: m[1], span: ctx.file.src.span(start, start + m[1].length), cond: ctx.condAt(d.i) });
    }
  }
  return out;
}
