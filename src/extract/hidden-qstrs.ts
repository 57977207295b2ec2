import { coreHeaderMacros } from '../facts';
import { Expansion, PPToken } from '../preprocess';
import { preprocessModule } from './module-pp';
import type { PreprocessEnv } from './context';

const QSTR = /\bMP_QSTR_\w*/g;

/**
 * The qstrs a unit uses that mpy_ld cannot find. mpy_ld gives a natmod the qstrs whose
 * `MP_QSTR_name` it finds in the text of the module's .c files; the firmware build finds them in
 * the preprocessed units. So a qstr that only the compiler sees is undefined in a natmod: one
 * written in the module's own headers (a `#define KEY MP_QSTR_key`, an inline function), or made
 * by pasting (`MP_QSTR_##name` in an X-macro). These are returned, in first-seen order; the unit
 * names them in a comment for mpy_ld's scan (src/render).
 */
export function hiddenQstrs(file: string, text: string, defines: Array<{ name: string; body: string }>, env: PreprocessEnv = {}): string[] {
  // Cheap test first: no header to read and no token pasting means mpy_ld sees every qstr.
  if (!text.includes('##') && !/^\s*#\s*include\s*"/m.test(text)) return [];
  const pp = preprocessModule(file, text, env, defines);
  const found = new Set<string>();
  for (const h of pp.included) for (const m of (env.readFile?.(h) ?? '').matchAll(QSTR)) found.add(m[0]);
  // A pasting macro of an included header (`#define Q(n) MP_QSTR_##n`) pastes in the unit's uses too.
  if (pp.definitions.some((d) => d.body.some((t) => t.text === '##'))) {
    const toks = pp.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.bol && t.text === '#') {
        while (i + 1 < toks.length && !toks[i + 1].bol) i++;
        continue;
      }
      if (t.kind !== 'ident' || pp.liveAt(t.start) === 'off') continue;
      const def = pp.definitionAt(t.text, t.start);
      if (!def || coreHeaderMacros().has(t.text)) continue;
      const last = def.params ? closingParen(toks, i + 1) : i;
      if (last < 0) continue;
      // Every branch of an #if natmodgen cannot decide: the compiler may take any of them.
      const collect = (e: Expansion): void => {
        if (e.kind === 'choice') e.branches.forEach((b) => collect(b.body));
        else for (const x of e.tokens) if (x.kind === 'ident' && x.text.startsWith('MP_QSTR_')) found.add(x.text);
      };
      collect(pp.expandChoicesAt(toks.slice(i, last + 1), t.start));
      i = last;
    }
  }
  const inText = new Set(Array.from(text.matchAll(QSTR), (m) => m[0]));
  return [...found].filter((q) => !inText.has(q));
}

function closingParen(toks: PPToken[], open: number): number {
  if (toks[open]?.text !== '(') return -1;
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    if (toks[k].bol && toks[k].text === '#') return -1;
    if (toks[k].text === '(') depth++;
    else if (toks[k].text === ')' && --depth === 0) return k;
  }
  return -1;
}
