import * as path from 'path';
import { lexPP, lexShared, PPToken } from '../preprocess/lexer';
import { lexDirectives } from '../preprocess';

/** Where a line of a unit's text comes from: a 1-based line of a file. */
export interface LineOrigin {
  file: string;
  line: number;
}

/** A file whose text stands in place of an `#include` line of the unit. */
export interface Splice {
  /** The included file, and the file whose `#include` it replaces. */
  file: string;
  from: string;
  /** 1-based line of the `#include` in `from` (as `from` was read). */
  includeLine: number;
  /** 1-based first line of the file's text in the unit's text, and how many lines it spans there. */
  line: number;
  lines: number;
}

/** What the splice needs of the rest of natmodgen: include resolution, reading, and the judgement of what to splice. */
export interface SpliceHost {
  /** The file a quoted include names from `from` (its folder, then the module's -I), or undefined. */
  resolve(spelled: string, from: string): string | undefined;
  read(file: string): string | undefined;
  /** Whether a file's own text holds definitions natmodgen converts (it is spliced, and so is every file on the way to it). */
  holdsDefinitions(file: string, text: string): boolean;
}

export interface SplicedText {
  text: string;
  /** Origin of each line of `text` (index 0 is line 1), before any mapping of the unit's own lines. */
  origins: LineOrigin[];
  splices: Splice[];
  /** Text of every file spliced in, as read. */
  texts: Map<string, string>;
}

interface Walked {
  text: string;
  origins: LineOrigin[];
  spliced: boolean;
  pragmaOnce: boolean;
}

/** Most nested splices of one unit (a bound on include chains without guards, as the preprocessor has). */
const MAX_SPLICES = 256;

/**
 * The unit's text with each quoted `#include` of a file natmodgen must convert replaced by that
 * file's text, as the compiler reads one translation unit: the included text starts on the
 * `#include`'s line and the rest of that line follows on its own. Nested includes are spliced the
 * same way; a file under `#pragma once` comes once per unit (include guards need nothing: the
 * text keeps them and the compiler honours them). Quoted includes left in spliced text that
 * would resolve elsewhere from the unit's folder are re-spelled relative to it.
 */
