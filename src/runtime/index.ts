import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../paths';
import { fromRuntimeCache } from './cache';
import { identifiersIn, lexC, RtToken } from './lex';

/**
 * natmodgen's runtime library (runtime/ in the package): ordinary C files with the
 * firmware's prototypes and behaviour, for MicroPython C API functions that
 * py/dynruntime.h does not offer. Each file is split into its top-level pieces
 * (a function, an object, a macro, a prototype); a module gets only the pieces it
 * names and, transitively, what those name. Nothing here lists dependencies by
 * hand: they are the identifiers each piece's C text uses.
 *
 * Pieces from headers (*.h) are macros and prototypes every unit that uses them
 * needs ahead of its own code; pieces from .c files are definitions, emitted once
 * per module in the unit that holds mpy_init.
 */
export interface RuntimeItem {
  /** File name inside runtime/. */
  file: string;
  /** Position in the index: files in name order, pieces in file order. */
  order: number;
  part: 'header' | 'body';
  /** The piece's C text, as written. */
  text: string;
  /** Names the piece defines or declares (a function, object, macro or type). */
  defines: string[];
  /** Other identifiers the piece uses. */
  refs: string[];
  /** Enclosing `#if` lines, outermost first. */
  conds: string[];
  /**
   * For a definition that could have internal linkage (a function or a function object, not
   * yet `static`; variables cannot, mpy_ld refuses static .bss), its declaration without
   * the body or initialiser, e.g.
   * `int f(int x)` or `const mp_obj_fun_builtin_fixed_t f_obj`: what a forward `static`
   * declaration needs. Undefined for everything else.
   */
  head?: string;
  /**
   * Set on the pieces of a link-only file (LINK_ONLY): definitions under C library names that
   * are also struct members and variables of ordinary code (`read`, `write`), so no use in the
   * source and no other piece's text selects them; only the pass over the compiled objects
   * does, for a symbol they leave undefined (src/build/runtime-provide.ts), and they keep
   * their names there.
   */
  linkOnly?: true;
}

/**
 * Runtime files whose pieces are link-only (RuntimeItem.linkOnly): the POSIX descriptor
 * functions, printf/puts/putchar under the C library's names (calls the source does not
 * spell, which the source-level cstdio.c does not serve), the scanf family (glibc's <stdio.h>
 * renames it: the objects name __isoc99_sscanf) and setjmp/longjmp (the module's <setjmp.h>
 * makes setjmp a macro on glibc, and declares jmp_buf).
 */
export const LINK_ONLY = /^(posix_|cstdio_libc\.c$|cstdio_scan\.c$|setjmp\.c$)/;

export interface RuntimeIndex {
  items: RuntimeItem[];
  /** `#include <...>` / `#include "py/..."` lines of each .c file other than py/dynruntime.h. */
  includes: Map<string, string[]>;
  /** Every name some piece defines. */
  provided: Set<string>;
  /** Objects defined with MP_DEFINE_CONST_* (a table may point at them). */
  objects: Set<string>;
}

export class RuntimeIndexError extends Error {}

let cached: RuntimeIndex | undefined;

/** The index of the package's runtime/ folder, built once per process. */
export function runtimeIndex(): RuntimeIndex {
  if (!cached) {
    const dir = path.join(packageRoot(), 'runtime');
    cached = fromRuntimeCache(
      'index',
      dir,
      () => indexRuntimeDir(dir),
      (j) => decodeRuntimeIndex(j as EncodedRuntimeIndex),
    );
  }
  return cached;
}

/** A RuntimeIndex as JSON (for the build's cache, src/runtime/cache.ts). */
export interface EncodedRuntimeIndex {
  items: RuntimeItem[];
  includes: Array<[string, string[]]>;
}

export function encodeRuntimeIndex(x: RuntimeIndex): EncodedRuntimeIndex {
  return { items: x.items, includes: [...x.includes] };
}

export function decodeRuntimeIndex(j: EncodedRuntimeIndex): RuntimeIndex {
  const items = j.items;
  const objects = new Set(items.filter((i) => FUNCTION_DEFINERS.test(i.text)).flatMap((i) => i.defines));
  return { items, includes: new Map(j.includes), provided: providedNames(items), objects };
}

