import { lexPP, PPKind, PPToken } from './lexer';
import { MacroDef, MacroLookup } from './macros';

/**
 * A token after macro expansion. `start`/`end` are its use site in the file being
 * read: its own position when it was written there (also when it came through a
 * macro argument), else the span of the outermost invocation that produced it.
 */
export interface XToken extends PPToken {
  /** Names that must not expand again from here (Prosser's hide sets: no re-expansion of a macro inside itself). */
  hide: ReadonlySet<string>;
  /** The outermost macro whose expansion produced this token, for a related note at its definition. */
  macro?: MacroDef;
}

export interface ExpandResult {
  tokens: XToken[];
  /** True when a limit stopped expansion (nesting of arguments or output size): the result is then partial. */
  truncated: boolean;
}

/** Limits that keep expansion bounded whatever the input: argument nesting and tokens produced. */
export const MAX_ARG_NESTING = 64;
export const MAX_TOKENS = 200_000;

const EMPTY: ReadonlySet<string> = new Set();

export function fromPP(t: PPToken): XToken {
  return { ...t, hide: EMPTY };
}

/**
 * Expands macros in a token sequence as C11 6.10.3 does (rescanning, `#`, `##`,
 * `__VA_ARGS__`, hide sets). Names the lookup does not define stay as they are, so
 * a caller makes a macro opaque simply by not returning it.
 */
export function expand(input: PPToken[], lookup: MacroLookup): ExpandResult {
  const state = { produced: 0, truncated: false };
  const tokens = expandSeq(
    input.map((t) => ('hide' in t ? (t as XToken) : fromPP(t))),
    lookup,
    0,
    state,
  );
  return { tokens, truncated: state.truncated };
}

interface State {
  produced: number;
  truncated: boolean;
}

function definition(lookup: MacroLookup, name: string): MacroDef | undefined {
  const m = lookup(name);
  return m && m !== 'unknown' ? m : undefined;
}

// The loop rescans by pushing replacements back on a work stack; only argument
// pre-expansion nests, and that is capped by MAX_ARG_NESTING.
function expandSeq(input: XToken[], lookup: MacroLookup, depth: number, state: State): XToken[] {
  const pending = input.slice().reverse();
  const out: XToken[] = [];
  while (pending.length) {
    const t = pending.pop()!;
    const m = t.kind === 'ident' && !t.hide.has(t.text) ? definition(lookup, t.text) : undefined;
    if (!m || state.truncated) {
      out.push(t);
      continue;
    }
    let repl: XToken[];
    if (m.params === undefined) {
      repl = substitute(m, [], union(t.hide, m.name), t, t, lookup, depth, state);
    } else {
      if (pending[pending.length - 1]?.text !== '(') {
        out.push(t);
        continue;
      }
      const call = collectArgs(pending, m);
      if (!call) {
        out.push(t);
        continue;
      }
      const hs = union(intersect(t.hide, call.close.hide), m.name);
      repl = substitute(m, call.args, hs, t, call.close, lookup, depth, state);
    }
    state.produced += repl.length;
    if (state.produced > MAX_TOKENS) {
      state.truncated = true;
      out.push(t);
      continue;
    }
    for (let k = repl.length - 1; k >= 0; k--) pending.push(repl[k]);
  }
  return out;
}

/** Pops `( args )` off the work stack (top is `(`); undefined (stack untouched) when the `)` is missing. */
function collectArgs(pending: XToken[], m: MacroDef): { args: XToken[][]; close: XToken } | undefined {
  const args: XToken[][] = [[]];
  let depth = 0;
  for (let k = pending.length - 2; k >= 0; k--) {
    const t = pending[k];
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      if (depth === 0) {
        pending.length = k;
        const n = m.params!.length;
        // `F()` passes one empty argument; a macro with no parameters takes none.
        if (n === 0 && args.length === 1 && args[0].length === 0) return { args: [], close: t };
        return { args, close: t };
      }
      depth--;
    } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length >= m.params!.length)) {
      args.push([]);
      continue;
    }
    args[args.length - 1].push(t);
  }
  return undefined;
}

