import { PPToken } from './lexer';
import { expand, XToken } from './expand';
import { MacroLookup } from './macros';

/** A `#if` value: a number, or undefined when it depends on a macro natmodgen cannot know (C11 6.10.1). */
export type Known = number | undefined;

const UNKNOWN = '\u0000unknown';

/** Three-valued `defined NAME`; `headerMacro`: names MicroPython's headers define whatever the port. */
function definedValue(lookup: MacroLookup, name: string, headerMacro?: (name: string) => boolean): Known {
  const m = lookup(name);
  if (m === undefined && headerMacro?.(name)) return 1;
  if (m === undefined || m === 'unknown') return undefined;
  return m === null ? 0 : 1;
}

/**
 * Evaluates the tokens after `#if`/`#elif`: `defined` first, then macro expansion, then
 * the integer expression. Identifiers left after expansion are 0 when known to be
 * undefined and unknown otherwise; `a || b` and `a && b` are decided when one side decides.
 */
export function evaluateCondition(
  toks: PPToken[],
  lookup: MacroLookup,
  headerMacro?: (name: string) => boolean,
  hasInclude?: (spelled: string) => Known,
): Known {
  const pre: PPToken[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // `__has_include("x.h")` / `__has_include(<x.h>)` (C23, GCC 5): whether the build finds the header.
    if (t.kind === 'ident' && (t.text === '__has_include' || t.text === '__has_include_next') && toks[i + 1]?.text === '(') {
      let k = i + 2;
      while (k < toks.length && toks[k].text !== ')') k++;
      const spelled = toks
        .slice(i + 2, k)
        .map((x) => x.text)
        .join('');
      const v = t.text === '__has_include' ? hasInclude?.(spelled) : undefined;
      pre.push({ ...t, kind: v === undefined ? 'other' : 'number', text: v === undefined ? UNKNOWN : String(v) });
      i = k;
      continue;
    }
    if (t.kind === 'ident' && t.text === 'defined') {
      const paren = toks[i + 1]?.text === '(';
      const name = toks[i + (paren ? 2 : 1)];
      if (!name || name.kind !== 'ident' || (paren && toks[i + 3]?.text !== ')')) return undefined;
      i += paren ? 3 : 1;
      const v = definedValue(lookup, name.text, headerMacro);
      pre.push({ ...t, kind: v === undefined ? 'other' : 'number', text: v === undefined ? UNKNOWN : String(v) });
    } else pre.push(t);
  }
  const { tokens, truncated } = expand(pre, lookup);
  if (truncated) return undefined;
  return evaluateTokens(tokens, lookup);
}

function numberValue(text: string): Known {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9]\d*)[uUlL]*$/.exec(text);
  if (!m) return undefined;
  const d = m[1];
  if (/^0[xX]/.test(d)) return parseInt(d.slice(2), 16);
  if (/^0[bB]/.test(d)) return parseInt(d.slice(2), 2);
  if (/^0/.test(d)) return parseInt(d, 8) || 0;
  return Number(d);
}

function charValue(text: string): Known {
  const m = /^'(\\?.)'$/s.exec(text);
  if (!m) return undefined;
  const esc: Record<string, number> = { '\\n': 10, '\\t': 9, '\\0': 0, '\\r': 13, "\\'": 39, '\\\\': 92 };
  return m[1].length === 1 ? m[1].charCodeAt(0) : esc[m[1]];
}

const LEVELS: string[][] = [['*', '/', '%'], ['+', '-'], ['<<', '>>'], ['<', '>', '<=', '>='], ['==', '!='], ['&'], ['^'], ['|']];

function apply(op: string, a: number, b: number): Known {
  switch (op) {
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : Math.trunc(a / b);
    case '%':
      return b === 0 ? undefined : a % b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '<<':
      return a * 2 ** b;
    case '>>':
      return Math.floor(a / 2 ** b);
    case '<':
      return +(a < b);
    case '>':
      return +(a > b);
    case '<=':
      return +(a <= b);
    case '>=':
      return +(a >= b);
    case '==':
      return +(a === b);
    case '!=':
      return +(a !== b);
    case '&':
      return a & b;
    case '^':
      return a ^ b;
    case '|':
      return a | b;
    default:
      return undefined;
  }
}

