import * as path from 'path';
import { Diagnostic, Result, Span } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { addFlags, addSource, emptyBuild, ModuleBuild } from './build-info';
import { MakeExpander, Seg, slice, topLevelIndex, trimSeg } from './mk-expand';
import { ReadStop } from './read-stop';
import { SpanMaker } from './text-span';

/** The variables a micropython.mk fills, as MicroPython's py/py.mk reads them (C sources first, then assembler). */
export const SOURCE_VARS = [
  'SRC_USERMOD_C',
  'SRC_USERMOD',
  'SRC_USERMOD_LIB_C',
  'SRC_USERMOD_LIB_ASM',
  'SRC_USERMOD_CXX',
  'SRC_USERMOD_LIB_CXX',
];
export const FLAG_VARS = ['CFLAGS_USERMOD'];
/** py/py.mk defines these as simply expanded before including the modules, so `+=` expands at once. */
export const PREDEFINED = [...SOURCE_VARS, ...FLAG_VARS, 'CXXFLAGS_USERMOD', 'LDFLAGS_USERMOD'];

interface Cond {
  /** This branch is being read. */
  active: boolean;
  /** Some branch of this conditional was taken. */
  taken: boolean;
  /** The enclosing text is being read. */
  outer: boolean;
  at: Span;
}

/**
 * Reads a user C module's micropython.mk the way make would with USERMOD_DIR
 * set to its folder: assignments, conditionals and the text functions are
 * evaluated; rules are skipped; $(shell), include and the like stop the reading.
 */
export function readMicropythonMk(file: string, text: string): Result<ModuleBuild | undefined> {
  const diagnostics: Diagnostic[] = [];
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const spans = new SpanMaker(file, text);
  const mx = new MakeExpander(spans, diagnostics, dir);
  for (const v of PREDEFINED) mx.vars.set(v, { flavor: 'simple', value: '' });
  mx.vars.set('USERMOD_DIR', { flavor: 'simple', value: dir });
  const lastSet = new Map<string, Span>();
  const conds: Cond[] = [];
  const reading = () => conds.length === 0 || conds[conds.length - 1].active;
  let inRule = false;

  try {
    for (const line of logicalLines(text)) {
      const at = spans.span(line.off[0] ?? 0, (line.off[line.s.length - 1] ?? 0) + 1);
      if (line.s.startsWith('\t') && inRule) continue;
      const seg = trimSeg(stripComment(line));
      if (seg.s === '') continue;
      const word = /^\S+/.exec(seg.s)![0];
      const rest = trimSeg(slice(seg, word.length));

      // Conditionals are followed even in branches not taken, to find their ends.
      if (['ifeq', 'ifneq', 'ifdef', 'ifndef'].includes(word)) {
        const outer = reading();
        const active = outer && evalCondition(word, rest, mx, spans, diagnostics);
        conds.push({ active, taken: active, outer, at });
        continue;
      }
      if (word === 'else') {
        const c = conds[conds.length - 1];
        if (!c) throw new ReadStop(diag('NMG4003', at, { what: "'else' without a conditional" }));
        const more = /^\S+/.exec(rest.s)?.[0];
        if (more && ['ifeq', 'ifneq', 'ifdef', 'ifndef'].includes(more)) {
          const cond = trimSeg(slice(rest, more.length));
          c.active = c.outer && !c.taken && evalCondition(more, cond, mx, spans, diagnostics);
        } else c.active = c.outer && !c.taken;
        c.taken ||= c.active;
        continue;
      }
      if (word === 'endif') {
        if (!conds.pop()) throw new ReadStop(diag('NMG4003', at, { what: "'endif' without a conditional" }));
        continue;
      }
      if (!reading()) continue;
      inRule = false;

      if (['include', '-include', 'sinclude', 'define', 'undefine'].includes(word)) {
        throw new ReadStop(diag('NMG4004', at, { what: `'${word}'` }));
      }
      if (['vpath', 'unexport'].includes(word) || (word === 'export' && !/[=]/.test(rest.s))) {
        diagnostics.push(diag('NMG4011', at, { what: `'${word}'` }));
        continue;
      }
      const body = word === 'override' || word === 'export' || word === 'private' ? rest : seg;
      const op = findOperator(body.s);
      if (op?.kind === 'rule') {
        inRule = true;
        diagnostics.push(diag('NMG4011', at, { what: `the rule for '${mx.expand(slice(body, 0, op.index)).trim()}'` }));
        continue;
      }
      if (op?.kind === 'assign') {
        const name = mx.expand(slice(body, 0, op.index)).trim();
        const value = trimSeg(slice(body, op.index + op.op.length));
        assign(mx, name, op.op, value, spans, at);
        lastSet.set(name, at);
        continue;
      }
      // A line of function calls only, such as $(info ...).
      if (mx.expand(seg).trim() !== '') throw new ReadStop(diag('NMG4003', at, { what: 'not an assignment, rule or directive' }));
    }
    const open = conds[conds.length - 1];
    if (open) throw new ReadStop(diag('NMG4003', open.at, { what: "missing 'endif'" }));
  } catch (e) {
    if (!(e instanceof ReadStop)) throw e;
    diagnostics.push(e.diagnostic);
    return { value: undefined, diagnostics };
  }

  const build = emptyBuild(abs, 'mk');
  for (const v of SOURCE_VARS) {
    const files = mx
      .lookup(v, 0)
      .split(/\s+/)
      .filter((w) => w !== '');
    for (const f of files) addSource(build, path.resolve(dir, f), lastSet.get(v), diagnostics);
  }
  for (const v of FLAG_VARS)
    addFlags(
      build,
      mx
        .lookup(v, 0)
        .split(/\s+/)
        .filter((w) => w !== ''),
      dir,
    );
  return { value: build, diagnostics };
}

