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

/**
 * Definitions of the -D and predefined macros already read. Every preprocess() reads the same few
 * hundred (py/mpconfig.h's values for the tree come first in each module's list): lexed once per
 * process, not once per run. Definitions are never changed by their readers.
 */
const commandLine = new Map<string, MacroDef | undefined>();

/** A `-D NAME[=VALUE]` or `-D F(x)=body` as the compiler takes it (no `=` means 1). */
export function commandLineDefine(d: { name: string; body: string }): MacroDef | undefined {
  // The predefined lists hand over the same objects run after run (natmod-config's cached values):
  // known by the object, while its name and body are the ones read, without building the key.
  const known = byObject.get(d);
  if (known && known.name === d.name && known.body === d.body) return known.def;
  const def = definitionOf(d);
  byObject.set(d, { name: d.name, body: d.body, def });
  return def;
}

const byObject = new WeakMap<object, { name: string; body: string; def: MacroDef | undefined }>();

function definitionOf(d: { name: string; body: string }): MacroDef | undefined {
  const key = `${d.name} ${d.body}`;
  if (commandLine.has(key)) return commandLine.get(key);
  // Offsets are meaningless for a -D: they would point into this synthetic line.
  const def = parseDefine(lexPP(key), '<command line>');
  const out = def && { ...def, start: 0, end: 0 };
  // A list that names new macros on every call (generated -D) must not grow the map without end.
  if (commandLine.size >= 4096) commandLine.clear();
  commandLine.set(key, out);
  return out;
}

/** Two definitions are the same when their parameters and bodies spell the same (C11 6.10.3p2). */
export function sameDefinition(a: MacroDef, b: MacroDef): boolean {
  const body = (d: MacroDef) => d.body.map((t, i) => (i && t.space ? ' ' : '') + t.text).join('');
  return a.name === b.name && (a.params ?? []).join(',') === (b.params ?? []).join(',') && a.variadic === b.variadic && body(a) === body(b);
}