export function indexRuntimeDir(dir: string): RuntimeIndex {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.[ch]$/.test(f))
    .sort();
  const items: RuntimeItem[] = [];
  const includes = new Map<string, string[]>();
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const r = indexRuntimeFile(f, text, items.length);
    items.push(...r.items);
    includes.set(f, r.includes);
  }
  const objects = new Set(items.filter((i) => FUNCTION_DEFINERS.test(i.text)).flatMap((i) => i.defines));
  return { items, includes, provided: providedNames(items), objects };
}

/** Names a source's use selects: what every piece but the link-only ones defines. */
function providedNames(items: RuntimeItem[]): Set<string> {
  return new Set(items.filter((i) => !i.linkOnly).flatMap((i) => i.defines));
}

/** C99 keywords and basic type names: never a runtime piece's name. */
const C_KEYWORDS = new Set(
  (
    'auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed ' +
    'sizeof static struct switch typedef union unsigned void volatile while _Bool __attribute__'
  ).split(' '),
);

const FUNCTION_DEFINERS = /^MP_DEFINE_CONST_(FUN_OBJ|OBJ_TYPE|DICT|STR_OBJ|BYTES_OBJ)/;

export function indexRuntimeFile(file: string, text: string, firstOrder = 0): { items: RuntimeItem[]; includes: string[] } {
  const part = file.endsWith('.h') ? 'header' : 'body';
  const tokens = lexC(text);
  const items: RuntimeItem[] = [];
  const includes: string[] = [];
  const conds: string[] = [];
  const fail = (t: RtToken, why: string): never => {
    const line = text.slice(0, t.start).split('\n').length;
    throw new RuntimeIndexError(`runtime/${file}:${line}: ${why}`);
  };
  const guard = part === 'header' ? headerGuard(tokens) : undefined;
  let pending: RtToken[] = [];
  let depth = 0;
  let functionBody = false;
  const push = (start: number, end: number, defines: string[], refs: string[], head?: string) => {
    const own = new Set(defines);
    items.push({
      file,
      order: firstOrder + items.length,
      part,
      text: text.slice(start, end),
      defines,
      refs: [...new Set(refs.filter((r) => !own.has(r) && !C_KEYWORDS.has(r)))],
      conds: [...conds],
      ...(head !== undefined ? { head } : {}),
      ...(LINK_ONLY.test(file) ? { linkOnly: true as const } : {}),
    });
  };
  tokens.forEach((t, i) => {
    if (guard && (i === guard.open || i === guard.define || i === guard.close)) return;
    if (t.kind === 'directive' && depth === 0 && pending.length === 0) {
      const m = /^#\s*(\w+)\s*(.*)$/.exec(t.text);
      const keyword = m?.[1] ?? '';
      const arg = m?.[2] ?? '';
      if (keyword === 'include') {
        // The unit already has py/dynruntime.h; runtime headers are pieces themselves. The tree's
        // headers come along (a prototype may name their types: mp_vfs_blockdev_t of extmod/vfs.h).
        if (arg.startsWith('<') || ((arg.startsWith('"py/') || arg.startsWith('"extmod/')) && arg !== '"py/dynruntime.h"'))
          includes.push(t.text);
      } else if (keyword === 'if' || keyword === 'ifdef' || keyword === 'ifndef') {
        conds.push(t.text);
      } else if (keyword === 'endif') {
        if (!conds.length) fail(t, '#endif without #if');
        conds.pop();
      } else if (keyword === 'define' || keyword === 'undef') {
        const name = /^(\w+)/.exec(arg)?.[1] ?? fail(t, `#${keyword} without a name`);
        push(t.start, t.end, [name], identifiersIn(arg).slice(1));
      } else {
        fail(t, `#${keyword} at file scope is not supported in runtime files (use #if ... #endif around each piece)`);
      }
      return;
    }
    if (t.kind === 'directive') {
      if (depth === 0) fail(t, 'preprocessor line inside a declaration');
      pending.push(t);
      return;
    }
    if (
      t.text === '{' &&
      depth === 0 &&
      pending.length &&
      pending[pending.length - 1].text === ')' &&
      !pending.some((p) => p.text === '=')
    ) {
      functionBody = true;
    }
    pending.push(t);
    if (t.text === '(' || t.text === '{' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === '}' || t.text === ']') depth--;
    const ends = depth === 0 && (t.text === ';' || (t.text === '}' && functionBody));
    if (!ends) return;
    const defines = definedNames(pending) ?? fail(pending[0], 'cannot tell what this piece defines');
    push(
      pending[0].start,
      t.end,
      defines,
      pending.flatMap((p) => (p.kind === 'ident' ? [p.text] : p.kind === 'directive' ? identifiersIn(p.text) : [])),
      part === 'body' ? definitionHead(text, pending, functionBody, defines) : undefined,
    );
    pending = [];
    functionBody = false;
  });
  if (pending.length) fail(pending[0], 'unterminated declaration');
  if (conds.length) fail(tokens[tokens.length - 1], 'unterminated #if');
  return { items, includes };
}