export function spliceIncludes(file: string, text: string, host: SpliceHost): SplicedText {
  const texts = new Map<string, string>();
  const splices: Splice[] = [];
  const once = new Set<string>();
  const memo = memoOf(host);
  // Whether a file is spliced: it holds definitions, or a file it includes is spliced.
  const needs = (f: string, t: string, visiting: Set<string>): boolean => {
    const key = `${f}\0${t}`;
    const known = memo.needs.get(key);
    if (known !== undefined) return known;
    let v = host.holdsDefinitions(f, t);
    if (!v) {
      visiting.add(f);
      v = quotedIncludes(t, memo).some((spelled) => {
        const target = host.resolve(spelled, f);
        const it = target !== undefined && !visiting.has(target) ? host.read(target) : undefined;
        return it !== undefined && needs(target!, it, visiting);
      });
      visiting.delete(f);
    }
    memo.needs.set(key, v);
    return v;
  };
  const unitDir = path.dirname(file);
  // No quoted include of the file names a file there is to read, and no include names its header
  // through a macro (`#include NAME`): the walk below would splice nothing and give the text back
  // as it is, after lexing and copying all of it.
  const direct = quotedIncludes(text, memo, true);
  if (direct.every((spelled) => readable(host, spelled, file) === undefined) && !INCLUDE_BY_MACRO.test(text))
    return { text, origins: [], splices: [], texts };

  // The file's text with its splices made, the origin of each of its lines, and whether it holds a splice.
  const walk = (current: string, src: string, stack: string[], outLine: number): Walked => {
    const toks = lexShared(src);
    const lineStarts = [0];
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
    let out = '';
    const origins: LineOrigin[] = [];
    let pos = 0;
    let posLine = 1;
    let spliced = false;
    let pragmaOnce = false;
    // Copies src[pos, to), or writes `replaced` for it with as many line ends, keeping each line's origin.
    const copy = (to: number, replaced?: string) => {
      const own = src.slice(pos, to);
      const n = countLines(own);
      out += replaced === undefined ? own : replaced + '\n'.repeat(n);
      for (let i = 0; i < n; i++) origins.push({ file: current, line: posLine + i });
      posLine += n;
      pos = to;
    };
    // Bracket depth of the code (directive lines apart): an #include inside a table's braces
    // gives that table its entries (an X-macro list without definitions of its own), so it is
    // spliced too, and the entries are read where the compiler reads them.
    let depth = 0;
    let directiveEnd = -1;
    // A file this one includes more than once (no guard) is a list its includer's macros expand
    // differently each time (X-macros): its text is read in place, like a table's entries.
    const seen = new Map<string, number>();
    for (const spelled of quotedIncludes(src, memo)) {
      const target = host.resolve(spelled, current);
      if (target !== undefined) seen.set(target, (seen.get(target) ?? 0) + 1);
    }
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!(t.bol && t.text === '#')) {
        if (k >= directiveEnd && t.kind === 'punct') {
          if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
          else if ((t.text === '}' || t.text === ')' || t.text === ']') && depth > 0) depth--;
        }
        continue;
      }
      const kw = toks[k + 1];
      if (!kw || kw.bol) continue;
      const rest = directiveTokens(toks, k + 2);
      directiveEnd = k + 2 + rest.length;
      const end = rest.length ? rest[rest.length - 1].end : kw.end;
      if (kw.text === 'pragma' && rest.length === 1 && rest[0].text === 'once' && stack.length > 1) {
        // Spliced, the file is no header any more: the pragma would only warn. Its once-ness is kept here.
        pragmaOnce = true;
        copy(t.start);
        copy(end, '');
        continue;
      }
      if (kw.text === 'define' || kw.text === 'undef') {
        learnDefine(named, kw.text, rest);
        continue;
      }
      // `#include NAME` with NAME a macro of the module naming a quoted header: that header.
      if (kw.text === 'include' && rest.length === 1 && rest[0].kind === 'ident' && !named.has(rest[0].text)) {
        // Read only now, as few modules compute an #include: the headers kept so far.
        for (const [f, t] of kept.splice(0)) learnHeader(f, t, named, host, memo, new Set(stack));
      }
      const computed = kw.text === 'include' && rest.length === 1 && rest[0].kind === 'ident' ? named.get(rest[0].text) : undefined;
      if (kw.text !== 'include' || rest.length !== 1 || ((rest[0].kind !== 'string' || !rest[0].text.startsWith('"')) && !computed))
        continue;
      const spelled = computed ?? rest[0].text;
      const target = host.resolve(spelled, current);
      if (target === undefined) continue;
      if (once.has(target)) {
        copy(t.start);
        copy(end, '');
        continue;
      }
      const itext = host.read(target);
      if (
        itext !== undefined &&
        !stack.includes(target) &&
        splices.length < MAX_SPLICES &&
        (depth > 0 || (seen.get(target) ?? 0) > 1 || needs(target, itext, new Set(stack)))
      ) {
        copy(lineStarts[lineOf(t.start) - 1]);
        const first = outLine + origins.length;
        const record: Splice = { file: target, from: current, includeLine: lineOf(t.start), line: first, lines: 0 };
        splices.push(record);
        const inner = walk(target, itext, [...stack, target], first);
        const body = inner.text === '' || inner.text.endsWith('\n') ? inner.text : `${inner.text}\n`;
        record.lines = countLines(body);
        out += body;
        origins.push(...inner.origins.slice(0, record.lines));
        texts.set(target, itext);
        if (inner.pragmaOnce) once.add(target);
        // The rest of the #include line, after the directive, follows on a line of its own.
        posLine = lineOf(end);
        pos = end;
        spliced = true;
        continue;
      }
      // Kept as an #include: the header names it defines for `#include NAME` after it.
      if (itext !== undefined) kept.push([target, itext]);
      if (computed) continue;
      // A quoted include kept in spliced text must find from the unit's folder what it found from its own.
      if (stack.length > 1 && path.dirname(current) !== unitDir && host.resolve(spelled, file) !== target) {
        copy(rest[0].start);
        copy(rest[0].end, `"${path.relative(unitDir, target).split(path.sep).join('/')}"`);
      }
    }
    copy(src.length);
    // The last line, which no line end closes.
    origins.push({ file: current, line: posLine });
    return { text: out, origins, spliced, pragmaOnce };
  };
  const named = new Map<string, string>();
  const kept: Array<[string, string]> = [];
  const r = walk(file, text, [file], 1);
  if (!r.spliced) return { text, origins: [], splices: [], texts };
  return { text: r.text, origins: r.origins, splices, texts };
}

