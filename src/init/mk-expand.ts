import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { glob } from './glob';
import { ReadStop } from './read-stop';
import { SpanMaker } from './text-span';

/** Text from the makefile with the file offset of each character, so problems can be located. */
export interface Seg {
  s: string;
  off: number[];
}

export function slice(seg: Seg, start: number, end: number = seg.s.length): Seg {
  return { s: seg.s.slice(start, end), off: seg.off.slice(start, end) };
}

export function trimSeg(seg: Seg): Seg {
  const start = seg.s.length - seg.s.trimStart().length;
  const end = seg.s.trimEnd().length;
  return slice(seg, start, Math.max(start, end));
}

/** A make variable: `simple` holds its expanded value, `recursive` its text, expanded at each use. */
export type MakeVar = { flavor: 'simple'; value: string } | { flavor: 'recursive'; value: Seg };

const SUPPORTED = new Set([
  'subst',
  'patsubst',
  'strip',
  'findstring',
  'filter',
  'filter-out',
  'sort',
  'word',
  'wordlist',
  'words',
  'firstword',
  'lastword',
  'dir',
  'notdir',
  'suffix',
  'basename',
  'addsuffix',
  'addprefix',
  'join',
  'wildcard',
  'realpath',
  'abspath',
  'if',
  'or',
  'and',
  'foreach',
  'call',
  'value',
  'origin',
  'flavor',
  'info',
  'warning',
  'error',
]);
/** Functions make knows that natmodgen init does not evaluate (they are reported, not mistaken for variables). */
const UNSUPPORTED = new Set(['shell', 'eval', 'file', 'guile', 'let', 'intcmp']);
/** Functions whose arguments are expanded only as needed. */
const LAZY = new Set(['if', 'or', 'and', 'foreach']);
/** Last argument takes the rest of the text, commas included. */
const ARITY: Record<string, number> = {
  subst: 3,
  patsubst: 3,
  findstring: 2,
  filter: 2,
  'filter-out': 2,
  word: 2,
  wordlist: 3,
  addsuffix: 2,
  addprefix: 2,
  join: 2,
  if: 3,
  foreach: 3,
  strip: 1,
  sort: 1,
  words: 1,
  firstword: 1,
  lastword: 1,
  dir: 1,
  notdir: 1,
  suffix: 1,
  basename: 1,
  wildcard: 1,
  realpath: 1,
  abspath: 1,
  value: 1,
  origin: 1,
  flavor: 1,
  info: 1,
  warning: 1,
  error: 1,
};

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

/**
 * Expands make text ($(VAR), ${VAR}, $X, $$, substitution references and the
 * text functions) over the variables the file set. Relative paths (for
 * $(wildcard), $(abspath)) are taken from `baseDir`.
 */
export class MakeExpander {
  readonly vars = new Map<string, MakeVar>();
  private readonly warned = new Set<string>();
  /** When set, undefined variables are collected here instead of being reported. */
  undefinedSink: Set<string> | undefined;

  constructor(
    private readonly spans: SpanMaker,
    private readonly diagnostics: Diagnostic[],
    private readonly baseDir: string,
  ) {}