/** Function objects of py/obj.h's MP_DEFINE_CONST_FUN_OBJ_* macros, by macro suffix: the object's type. */
const FUN_OBJ_TYPES: Record<string, string> = {
  '0': 'mp_obj_fun_builtin_fixed_t',
  '1': 'mp_obj_fun_builtin_fixed_t',
  '2': 'mp_obj_fun_builtin_fixed_t',
  '3': 'mp_obj_fun_builtin_fixed_t',
  VAR: 'mp_obj_fun_builtin_var_t',
  VAR_BETWEEN: 'mp_obj_fun_builtin_var_t',
  KW: 'mp_obj_fun_builtin_var_t',
};

/** The declaration part of a definition that could be made static (see RuntimeItem.head), else undefined. */
function definitionHead(text: string, toks: RtToken[], functionBody: boolean, defines: string[]): string | undefined {
  if (defines.length !== 1 || toks.some((t) => t.kind === 'directive')) return undefined;
  const top: RtToken[] = [];
  let depth = 0;
  for (const t of toks) {
    if (depth === 0) top.push(t);
    if (t.text === '(' || t.text === '{' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === '}' || t.text === ']') depth--;
  }
  const words = new Set(top.map((t) => t.text));
  if (words.has('static') || words.has('extern') || words.has('typedef')) return undefined;
  const first = toks[0].text;
  const definer = /^MP_DEFINE_CONST_FUN_OBJ_(\w+)$/.exec(first);
  if (definer) return FUN_OBJ_TYPES[definer[1]] ? `const ${FUN_OBJ_TYPES[definer[1]]} ${defines[0]}` : undefined;
  if (FUNCTION_DEFINERS.test(first)) return undefined;
  if (functionBody) {
    const open = top.find((t) => t.text === '{')!;
    return text.slice(toks[0].start, open.start).trimEnd();
  }
  // Variables keep external linkage: mpy_ld cannot relocate a static one in .bss.
  return undefined;
}

/** The include guard of a header: its first #ifndef, the #define after it and its last #endif. */
function headerGuard(tokens: RtToken[]): { open: number; define: number; close: number } | undefined {
  const first = tokens.findIndex((t) => t.kind === 'directive');
  const last = tokens.length - 1;
  if (first < 0 || !/^#\s*ifndef\s+(\w+)/.test(tokens[first].text)) return undefined;
  const name = /^#\s*ifndef\s+(\w+)/.exec(tokens[first].text)![1];
  if (!new RegExp(`^#\\s*define\\s+${name}\\b`).test(tokens[first + 1]?.text ?? '')) return undefined;
  if (!/^#\s*endif/.test(tokens[last].text)) return undefined;
  return { open: first, define: first + 1, close: last };
}

/** What one top-level declaration or definition defines. */
function definedNames(toks: RtToken[]): string[] | undefined {
  if (toks[0].kind === 'ident' && FUNCTION_DEFINERS.test(toks[0].text)) {
    const name = toks.find((t, i) => i > 1 && t.kind === 'ident');
    return name ? [name.text] : undefined;
  }
  if (toks[0].text === 'typedef') {
    // The struct tag before '{' and the type name before the final ';' (not the fields inside the braces).
    const names: string[] = [];
    let depth = 0;
    toks.forEach((t, i) => {
      const next = toks[i + 1]?.text;
      if (t.kind === 'ident' && depth === 0 && (next === ';' || next === '{')) names.push(t.text);
      if (t.text === '{') depth++;
      else if (t.text === '}') depth--;
    });
    return names.length ? names : undefined;
  }
  // The declarator's name: the last identifier before the first '(' '[' '=' ';' outside __attribute__((...)).
  let last: string | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'ident' && t.text === '__attribute__') {
      i = skipParens(toks, i + 1);
      continue;
    }
    if (t.text === '(' || t.text === '[' || t.text === '=' || t.text === ';') return last ? [last] : undefined;
    if (t.kind === 'ident') last = t.text;
  }
  return undefined;
}

