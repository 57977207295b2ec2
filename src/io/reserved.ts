import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { dynruntimeMacroNames } from '../facts';
import type { ApiFacts } from '../facts';
import { identifierSpans } from '../diagnostics/identifiers';
import { SourceText } from '../parse/source';
import { readable } from '../sync/source-map';
import { CondBranch, firmwareSide, mentionsDynruntime } from '../model/condition';

/** The one prefix natmodgen's generated identifiers and macros use, and the natmod entry point it writes. */
export const RESERVED_PREFIX = 'natmodgen_';
export const RESERVED_NAMES = ['mpy_init'];

function isReserved(name: string): boolean {
  return name.startsWith(RESERVED_PREFIX) || RESERVED_NAMES.includes(name);
}

/** Quoted includes of a source that name a file beside it (its local headers). */
function localHeaders(file: string, text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*#\s*include\s*"([^"]+)"/.exec(line);
    if (!m) continue;
    const p = path.join(path.dirname(file), m[1]);
    try {
      if (fs.statSync(p).isFile() && fs.statSync(p).size < 1024 * 1024) out.push(p);
    } catch {
      // not beside the source: a MicroPython header
    }
  }
  return out;
}

/** A condition made only of 0, 1, !, parentheses, && and ||: its value; undefined otherwise. */
function constantValue(arg: string): boolean | undefined {
  const e = arg
    .replace(/\/\*.*?\*\//g, ' ')
    .replace(/\/\/.*$/, '')
    .replace(/\s+/g, '');
  if (e === '' || !/^[01!()&|]+$/.test(e) || /[&|]/.test(e.replace(/&&|\|\|/g, ''))) return undefined;
  try {
    return Boolean(new Function(`return (${e});`)());
  } catch {
    return undefined;
  }
}

const DIRECTIVE = /^\s*#\s*(ifdef|ifndef|if|elifdef|elifndef|elif|else|endif)\b(.*)$/;
const DYNRUNTIME_INCLUDE = /^\s*#\s*include\s*[<"]py\/dynruntime\.h[>"]/;

/** `arg` of a directive without comments and blanks around it. */
function bareArg(arg: string): string {
  return arg
    .replace(/\/\*.*?\*\//g, ' ')
    .replace(/\/\/.*$/, '')
    .trim();
}

/**
 * The macros a source selects its own natmod build with: X where it includes py/dynruntime.h
 * under `#ifdef X` / `#if defined(X)` / `#if X`, or in the `#else` of `#ifndef X` /
 * `#if !defined(X)` (ballistics-lab/micropython-bclibc's BCLIBC_BUILD_NATMOD). The firmware
 * build, which natmodgen reads, defines no such macro: every test of it in that file is decided.
 */
function natmodSelectors(lines: string[]): Set<string> {
  const out = new Set<string>();
  const frames: { keyword: string; arg: string; branch: number }[] = [];
  for (const line of lines) {
    const m = DIRECTIVE.exec(line);
    if (m) {
      if (m[1] === 'if' || m[1] === 'ifdef' || m[1] === 'ifndef') frames.push({ keyword: m[1], arg: bareArg(m[2]), branch: 0 });
      else if (m[1] === 'endif') frames.pop();
      else if (frames.length) {
        const f = frames[frames.length - 1];
        f.branch++;
        f.keyword = m[1] === 'else' ? `else-${f.keyword}` : 'elif';
      }
      continue;
    }
    if (!DYNRUNTIME_INCLUDE.test(line) || frames.length === 0) continue;
    const f = frames[frames.length - 1];
    const test = /^(!\s*)?(?:defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)|(\w+))$/.exec(f.arg);
    const tested = test ? (test[2] ?? test[3] ?? test[4]) : undefined;
    const negated = Boolean(test?.[1]);
    const selector =
      (f.branch === 0 && f.keyword === 'ifdef') || f.keyword === 'else-ifndef'
        ? /^\w+$/.test(f.arg)
          ? f.arg
          : undefined
        : (f.branch === 0 && f.keyword === 'if' && !negated) || (f.keyword === 'else-if' && negated)
          ? tested
          : undefined;
    if (selector && !selector.startsWith('MICROPY_')) out.add(selector);
  }
  return out;
}

/** A test of a natmod-selecting macro, decided for the firmware build (the macro undefined); undefined otherwise. */
function selectorValue(keyword: string, rawArg: string, selectors: Set<string>): boolean | undefined {
  const arg = bareArg(rawArg);
  if (keyword === 'ifdef' || keyword === 'elifdef') return selectors.has(arg) ? false : undefined;
  if (keyword === 'ifndef' || keyword === 'elifndef') return selectors.has(arg) ? true : undefined;
  const m = /^(!\s*)?(?:defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)|(\w+))$/.exec(arg);
  const name = m && (m[2] ?? m[3] ?? m[4]);
  if (!name || !selectors.has(name)) return undefined;
  return Boolean(m![1]);
}

/**
 * `text` with the branches blanked that a test of MICROPY_ENABLE_DYNRUNTIME leaves out of the
 * output (natmodgen reads those tests as the firmware does): a source written for both builds
 * keeps its own natmod glue there (its mpy_init), which is dead code in what natmodgen writes.
 * Offsets and lines stay as they were; every other branch is kept.
 */