  expand(seg: Seg): string {
    let out = '';
    const s = seg.s;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const n = s[i + 1];
      if (n === undefined) {
        i++;
        continue;
      }
      if (n === '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (n !== '(' && n !== '{') {
        out += this.lookup(n, seg.off[i]);
        i += 2;
        continue;
      }
      const close = n === '(' ? ')' : '}';
      const end = matchClose(s, i + 2, n, close);
      if (end < 0)
        throw new ReadStop(
          diag('NMG4003', this.spans.span(seg.off[i], seg.off[s.length - 1] + 1), { what: 'unterminated variable reference' }),
        );
      out += this.reference(slice(seg, i + 2, end), seg.off[i]);
      i = end + 1;
    }
    return out;
  }

  /** The body of `$( ... )`: a function call, a substitution reference or a variable. */
  private reference(body: Seg, at: number): string {
    const m = /^([a-z-]+)[ \t]/.exec(body.s);
    if (m && (SUPPORTED.has(m[1]) || UNSUPPORTED.has(m[1]))) {
      if (UNSUPPORTED.has(m[1])) throw new ReadStop(diag('NMG4004', this.spans.span(at, at + m[1].length + 2), { what: `$(${m[1]} ...)` }));
      return this.call(m[1], slice(body, m[0].length), at);
    }
    const colon = topLevelIndex(body.s, ':');
    if (colon >= 0) {
      const eq = body.s.indexOf('=', colon);
      if (eq >= 0) {
        const value = this.lookup(this.expand(slice(body, 0, colon)).trim(), at);
        const from = this.expand(slice(body, colon + 1, eq));
        const to = this.expand(slice(body, eq + 1));
        const pat = from.includes('%') ? from : `%${from}`;
        const rep = from.includes('%') ? to : `%${to}`;
        return words(value)
          .map((w) => patsubstWord(pat, rep, w))
          .join(' ');
      }
    }
    return this.lookup(this.expand(body).trim(), at);
  }

  /** The value of a variable; an unset one is empty (and reported once). */
  lookup(name: string, at: number): string {
    const v = this.vars.get(name);
    if (v) return v.flavor === 'simple' ? v.value : this.expand(v.value);
    if (this.undefinedSink) this.undefinedSink.add(name);
    else if (!this.warned.has(name)) {
      this.warned.add(name);
      this.diagnostics.push(diag('NMG4005', this.spans.span(at, at + name.length + 3), { name }));
    }
    return '';
  }

  private call(fn: string, argText: Seg, at: number): string {
    const raw = splitArgs(argText, ARITY[fn] ?? Infinity);
    const arg = (k: number) => (raw[k] ? this.expand(raw[k]) : '');
    const all = LAZY.has(fn) ? [] : raw.map((r) => this.expand(r));
    const rel = (p: string) => path.resolve(this.baseDir, p);
    switch (fn) {
      case 'subst':
        return all[0] === '' ? (all[2] ?? '') : (all[2] ?? '').split(all[0]).join(all[1] ?? '');
      case 'patsubst':
        return words(all[2] ?? '')
          .map((w) => patsubstWord(all[0].trim(), (all[1] ?? '').trim(), w))
          .join(' ');
      case 'strip':
        return words(all[0] ?? '').join(' ');
      case 'findstring':
        return (all[1] ?? '').includes(all[0]) ? all[0] : '';
      case 'filter':
      case 'filter-out': {
        const pats = words(all[0]);
        const keep = fn === 'filter';
        return words(all[1] ?? '')
          .filter((w) => pats.some((p) => patternMatch(p, w) !== undefined) === keep)
          .join(' ');
      }
      case 'sort':
        return [...new Set(words(all[0] ?? ''))].sort().join(' ');
      case 'word':
        return words(all[1] ?? '')[Number(all[0].trim()) - 1] ?? '';
      case 'wordlist':
        return words(all[2] ?? '')
          .slice(Number(all[0].trim()) - 1, Number((all[1] ?? '').trim()))
          .join(' ');
      case 'words':
        return String(words(all[0] ?? '').length);
      case 'firstword':
        return words(all[0] ?? '')[0] ?? '';
      case 'lastword':
        return words(all[0] ?? '').slice(-1)[0] ?? '';
      case 'dir':
        return words(all[0] ?? '')
          .map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './'))
          .join(' ');
      case 'notdir':
        return words(all[0] ?? '')
          .map((w) => w.slice(w.lastIndexOf('/') + 1))
          .join(' ');
      case 'suffix':
        return words(all[0] ?? '')
          .map((w) => /\.[^./]*$/.exec(w)?.[0] ?? '')
          .filter((w) => w !== '')
          .join(' ');
      case 'basename':
        return words(all[0] ?? '')
          .map((w) => w.replace(/\.[^./]*$/, ''))
          .join(' ');
      case 'addsuffix':
        return words(all[1] ?? '')
          .map((w) => w + all[0])
          .join(' ');
      case 'addprefix':
        return words(all[1] ?? '')
          .map((w) => all[0] + w)
          .join(' ');
      case 'join': {
        const a = words(all[0]);
        const b = words(all[1] ?? '');
        return Array.from({ length: Math.max(a.length, b.length) }, (_, k) => (a[k] ?? '') + (b[k] ?? '')).join(' ');
      }
      case 'wildcard':
        return words(all[0] ?? '')
          .flatMap((w) => glob(rel(w)).map((f) => (path.isAbsolute(w) ? f : path.relative(this.baseDir, f))))
          .join(' ');
      case 'abspath':
        return words(all[0] ?? '')
          .map(rel)
          .join(' ');
      case 'realpath':
        return words(all[0] ?? '')
          .map((w) => {
            try {
              return fs.realpathSync(rel(w));
            } catch {
              return '';
            }
          })
          .filter((w) => w !== '')
          .join(' ');
      case 'if':
        return arg(0).trim() !== '' ? arg(1) : arg(2);
      case 'or': {
        for (let k = 0; k < raw.length; k++) {
          const v = arg(k).trim();
          if (v !== '') return v;
        }
        return '';
      }
      case 'and': {
        let v = '';
        for (let k = 0; k < raw.length; k++) {
          v = arg(k).trim();
          if (v === '') return '';
        }
        return v;
      }
      case 'foreach': {
        const name = arg(0).trim();
        const saved = this.vars.get(name);
        const out = words(arg(1)).map((w) => {
          this.vars.set(name, { flavor: 'simple', value: w });
          return raw[2] ? this.expand(raw[2]) : '';
        });
        if (saved) this.vars.set(name, saved);
        else this.vars.delete(name);
        return out.join(' ');
      }
      case 'call': {
        const name = all[0].trim();
        const saved = new Map<string, MakeVar | undefined>();
        const bind = (k: string, value: string) => {
          saved.set(k, this.vars.get(k));
          this.vars.set(k, { flavor: 'simple', value });
        };
        bind('0', name);
        all.slice(1).forEach((a, k) => bind(String(k + 1), a));
        try {
          return this.vars.has(name) ? this.lookup(name, at) : '';
        } finally {
          for (const [k, v] of saved) {
            if (v) this.vars.set(k, v);
            else this.vars.delete(k);
          }
        }
      }
      case 'value': {
        const v = this.vars.get(all[0].trim());
        return v ? (v.flavor === 'simple' ? v.value : v.value.s) : '';
      }
      case 'origin':
        return this.vars.has(all[0].trim()) ? 'file' : 'undefined';
      case 'flavor': {
        const v = this.vars.get(all[0].trim());
        return v ? v.flavor : 'undefined';
      }
      case 'info':
      case 'warning':
        return '';
      case 'error':
        throw new ReadStop(diag('NMG4004', this.spans.span(at, at + 8), { what: `$(error ${all[0] ?? ''})` }));
      default:
        return '';
    }
  }
}