function assign(mx: MakeExpander, name: string, op: string, value: Seg, spans: SpanMaker, at: Span): void {
  const old = mx.vars.get(name);
  switch (op) {
    case '=':
      mx.vars.set(name, { flavor: 'recursive', value });
      return;
    case ':=':
    case '::=':
      mx.vars.set(name, { flavor: 'simple', value: mx.expand(value) });
      return;
    case ':::=':
      mx.vars.set(name, { flavor: 'recursive', value: { s: mx.expand(value).replace(/\$/g, '$$$$'), off: value.off } });
      return;
    case '?=':
      if (!old) mx.vars.set(name, { flavor: 'recursive', value });
      return;
    case '+=':
      if (!old) mx.vars.set(name, { flavor: 'recursive', value });
      else if (old.flavor === 'simple') {
        const add = mx.expand(value);
        mx.vars.set(name, { flavor: 'simple', value: old.value === '' ? add : add === '' ? old.value : `${old.value} ${add}` });
      } else {
        const sep = old.value.s === '' || value.s === '' ? '' : ' ';
        mx.vars.set(name, {
          flavor: 'recursive',
          value: { s: old.value.s + sep + value.s, off: [...old.value.off, ...(sep ? [value.off[0] ?? 0] : []), ...value.off] },
        });
      }
      return;
    default:
      void spans;
      throw new ReadStop(diag('NMG4004', at, { what: `'${op}' (a shell assignment)` }));
  }
}

/** Whether the condition of `ifeq (a,b)`, `ifneq "a" "b"`, `ifdef VAR` or `ifndef VAR` holds. */
function evalCondition(kind: string, cond: Seg, mx: MakeExpander, spans: SpanMaker, diagnostics: Diagnostic[]): boolean {
  const at = spans.span(cond.off[0] ?? 0, (cond.off[cond.s.length - 1] ?? 0) + 1);
  const what = `'${kind} ${cond.s}'`;
  const unknown = new Set<string>();
  mx.undefinedSink = unknown;
  try {
    if (kind === 'ifdef' || kind === 'ifndef') {
      const name = mx.expand(cond).trim();
      const v = mx.vars.get(name);
      if (!v) unknown.add(name);
      const defined = v !== undefined && (v.flavor === 'simple' ? v.value : v.value.s) !== '';
      return kind === 'ifdef' ? defined : !defined;
    }
    const [a, b] = conditionOperands(cond, at);
    const same = mx.expand(a) === mx.expand(b);
    return kind === 'ifeq' ? same : !same;
  } finally {
    mx.undefinedSink = undefined;
    if (unknown.size > 0) diagnostics.push(diag('NMG4006', at, { what }));
  }
}

/** The two operands of `(a,b)`, `"a" "b"` or `'a' 'b'`. */
function conditionOperands(cond: Seg, at: Span): [Seg, Seg] {
  const s = cond.s;
  if (s.startsWith('(') && s.endsWith(')')) {
    const inner = slice(cond, 1, s.length - 1);
    const comma = topLevelIndex(inner.s, ',');
    if (comma >= 0) return [trimSeg(slice(inner, 0, comma)), trimSeg(slice(inner, comma + 1))];
  }
  const m = /^(["'])(.*?)\1\s+(["'])(.*?)\3$/.exec(s);
  if (m) {
    const bStart = s.length - m[4].length - 1;
    return [slice(cond, 1, 1 + m[2].length), slice(cond, bStart, bStart + m[4].length)];
  }
  throw new ReadStop(diag('NMG4003', at, { what: 'malformed condition' }));
}

type Operator = { kind: 'assign'; op: string; index: number } | { kind: 'rule'; index: number };

/** The first assignment operator or rule colon outside variable references. */
function findOperator(s: string): Operator | undefined {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      continue;
    }
    if (c === '=') {
      const p = s[i - 1];
      if (p === '+' || p === '?' || p === '!') return { kind: 'assign', op: `${p}=`, index: i - 1 };
      return { kind: 'assign', op: '=', index: i };
    }
    if (c === ':') {
      for (const op of [':::=', '::=', ':=']) if (s.startsWith(op, i)) return { kind: 'assign', op, index: i };
      return { kind: 'rule', index: i };
    }
  }
  return undefined;
}

/** Lines with backslash-newline continuations joined (with the whitespace around them) into one space. */
export function logicalLines(text: string): Seg[] {
  const out: Seg[] = [];
  let cur: Seg = { s: '', off: [] };
  let i = 0;
  while (i <= text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(i, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const slashes = /\\*$/.exec(line)![0].length;
    const continued = slashes % 2 === 1 && nl >= 0;
    const body = continued ? line.slice(0, -1) : line;
    let lead = 0;
    if (cur.off.length > 0) {
      lead = body.length - body.trimStart().length;
      cur.s += ' ';
      cur.off.push(i + lead);
    }
    const kept = continued ? body.trimEnd() : body;
    for (let k = lead; k < kept.length; k++) {
      cur.s += kept[k];
      cur.off.push(i + k);
    }
    if (!continued) {
      out.push(cur);
      cur = { s: '', off: [] };
    }
    if (nl < 0) break;
    i = nl + 1;
  }
  return out;
}

/** Cuts the line at the first `#` not escaped with a backslash; `\#` stands for `#`. */
function stripComment(line: Seg): Seg {
  let s = '';
  const off: number[] = [];
  for (let i = 0; i < line.s.length; i++) {
    const c = line.s[i];
    if (c === '\\' && line.s[i + 1] === '#') {
      s += '#';
      off.push(line.off[i]);
      i++;
      continue;
    }
    if (c === '#') break;
    s += c;
    off.push(line.off[i]);
  }
  return { s, off };
}