export function withoutNatmodSide(text: string): string {
  const lines = text.split('\n');
  const selectors = natmodSelectors(lines);
  // Per open conditional: whether it is decided by MICROPY_ENABLE_DYNRUNTIME tests alone, whether
  // a branch of it was taken, and whether the current branch is dead.
  const frames: { decided: boolean; taken: boolean; dead: boolean }[] = [];
  const deadAbove = () => frames.some((f) => f.dead);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A directive with its continuation lines.
    let j = i;
    let directive = lines[i];
    while (/\\\s*$/.test(lines[j]) && j + 1 < lines.length) directive = directive.replace(/\\\s*$/, ' ') + lines[++j];
    const m = DIRECTIVE.exec(directive);
    const wasDead = deadAbove();
    if (m) {
      const keyword = m[1] as CondBranch['keyword'] | 'endif';
      const arg = m[2].trim();
      const value = () => {
        if (!mentionsDynruntime(arg)) return selectors.size ? selectorValue(keyword, arg, selectors) : undefined;
        return constantValue(firmwareSide({ keyword: keyword as CondBranch['keyword'], arg }).arg);
      };
      if (keyword === 'if' || keyword === 'ifdef' || keyword === 'ifndef') {
        const v = value();
        frames.push({ decided: v !== undefined, taken: v === true, dead: v === false });
      } else if (keyword === 'endif') frames.pop();
      else {
        const f = frames[frames.length - 1];
        if (f) {
          if (keyword === 'else') f.dead = f.decided && f.taken;
          else if (f.decided && !f.taken) {
            const v = value();
            if (v === undefined) f.decided = false;
            f.dead = v === false;
            f.taken = v === true;
          } else f.dead = f.decided && f.taken;
        }
      }
    }
    const blank = (m ? wasDead && deadAbove() : deadAbove()) || (m !== null && wasDead);
    for (let k = i; k <= j; k++) out.push(blank && !m ? lines[k].replace(/[^\s]/g, ' ') : lines[k]);
    i = j;
  }
  return out.join('\n');
}

/**
 * Uses of natmodgen's reserved names in the user's code (sources as the user wrote them,
 * and their local headers): each is an error at the use, naming what natmodgen
 * generates there. The first use of each name is reported.
 */
export function reservedNameUses(inputs: { path: string; text: string }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const files: { path: string; text: string; fileLine: (l: number) => number; original: string }[] = [];
  for (const i of inputs) {
    const r = readable(i.path, i.text);
    files.push({ path: i.path, text: r.text, fileLine: r.fileLine, original: i.text });
    for (const h of localHeaders(i.path, r.text)) {
      if (files.some((f) => path.resolve(f.path) === path.resolve(h))) continue;
      const t = fs.readFileSync(h, 'utf8');
      files.push({ path: h, text: t, fileLine: (l) => l, original: t });
    }
  }
  // Most files name none of them: a substring test spares the line maps and the identifier scan.
  const mayUse = (t: string) => t.includes(RESERVED_PREFIX) || RESERVED_NAMES.some((n) => t.includes(n));
  for (const f of files) {
    if (!mayUse(f.text)) continue;
    const live = withoutNatmodSide(f.text);
    if (!mayUse(live)) continue;
    const src = new SourceText(f.path, f.text);
    const orig = new SourceText(f.path, f.original.replace(/\r\n/g, '\n'));
    const where = (at: number, length: number) => {
      const s = src.span(at, at + length);
      const line = f.fileLine(s.line);
      const start = (orig.lineStarts[line - 1] ?? 0) + s.col - 1;
      return { file: f.path, line, col: s.col, start, end: start + length };
    };
    for (const { name, at } of identifierSpans(live)) {
      if (!isReserved(name) || seen.has(name)) continue;
      seen.add(name);
      out.push(diag('NMG2016', where(at, name.length), { name }));
    }
  }
  return out;
}

/**
 * Those names with py/dynruntime.h's definition of each from the tree (`(params) body` after
 * the name; undefined without a tree or where the header defines it otherwise): what a module
 * macro that calls the firmware function by its own name needs in a natmod.
 */
export function dynruntimeMacroDefinitions(facts: ApiFacts, mpyDir: string | undefined): Map<string, string | undefined> {
  const defs = new Map(dynruntimeMacroNames(facts));
  const names = new Set(defs.keys());
  let text: string | undefined;
  try {
    text = mpyDir ? fs.readFileSync(path.join(mpyDir, 'py', 'dynruntime.h'), 'utf8') : undefined;
  } catch {
    text = undefined;
  }
  if (text === undefined) return defs;
  // One logical line at a time (continuations joined), each an isolated directive.
  for (const line of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const m = /^\s*#\s*define\s+([A-Za-z_]\w*)(\([^)]*\))?(.*)$/.exec(line);
    if (!m || !names.has(m[1]) || defs.get(m[1]) !== undefined) continue;
    defs.set(m[1], `${m[2] ?? ''} ${m[3].trim()}`);
  }
  return defs;
}
