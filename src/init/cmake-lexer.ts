import { diag } from '../diagnostics/catalog';
import { ReadStop } from './read-stop';
import { SpanMaker } from './text-span';

/** One argument of a CMake command as written: its raw text (without quotes or brackets) and where it starts. */
export interface CmakeArg {
  kind: 'unquoted' | 'quoted' | 'bracket' | 'paren';
  text: string;
  start: number;
  end: number;
}

export interface CmakeCommand {
  /** Lower case, as CMake command names are case-insensitive. */
  name: string;
  args: CmakeArg[];
  start: number;
  end: number;
}

/**
 * Splits CMake text into command invocations (`name(arg ...)`), with comments,
 * quoted, bracket and unquoted arguments as the CMake language defines them.
 * Nested parentheses are kept as `paren` arguments, as if() needs them.
 * Throws ReadStop (NMG4003) on text CMake would not accept.
 */
export function lexCmake(spans: SpanMaker): CmakeCommand[] {
  const s = spans.text;
  const out: CmakeCommand[] = [];
  let i = 0;
  const fail = (at: number, what: string): never => {
    throw new ReadStop(diag('NMG4003', spans.span(at), { what }));
  };
  const skipSpace = (newlines: boolean) => {
    for (;;) {
      while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || (newlines && s[i] === '\n'))) i++;
      if (s[i] !== '#') return;
      const br = bracketOpen(s, i + 1);
      if (br) {
        const close = s.indexOf(`]${br.eq}]`, i + 1 + br.len);
        if (close < 0) fail(i, 'unterminated bracket comment');
        i = close + br.eq.length + 2;
      } else {
        while (i < s.length && s[i] !== '\n') i++;
      }
    }
  };

  for (;;) {
    skipSpace(true);
    if (i >= s.length) return out;
    const start = i;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) fail(i, 'expected a command name');
    i += m![0].length;
    skipSpace(false);
    if (s[i] !== '(') fail(i, `expected '(' after ${m![0]}`);
    i++;
    const args: CmakeArg[] = [];
    let depth = 0;
    for (;;) {
      skipSpace(true);
      if (i >= s.length) fail(start, `unbalanced parentheses in ${m![0]}(...)`);
      const c = s[i];
      if (c === '(' || c === ')') {
        if (c === ')' && depth === 0) {
          i++;
          break;
        }
        depth += c === '(' ? 1 : -1;
        args.push({ kind: 'paren', text: c, start: i, end: i + 1 });
        i++;
        continue;
      }
      if (c === '"') {
        const a = i++;
        let text = '';
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) {
            text += s.slice(i, i + 2);
            i += 2;
          } else text += s[i++];
        }
        if (i >= s.length) fail(a, 'unterminated string');
        i++;
        args.push({ kind: 'quoted', text, start: a, end: i });
        continue;
      }
      const br = c === '[' ? bracketOpen(s, i) : undefined;
      if (br) {
        const a = i;
        const close = s.indexOf(`]${br.eq}]`, i + br.len);
        if (close < 0) fail(a, 'unterminated bracket argument');
        let text = s.slice(i + br.len, close);
        if (text.startsWith('\n')) text = text.slice(1);
        i = close + br.eq.length + 2;
        args.push({ kind: 'bracket', text, start: a, end: i });
        continue;
      }
      const a = i;
      let text = '';
      while (i < s.length && !/[\s()#"]/.test(s[i])) {
        if (s[i] === '\\' && i + 1 < s.length) {
          text += s.slice(i, i + 2);
          i += 2;
        } else if (s[i] === '$' && s[i + 1] === '{') {
          // ${...} may hold characters that end an unquoted argument elsewhere.
          const close = matchBrace(s, i + 2);
          if (close < 0) fail(i, 'unterminated variable reference');
          text += s.slice(i, close + 1);
          i = close + 1;
        } else text += s[i++];
      }
      args.push({ kind: 'unquoted', text, start: a, end: i });
    }
    out.push({ name: m![0].toLowerCase(), args, start, end: i });
  }
}

/** `[[`, `[=[`, `[==[`... at `i`: the `=` run and the opening's length. */
function bracketOpen(s: string, i: number): { eq: string; len: number } | undefined {
  const m = /^\[(=*)\[/.exec(s.slice(i, i + 64));
  return m ? { eq: m[1], len: m[0].length } : undefined;
}

function matchBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
    else if (s[i] === '\n') return -1;
  }
  return -1;
}