/** Index of the `close` matching an opening bracket before `from`, counting nested brackets of the same kind. */
export function matchClose(s: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === open) depth++;
    else if (s[i] === close && --depth === 0) return i;
  }
  return -1;
}

/** First index of `ch` outside `$(...)` / `${...}`, or -1. */
export function topLevelIndex(s: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      depth++;
      i++;
    } else if (depth > 0 && (c === '(' || c === '{')) depth++;
    else if (depth > 0 && (c === ')' || c === '}')) depth--;
    else if (depth === 0 && c === ch) return i;
  }
  return -1;
}

/** Splits function arguments at top-level commas, at most `max` of them. */
function splitArgs(seg: Seg, max: number): Seg[] {
  const out: Seg[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < seg.s.length; i++) {
    const c = seg.s[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0 && out.length < max - 1) {
      out.push(slice(seg, start, i));
      start = i + 1;
    }
  }
  out.push(slice(seg, start));
  return out;
}

/** The stem if `word` matches make pattern `pat` (one `%`, or none for an exact match). */
function patternMatch(pat: string, word: string): string | undefined {
  const k = pat.indexOf('%');
  if (k < 0) return pat === word ? '' : undefined;
  const pre = pat.slice(0, k);
  const post = pat.slice(k + 1);
  if (word.length >= pre.length + post.length && word.startsWith(pre) && word.endsWith(post))
    return word.slice(pre.length, word.length - post.length);
  return undefined;
}

function patsubstWord(pat: string, rep: string, word: string): string {
  const stem = patternMatch(pat, word);
  if (stem === undefined) return word;
  return rep.includes('%') ? rep.replace('%', stem) : rep;
}