interface Memo {
  needs: Map<string, boolean>;
  includes: Map<string, string[]>;
}

const memos = new WeakMap<SpliceHost, Memo>();

/** What one host has answered (a header shared by every source of a module is read once). */
function memoOf(host: SpliceHost): Memo {
  let m = memos.get(host);
  if (!m) memos.set(host, (m = { needs: new Map(), includes: new Map() }));
  return m;
}

/** A directive line `#include NAME` (the header's name a macro's expansion). */
const INCLUDE_BY_MACRO = /^[ \t]*#[ \t]*include[ \t]+[A-Za-z_]/m;

/** The text of the file a quoted include names from `from`, when it resolves and can be read. */
function readable(host: SpliceHost, spelled: string, from: string): string | undefined {
  const target = host.resolve(spelled, from);
  return target === undefined ? undefined : host.read(target);
}

/** `#define NAME "x.h"` records NAME's header name (`#include NAME`), another `#define NAME` or `#undef NAME` drops it. */
function learnDefine(named: Map<string, string>, kw: string, rest: PPToken[]): void {
  const name = rest[0]?.kind === 'ident' ? rest[0].text : undefined;
  if (name === undefined) return;
  if (kw === 'define' && rest.length === 2 && rest[1].kind === 'string' && /^"[^"]*"$/.test(rest[1].text) && rest[1].start > rest[0].end)
    named.set(name, rest[1].text);
  else named.delete(name);
}

/** The header names a kept header (and the quoted headers it includes) define as macros, in `named`. */
function learnHeader(file: string, text: string, named: Map<string, string>, host: SpliceHost, memo: Memo, visiting: Set<string>): void {
  if (visiting.has(file) || visiting.size > MAX_SPLICES) return;
  visiting.add(file);
  const toks = lexPP(text);
  for (let k = 0; k < toks.length; k++) {
    if (!(toks[k].bol && toks[k].text === '#') || !toks[k + 1] || toks[k + 1].bol) continue;
    const kw = toks[k + 1].text;
    if (kw === 'define' || kw === 'undef') learnDefine(named, kw, directiveTokens(toks, k + 2));
  }
  for (const spelled of quotedIncludes(text, memo)) {
    const target = host.resolve(spelled, file);
    const it = target !== undefined ? host.read(target) : undefined;
    if (it !== undefined) learnHeader(target!, it, named, host, memo, visiting);
  }
}

/**
 * The quoted `#include`s of a text, as spelled (with their quotes). Only directive lines are
 * lexed; a unit's own text (`unit`) through the preprocessor's cache of them, which its walk
 * over the same text reads again.
 */
function quotedIncludes(text: string, memo: Memo, unit = false): string[] {
  let out = memo.includes.get(text);
  if (out) return out;
  out = [];
  const toks = unit ? lexDirectives(text) : lexPP(text, true);
  for (let k = 0; k < toks.length; k++) {
    if (!(toks[k].bol && toks[k].text === '#') || toks[k + 1]?.text !== 'include' || toks[k + 1].bol) continue;
    const arg = toks[k + 2];
    if (arg && !arg.bol && arg.kind === 'string' && arg.text.startsWith('"')) out.push(arg.text);
  }
  memo.includes.set(text, out);
  return out;
}

/** The tokens of a directive after its keyword, up to the end of its logical line. */
function directiveTokens(toks: readonly PPToken[], from: number): PPToken[] {
  let e = from;
  while (e < toks.length && !toks[e].bol) e++;
  return toks.slice(from, e);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
