import { MacroArgDecl } from '../model/declarations';
import { ExtractContext } from '../extract/context';

import { construct } from './construct';
import { View } from '../plan/view';

/**
 * Arguments of calls to the firmware functions py/dynruntime.h makes function-like macros,
 * with a comma inside braces and outside parentheses: `mp_obj_new_tuple(2, (mp_obj_t[]){a, b})`
 * is one argument to a function, three to a macro. Found by tokens; a name the module defines
 * as its own macro is the module's business.
 */
export function extractMacroArgs(ctx: ExtractContext): MacroArgDecl[] {
  const natmod = ctx.env.natmodMacros;
  if (!natmod) return [];
  const { cur } = ctx;
  const out: MacroArgDecl[] = [];
  const toks = cur.tokens;
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i];
    if (t.kind !== 'ident' || !natmod.has(t.text) || !cur.is(i + 1, '(')) continue;
    const definition = natmod.get(t.text);
    if ((definition !== undefined && !definition.startsWith('(')) || ctx.userMacro(i) || !ctx.maybeCompiled(i)) continue;
    const close = cur.closing(i + 1);
    if (close < 0) continue;
    for (const r of cur.splitArgs(i + 1, close)) {
      const code = cur.codeTokens(r);
      if (code.length === 0 || !commaInBraces(ctx, code)) continue;
      const first = code[0];
      const last = code[code.length - 1];
      out.push({
        kind: 'macro_arg',
        name: t.text,
        span: cur.span(first, last),
        firstToken: { start: toks[first].start, end: toks[first].end, text: toks[first].text },
        lastToken: { start: toks[last].start, end: toks[last].end, text: toks[last].text },
        cond: ctx.condAt(i),
        unit: ctx.unit,
        isStatic: false,
      });
    }
  }
  return out;
}

/** Whether a comma of the argument sits inside braces but in no parentheses of the argument. */
function commaInBraces(ctx: ExtractContext, code: number[]): boolean {
  let parens = 0;
  let braces = 0;
  for (const k of code) {
    const s = ctx.cur.text(k);
    if (s === '(' || s === '[') parens++;
    else if (s === ')' || s === ']') parens--;
    else if (s === '{') braces++;
    else if (s === '}') braces--;
    else if (s === ',' && parens === 0 && braces > 0) return true;
  }
  return false;
}

/** The argument's first or last token with the parenthesis before or after it. */
export interface MacroArgView extends View<'macro-arg-open' | 'macro-arg-close'> {
  token: string;
}

/**
 * The argument in parentheses: one argument to the macro too, the same expression to the
 * compiler. Its first and last tokens are rewritten (not text inserted beside them), so the
 * edit stays on the argument's own line in sync's blocks and leaves the tokens between alone.
 */
export const macroArg = construct({
  name: 'macro-arg',
  queries: [],
  templates: ['macro-arg-open', 'macro-arg-close'],
  kind: 'macro_arg',
  extract: extractMacroArgs,
  plan: ({ decl: d }) => {
    const open: MacroArgView = { partial: 'macro-arg-open', token: d.firstToken.text };
    const close: MacroArgView = { partial: 'macro-arg-close', token: d.lastToken.text };
    return {
      edits:
        d.firstToken.start === d.lastToken.start
          ? [{ start: d.firstToken.start, end: d.firstToken.end, view: { ...open, token: `${d.firstToken.text})` } }]
          : [
              { start: d.firstToken.start, end: d.firstToken.end, view: open },
              { start: d.lastToken.start, end: d.lastToken.end, view: close },
            ],
    };
  },
});
