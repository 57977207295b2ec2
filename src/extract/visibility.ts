import { lexPP, PPToken } from '../preprocess';

const NOT_DEFAULT = new Set(['"hidden"', '"internal"', '"protected"']);
const WORDS = new Set(['visibility', '__visibility__']);

/**
 * Whether the file, a header it includes or a macro body gives a symbol a visibility other than
 * default (`__attribute__((visibility("hidden")))`, as libraries built as shared objects mark
 * their internals). GCC then addresses such data directly (x86-64 R_X86_64_PC32, ARM GOT-relative)
 * instead of through the GOT, and tools/mpy_ld.py reaches BSS only through the GOT: the
 * natmod's prelude reads every such attribute as default (`defaultVisibility` of the prelude view).
 * False also when a `visibility` word is used in any other shape (a function or field of that
 * name): a macro of the name would change that code.
 */
export function hidesSymbols(texts: Array<string | undefined>, macroBodies: PPToken[][]): boolean {
  let found = false;
  const scan = (toks: PPToken[]): boolean => {
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].kind !== 'ident' || !WORDS.has(toks[i].text) || toks[i + 1]?.text !== '(') continue;
      const arg = toks[i + 2];
      if (arg?.kind !== 'string' || toks[i + 3]?.text !== ')') return false;
      if (NOT_DEFAULT.has(arg.text)) found = true;
    }
    return true;
  };
  for (const text of texts) if (text !== undefined && text.includes('visibility') && !scan(lexPP(text))) return false;
  for (const body of macroBodies) if (body.some((t) => WORDS.has(t.text)) && !scan(body)) return false;
  return found;
}