/** Operator precedence over a flat token list: binary levels by an operand/operator stack. */
export function evaluateTokens(toks: XToken[] | PPToken[], lookup: MacroLookup): Known {
  let pos = 0;
  let bad = false;
  // Parentheses and `?:` nest through calls: bounded here so depth never follows the input.
  let nest = 0;
  const MAX_NEST = 256;
  const peek = (): PPToken | undefined => toks[pos];
  const isOp = (v: string) => peek()?.text === v && peek()?.kind === 'punct';

  const primary = (): Known => {
    const unary: string[] = [];
    while (peek() && peek()!.kind === 'punct' && ['!', '-', '~', '+'].includes(peek()!.text)) unary.push(toks[pos++].text);
    const t = toks[pos++];
    let v: Known;
    if (!t) {
      bad = true;
      return undefined;
    }
    if (t.kind === 'number') v = numberValue(t.text);
    else if (t.kind === 'char') v = charValue(t.text);
    else if (t.kind === 'other' && t.text === UNKNOWN) v = undefined;
    else if (t.text === '(' && t.kind === 'punct') {
      if (++nest > MAX_NEST) {
        bad = true;
        return undefined;
      }
      v = ternary();
      nest--;
      if (isOp(')')) pos++;
      else bad = true;
    } else if (t.kind === 'ident') {
      const m = lookup(t.text);
      if (isOp('(')) {
        // An unexpanded function-like use: a macro natmodgen does not know (or __has_include...).
        skipParens();
        v = undefined;
      } else v = m === null || (m && m !== 'unknown') ? 0 : t.text === 'true' ? 1 : t.text === 'false' ? 0 : undefined;
    } else {
      bad = true;
      return undefined;
    }
    for (let k = unary.length - 1; k >= 0; k--) {
      if (v === undefined) break;
      const op = unary[k];
      v = op === '!' ? +!v : op === '-' ? -v : op === '~' ? ~v : v;
    }
    return v;
  };

  const skipParens = (): void => {
    let depth = 0;
    while (pos < toks.length) {
      const t = toks[pos++];
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) return;
    }
  };

  const binary = (): Known => {
    // Shunting-yard over the eight binary levels.
    const vals: Known[] = [primary()];
    const ops: string[] = [];
    const level = (op: string) => LEVELS.findIndex((l) => l.includes(op));
    const reduce = () => {
      const b = vals.pop();
      const a = vals.pop();
      const op = ops.pop()!;
      vals.push(a === undefined || b === undefined ? undefined : apply(op, a, b));
    };
    for (;;) {
      const t = peek();
      const lv = t && t.kind === 'punct' ? level(t.text) : -1;
      if (lv < 0) break;
      while (ops.length && level(ops[ops.length - 1]) <= lv) reduce();
      ops.push(toks[pos++].text);
      vals.push(primary());
    }
    while (ops.length) reduce();
    return vals[0];
  };

  const logicalAnd = (): Known => {
    let a = binary();
    while (isOp('&&')) {
      pos++;
      const b = binary();
      a = a === 0 || b === 0 ? 0 : a === undefined || b === undefined ? undefined : 1;
    }
    return a;
  };

  const logicalOr = (): Known => {
    let a = logicalAnd();
    while (isOp('||')) {
      pos++;
      const b = logicalAnd();
      a = (a !== undefined && a !== 0) || (b !== undefined && b !== 0) ? 1 : a === undefined || b === undefined ? undefined : 0;
    }
    return a;
  };

  const ternary = (): Known => {
    const c = logicalOr();
    if (!isOp('?')) return c;
    pos++;
    if (++nest > MAX_NEST) {
      bad = true;
      return undefined;
    }
    const a = ternary();
    if (isOp(':')) pos++;
    else bad = true;
    const b = ternary();
    nest--;
    return c === undefined ? (a === b ? a : undefined) : c ? a : b;
  };

  const v = ternary();
  return bad || pos !== toks.length ? undefined : v;
}