function substitute(
  m: MacroDef,
  args: XToken[][],
  hs: ReadonlySet<string>,
  site: XToken,
  close: XToken,
  lookup: MacroLookup,
  depth: number,
  state: State,
): XToken[] {
  const params = m.params ?? [];
  const argOf = (name: string): XToken[] | undefined => {
    const k = params.indexOf(name);
    if (k < 0) return undefined;
    return args[k] ?? [];
  };
  const span = { start: site.start, end: Math.max(site.end, close.end) };
  const macro = site.macro ?? m;
  const fromBody = (t: PPToken, space: boolean): XToken => ({ ...t, start: span.start, end: span.end, space, bol: false, hide: hs, macro });
  const expanded = new Map<string, XToken[]>();
  const body = m.body;
  // Each result item is a token list; `##` joins the last token of the left list with the first of the right.
  const out: XToken[] = [];
  let pasteNext = false;
  for (let k = 0; k < body.length; k++) {
    const b = body[k];
    let piece: XToken[];
    if ((b.text === '#' || b.text === '%:') && m.params && body[k + 1] && argOf(body[k + 1].text) !== undefined) {
      const arg = argOf(body[++k].text)!;
      piece = [fromBody({ ...b, kind: 'string', text: stringize(arg) }, b.space)];
    } else if (b.text === '##' || b.text === '%:%:') {
      pasteNext = true;
      continue;
    } else {
      const arg = b.kind === 'ident' ? argOf(b.text) : undefined;
      if (arg === undefined) piece = [fromBody(b, b.space)];
      else {
        const raw = pasteNext || body[k + 1]?.text === '##' || body[k + 1]?.text === '%:%:';
        if (raw) piece = arg.map((a) => ({ ...a, hide: union2(a.hide, hs), macro: a.macro ?? macro }));
        else {
          let e = expanded.get(b.text);
          if (!e) {
            if (depth >= MAX_ARG_NESTING) {
              state.truncated = true;
              e = arg;
            } else e = expandSeq(arg, lookup, depth + 1, state);
            expanded.set(b.text, e);
          }
          piece = e.map((a) => ({ ...a, hide: union2(a.hide, hs), macro: a.macro ?? macro }));
        }
        if (piece.length) piece[0] = { ...piece[0], space: b.space };
      }
    }
    if (pasteNext && piece.length === 0 && m.variadic && b.text === params[params.length - 1] && out[out.length - 1]?.text === ',') {
      out.pop(); // GNU `, ## __VA_ARGS__` with no variable arguments drops the comma.
    } else if (pasteNext && out.length && piece.length) {
      const left = out.pop()!;
      const joined = paste(left, piece[0]);
      out.push(...joined, ...piece.slice(1));
    } else out.push(...piece);
    pasteNext = false;
  }
  if (out.length) out[0] = { ...out[0], space: site.space, bol: site.bol };
  return out;
}

/** `a ## b`: one token when the spellings form one, else both as they were (GCC reports an error there). */
function paste(a: XToken, b: XToken): XToken[] {
  const text = a.text + b.text;
  const lexed = lexPP(text);
  if (lexed.length !== 1) return [a, b];
  return [{ ...a, kind: lexed[0].kind as PPKind, text }];
}

/** `#x`: the argument's spelling with spacing collapsed, quotes and backslashes in literals escaped. */
export function stringize(arg: PPToken[]): string {
  let s = '';
  arg.forEach((t, i) => {
    if (i && t.space) s += ' ';
    s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => `\\${c}`) : t.text;
  });
  return `"${s}"`;
}

function union(a: ReadonlySet<string>, name: string): ReadonlySet<string> {
  if (a.has(name)) return a;
  const s = new Set(a);
  s.add(name);
  return s;
}

function union2(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const s = new Set(a);
  for (const n of b) s.add(n);
  return s;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  const s = new Set<string>();
  for (const n of a) if (b.has(n)) s.add(n);
  return s;
}

/** Spelling of an expansion: tokens joined with the spaces they had. */
export function spell(tokens: PPToken[]): string {
  let s = '';
  tokens.forEach((t, i) => {
    if (i && (t.space || merges(tokens[i - 1], t))) s += ' ';
    s += t.text;
  });
  return s;
}

/** Whether two tokens written without a space would lex as something else. */
function merges(a: PPToken, b: PPToken): boolean {
  if (/^[\w$]/.test(b.text) && /[\w$]$/.test(a.text)) return true;
  if (a.kind !== 'punct' || b.kind !== 'punct') return false;
  return lexPP(a.text + b.text)[0]?.text !== a.text;
}
