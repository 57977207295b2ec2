import { lexPP, PPToken } from './lexer';

/** A `#define` (or a `-D`): object-like when `params` is undefined (C11 6.10.3). */
export interface MacroDef {
  name: string;
  params?: string[];
  /** The last parameter takes the rest (`...` as `__VA_ARGS__`, or GNU `args...`). */
  variadic: boolean;
  body: PPToken[];
  /** Where it was defined: a file and offsets, or `<command line>` for -D. */
  file: string;
  start: number;
  end: number;
}

/**
 * What natmodgen knows of a name at one point: a definition, `null` when it is known
 * to be undefined, `'unknown'` when it depends on what natmodgen cannot see
 * (py/mpconfig.h defaults, the port, ARCH, or a #define under an undecidable #if).
 */
export type MacroState = MacroDef | null | 'unknown';

/** Looks a name up; `undefined` means nothing is known of it (treated like 'unknown'). */
export type MacroLookup = (name: string) => MacroState | undefined;

/** The tokens of a `#define` line after the `define` keyword → a definition, or undefined when malformed. */
export function parseDefine(toks: PPToken[], file: string): MacroDef | undefined {
  const nameTok = toks[0];
  if (!nameTok || nameTok.kind !== 'ident') return undefined;
  const start = nameTok.start;
  const end = toks.length ? toks[toks.length - 1].end : nameTok.end;
  const base = { name: nameTok.text, file, start, end };
  if (toks[1]?.text !== '(' || toks[1].space) return { ...base, variadic: false, body: toks.slice(1) };
  const params: string[] = [];
  let variadic = false;
  let i = 2;
  for (; i < toks.length && toks[i].text !== ')'; i++) {
    const t = toks[i];
    if (t.text === ',') continue;
    if (t.text === '...') {
      params.push('__VA_ARGS__');
      variadic = true;
    } else if (t.kind === 'ident') {
      if (toks[i + 1]?.text === '...') {
        variadic = true;
        i++;
      }
      params.push(t.text);
    } else return undefined;
  }
  if (toks[i]?.text !== ')') return undefined;
  return { ...base, params, variadic, body: toks.slice(i + 1) };
}

/** A `-D NAME[=VALUE]` or `-D F(x)=body` as the compiler takes it (no `=` means 1). */
export function commandLineDefine(d: { name: string; body: string }): MacroDef | undefined {
  // Offsets are meaningless for a -D: they would point into this synthetic line.
  const toks = lexPP(`${d.name} ${d.body}`);
  const def = parseDefine(toks, '<command line>');
  if (!def) return undefined;
  return { ...def, start: 0, end: 0 };
}

/** Two definitions are the same when their parameters and bodies spell the same (C11 6.10.3p2). */
export function sameDefinition(a: MacroDef, b: MacroDef): boolean {
  const body = (d: MacroDef) => d.body.map((t, i) => (i && t.space ? ' ' : '') + t.text).join('');
  return a.name === b.name && (a.params ?? []).join(',') === (b.params ?? []).join(',') && a.variadic === b.variadic && body(a) === body(b);
}