function skipParens(toks: RtToken[], i: number): number {
  let depth = 0;
  for (; i < toks.length; i++) {
    if (toks[i].text === '(') depth++;
    else if (toks[i].text === ')' && --depth === 0) return i;
  }
  return i;
}

const byNameOf = new WeakMap<RuntimeIndex, Map<string, RuntimeItem[]>>();

/** The pieces defining each name, in index order (made once per index: a conversion asks twice). */
function piecesByName(index: RuntimeIndex): Map<string, RuntimeItem[]> {
  let byName = byNameOf.get(index);
  if (!byName) {
    byName = new Map();
    for (const it of index.items)
      for (const d of it.defines) {
        const list = byName.get(d);
        if (list) list.push(it);
        else byName.set(d, [it]);
      }
    byNameOf.set(index, byName);
  }
  return byName;
}

/**
 * The pieces a module needs for the names it uses: the closure over each piece's references.
 * Bodies whose names are all in `defined` (compiled into the module already) are left out.
 * A link-only piece is taken for a root or for a reference of another link-only piece, never
 * for an ordinary piece's reference (`stream_p->read` is not a call of read()).
 * `sourceLevel` (gen's choice from the module's text) takes no link-only piece: those answer
 * only symbols the compiled objects leave undefined.
 */
export function runtimeClosure(
  index: RuntimeIndex,
  roots: Iterable<string>,
  defined?: ReadonlySet<string>,
  sourceLevel = false,
): RuntimeItem[] {
  const byName = piecesByName(index);
  const chosen = new Set<RuntimeItem>();
  // name -> whether link-only pieces may answer it (a root, or named by a link-only piece)
  const seen = new Map<string, boolean>();
  const queue: Array<[string, boolean]> = [...roots].map((n) => [n, true]);
  while (queue.length) {
    const [name, linkOk] = queue.pop()!;
    const before = seen.get(name);
    if (before === true || (before === false && !linkOk)) continue;
    seen.set(name, linkOk);
    for (const it of byName.get(name) ?? []) {
      if (chosen.has(it) || (it.linkOnly && (!linkOk || sourceLevel))) continue;
      if (defined && it.part === 'body' && it.defines.every((d) => defined.has(d))) continue;
      chosen.add(it);
      for (const r of [...it.refs, ...it.defines]) queue.push([r, it.linkOnly === true]);
    }
  }
  return [...chosen].sort((a, b) => a.order - b.order);
}

/** C text for pieces in index order, each wrapped in its #if lines; a .c file's includes come first. */
export function renderRuntime(index: RuntimeIndex, items: RuntimeItem[]): string {
  if (!items.length) return '';
  const out: string[] = [];
  const files = [...new Set(items.map((i) => i.file))];
  const incs = [...new Set(files.flatMap((f) => index.includes.get(f) ?? []))];
  out.push(...incs);
  let file = '';
  let open: string[] = [];
  const close = () => {
    out.push(...open.map(() => '#endif'));
    open = [];
  };
  for (const it of items) {
    if (it.file !== file || it.conds.join('\n') !== open.join('\n')) close();
    if (it.file !== file) {
      out.push(`/* natmodgen runtime: ${it.file} */`);
      file = it.file;
    }
    if (!open.length && it.conds.length) {
      out.push(...it.conds);
      open = [...it.conds];
    }
    out.push(it.text);
  }
  close();
  return out.join('\n');
}
