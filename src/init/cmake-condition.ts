import * as fs from 'fs';
import * as path from 'path';

/** An if() argument after ${} expansion: whether it was quoted matters to CMake. */
export interface CondToken {
  value: string;
  quoted: boolean;
  paren?: '(' | ')';
}

/** What the condition needs from the reader. */
export interface CondScope {
  get(name: string): string | undefined;
  baseDir: string;
}

/** Thrown for a condition natmodgen init cannot evaluate; the reader reports it. */
export class CondUnsupported extends Error {}

const UNARY = new Set([
  'DEFINED',
  'EXISTS',
  'IS_DIRECTORY',
  'IS_ABSOLUTE',
  'IS_SYMLINK',
  'COMMAND',
  'TARGET',
  'POLICY',
  'TEST',
  'IS_READABLE',
  'IS_WRITABLE',
  'IS_EXECUTABLE',
]);
const BINARY = new Set([
  'STREQUAL',
  'STRLESS',
  'STRGREATER',
  'STRLESS_EQUAL',
  'STRGREATER_EQUAL',
  'EQUAL',
  'LESS',
  'GREATER',
  'LESS_EQUAL',
  'GREATER_EQUAL',
  'MATCHES',
  'VERSION_EQUAL',
  'VERSION_LESS',
  'VERSION_GREATER',
  'VERSION_LESS_EQUAL',
  'VERSION_GREATER_EQUAL',
  'IN_LIST',
]);

/** CMake's false constants (case-insensitive), besides the empty string and anything ending in -NOTFOUND. */
function isFalseConstant(v: string): boolean {
  const u = v.toUpperCase();
  return u === '' || ['0', 'OFF', 'NO', 'FALSE', 'N', 'IGNORE', 'NOTFOUND'].includes(u) || u.endsWith('-NOTFOUND');
}

function isTrueConstant(v: string): boolean {
  const u = v.toUpperCase();
  return ['ON', 'YES', 'TRUE', 'Y'].includes(u) || (/^[+-]?\d+(\.\d*)?$/.test(v) && Number(v) !== 0);
}

/** Looks like a variable name by CMake convention (so an unset one is worth a warning). */
function looksLikeVariable(v: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(v) && /[A-Z]/.test(v) && v.length > 1;
}

/**
 * Evaluates the arguments of if()/elseif() as CMake does (NOT, AND, OR,
 * parentheses, the usual unary and binary tests, variables dereferenced when
 * unquoted). Unset variables it met are added to `unknown`.
 */
export function evalCmakeCondition(tokens: CondToken[], scope: CondScope, unknown: Set<string>): boolean {
  let i = 0;
  const peek = (): CondToken | undefined => tokens[i];
  const isWord = (t: CondToken | undefined, w: string) => t !== undefined && !t.quoted && !t.paren && t.value === w;
  const operand = (t: CondToken): string => {
    if (t.quoted) return t.value;
    const v = scope.get(t.value);
    if (v !== undefined) return v;
    if (looksLikeVariable(t.value)) unknown.add(t.value);
    return t.value;
  };
  const truthy = (t: CondToken): boolean => {
    if (isTrueConstant(t.value)) return true;
    if (isFalseConstant(t.value)) return false;
    if (t.quoted) return false;
    const v = scope.get(t.value);
    if (v === undefined) {
      unknown.add(t.value);
      return false;
    }
    return !isFalseConstant(v);
  };
  const next = (): CondToken => {
    const t = tokens[i++];
    if (!t) throw new CondUnsupported('the condition ends too early');
    return t;
  };

  const orExpr = (): boolean => {
    let v = andExpr();
    while (isWord(peek(), 'OR')) {
      i++;
      const w = andExpr();
      v = v || w;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (isWord(peek(), 'AND')) {
      i++;
      const w = notExpr();
      v = v && w;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (isWord(peek(), 'NOT')) {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = next();
    if (t.paren === '(') {
      const v = orExpr();
      if (next().paren !== ')') throw new CondUnsupported("missing ')'");
      return v;
    }
    if (t.paren) throw new CondUnsupported(`unexpected '${t.paren}'`);
    if (!t.quoted && UNARY.has(t.value)) return unary(t.value, next());
    const op = peek();
    if (op && !op.quoted && !op.paren && BINARY.has(op.value)) {
      i++;
      return binary(t, op.value, next());
    }
    return truthy(t);
  };
  const unary = (op: string, t: CondToken): boolean => {
    const p = path.resolve(scope.baseDir, t.value);
    switch (op) {
      case 'DEFINED': {
        const defined = scope.get(t.value) !== undefined;
        if (!defined) unknown.add(t.value);
        return defined;
      }
      case 'EXISTS':
        return fs.existsSync(p);
      case 'IS_DIRECTORY':
        return fs.existsSync(p) && fs.statSync(p).isDirectory();
      case 'IS_ABSOLUTE':
        return path.isAbsolute(t.value);
      default:
        throw new CondUnsupported(`${op} tests`);
    }
  };
  const binary = (l: CondToken, op: string, r: CondToken): boolean => {
    const a = operand(l);
    const b = op === 'IN_LIST' ? (scope.get(r.value) ?? '') : operand(r);
    switch (op) {
      case 'STREQUAL':
        return a === b;
      case 'STRLESS':
        return a < b;
      case 'STRGREATER':
        return a > b;
      case 'STRLESS_EQUAL':
        return a <= b;
      case 'STRGREATER_EQUAL':
        return a >= b;
      case 'EQUAL':
      case 'LESS':
      case 'GREATER':
      case 'LESS_EQUAL':
      case 'GREATER_EQUAL':
        return compare(Number(a) - Number(b), op);
      case 'MATCHES':
        return new RegExp(b).test(a);
      case 'IN_LIST':
        return b.split(';').includes(a);
      default:
        return compare(versionCompare(a, b), op.replace('VERSION_', ''));
    }
  };

  const v = orExpr();
  if (i < tokens.length) throw new CondUnsupported(`unexpected '${tokens[i].value}'`);
  return v;
}

function compare(d: number, op: string): boolean {
  if (Number.isNaN(d)) return false;
  switch (op) {
    case 'EQUAL':
      return d === 0;
    case 'LESS':
      return d < 0;
    case 'GREATER':
      return d > 0;
    case 'LESS_EQUAL':
      return d <= 0;
    default:
      return d >= 0;
  }
}

function versionCompare(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
