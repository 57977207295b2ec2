/**
 * Evaluates a `#if` expression with three-valued results: a number when every macro
 * it needs is known, undefined when it depends on something natmodgen cannot see
 * (py/mpconfig.h defaults, the port, the architecture).
 */
export type Known = number | undefined;

export interface MacroTable {
  /** Object-like macro bodies; null for a macro known to be undefined. */
  get(name: string): string | null | undefined;
}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function lex(s: string): Tok[] | undefined {
  const out: Tok[] = [];
  const re = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%<>!~&|^?:()]))/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: /^0\d/.test(m[1]) ? parseInt(m[1], 8) : Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'id', v: m[2] });
    else out.push({ t: 'op', v: m[3] });
  }
  return out;
}

const BINARY: Array<[string[], (a: number, b: number) => number]> = [
  [['*', '/', '%'], (a) => a],
  [['+', '-'], (a) => a],
  [['<<', '>>'], (a) => a],
  [['<', '>', '<=', '>='], (a) => a],
  [['==', '!='], (a) => a],
  [['&'], (a) => a],
  [['^'], (a) => a],
  [['|'], (a) => a],
];

function apply(op: string, a: number, b: number): Known {
  switch (op) {
    case '*': return a * b;
    case '/': return b === 0 ? undefined : Math.trunc(a / b);
    case '%': return b === 0 ? undefined : a % b;
    case '+': return a + b;
    case '-': return a - b;
    case '<<': return a * 2 ** b;
    case '>>': return Math.floor(a / 2 ** b);
    case '<': return +(a < b);
    case '>': return +(a > b);
    case '<=': return +(a <= b);
    case '>=': return +(a >= b);
    case '==': return +(a === b);
    case '!=': return +(a !== b);
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
    default: return undefined;
  }
}

export function evaluate(expr: string, macros: MacroTable, depth = 0): Known {
  const toks = lex(expr);
  if (!toks || depth > 16) return undefined;
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;

  const primary = (): Known => {
    const t = toks[pos++];
    if (!t) return undefined;
    if (t.t === 'num') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = ternary();
      if (isOp(')')) pos++;
      return v;
    }
    if (t.t === 'op' && (t.v === '!' || t.v === '-' || t.v === '~' || t.v === '+')) {
      const v = primary();
      if (v === undefined) return undefined;
      return t.v === '!' ? +!v : t.v === '-' ? -v : t.v === '~' ? ~v : v;
    }
    if (t.t === 'id' && t.v === 'defined') {
      const paren = isOp('(');
      if (paren) pos++;
      const name = toks[pos++];
      if (paren && isOp(')')) pos++;
      if (!name || name.t !== 'id') return undefined;
      const m = macros.get(name.v);
      return m === undefined ? undefined : m === null ? 0 : 1;
    }
    if (t.t === 'id') {
      if (isOp('(')) return undefined; // function-like macro use
      const body = macros.get(t.v);
      if (body === null) return 0;
      if (body === undefined) return undefined;
      return evaluate(body, macros, depth + 1);
    }
    return undefined;
  };

  const binary = (level: number): Known => {
    if (level < 0) return primary();
    let a = binary(level - 1);
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !BINARY[level][0].includes(t.v)) return a;
      pos++;
      const b = binary(level - 1);
      a = a === undefined || b === undefined ? undefined : apply(t.v, a, b);
    }
  };

  const logicalAnd = (): Known => {
    let a = binary(BINARY.length - 1);
    while (isOp('&&')) {
      pos++;
      const b = binary(BINARY.length - 1);
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
    const a = ternary();
    if (isOp(':')) pos++;
    const b = ternary();
    return c === undefined ? (a === b ? a : undefined) : c ? a : b;
  };

  const v = ternary();
  return pos === toks.length ? v : undefined;
}
