import * as fs from 'fs';
import * as path from 'path';
import { renderRuntime, runtimeClosure, runtimeIndex } from '../runtime';
import { prototypeConditions, shippedFacts, TreeSource, treeSourceFunctions } from '../facts';
import { Archive, NmSymbol, planHelpers, providedByLoader } from './runtime-helpers';
import { libcAlternative, libcSourceName } from './libc-alternatives';

/**
 * The second look at a module's compiled objects: names they leave undefined that natmodgen
 * itself can answer. GCC emits calls the source never wrote (a zeroing loop becomes memset, a
 * length loop strlen, a struct copy memcpy), so `gen` cannot see them; after compiling, `nm`
 * can. Those the runtime library defines are rendered into one more unit, compiled and linked
 * with the module.
 */

/** Functions of the MicroPython tree's own C files natmodgen compiles in (src/facts/tree-sources.ts), by name. */
function treeFunctions(): Map<string, TreeSource> {
  return treeSourceFunctions(shippedFacts());
}

/** The `#if`s around the prototypes of a tree source's header in the MicroPython tree (none known without a tree). */
function headerConditions(src: TreeSource, mpyDir: string | undefined): Map<string, string[]> {
  const file = mpyDir ? path.join(mpyDir, src.header) : '';
  return file && fs.existsSync(file) ? prototypeConditions(fs.readFileSync(file, 'utf8')) : new Map();
}

/**
 * C library functions a tree source calls (py/mpz.c: memcpy, memset, strlen for a prefix): the
 * runtime defines them in the same unit, as no later nm pass looks at that unit.
 */
const TREE_LIBC = ['memcpy', 'memmove', 'memset', 'strlen'];

/**
 * Undefined names of the objects (nm -A -g --format=posix) that the runtime library defines,
 * or that a C file of the MicroPython tree natmodgen compiles in defines (py/mpz.c's mpz_*),
 * and no object does.
 */
export function runtimeProvidable(objects: NmSymbol[]): string[] {
  const index = runtimeIndex();
  const tree = treeFunctions();
  const defined = objectDefinitions(objects);
  const bodies = new Set(index.items.filter((i) => i.part === 'body').flatMap((i) => i.defines));
  // glibc's <stdio.h> renames the scanf family (sscanf is __isoc99_sscanf in the objects); the runtime
  // unit includes the same header, so its definition of sscanf gets the same symbol name.
  const names = objects
    // mpy_ld answers its own names (mp_fun_table, mp_type_str...); an mp_ name of the runtime's is the
    // runtime's (MP_STACK_CHECK() in a header of the module calls mp_stack_check where gen did not see it).
    .filter(
      (s) =>
        s.type === 'U' && !defined.has(s.name) && !defined.has(libcSourceName(s.name)) && (!providedByLoader(s.name) || bodies.has(s.name)),
    )
    .map((s) => (bodies.has(s.name) || tree.has(s.name) ? s.name : libcSourceName(s.name)))
    .filter((n) => bodies.has(n) || tree.has(n));
  if (names.some((n) => tree.has(n))) names.push(...TREE_LIBC.filter((n) => !defined.has(n) && bodies.has(n)));
  return [...new Set(names)].sort();
}

/**
 * The runtime unit's own compiled code can call what the compiler introduces (on ARM a zeroing loop
 * of cstdio_scan.c's sscanf becomes memset), which no pass over the module's objects saw. Given the
 * symbols of the module's objects and of the unit's object (`unit`), and the names the unit was
 * written for: the names of its next version (those and what is still undefined that natmodgen
 * answers), or undefined when nothing is missing. Each version only adds names, so rewriting and
 * recompiling until this is undefined ends.
 */
export function runtimeUnitNext(symbols: NmSymbol[], unit: string, written: string[]): string[] | undefined {
  const had = new Set(written);
  const more = runtimeProvidable(symbols).filter((n) => !had.has(n));
  if (!more.length) return undefined;
  // A name the module's objects define is not the unit's to define (runtimeProvidable already knows).
  return [...new Set([...written, ...more])].sort();
}

/** The module's own objects' definitions: `symbols` without those of the runtime unit's object. */
export function moduleDefinitions(symbols: NmSymbol[], unit: string): Set<string> {
  return objectDefinitions(symbols.filter((s) => s.object !== unit));
}

/** A runtime unit's second line names what it was written for (read back by the make fragment's later rounds). */
const UNIT_NAMES = /^\/\* natmodgen runtime unit for: ([^*]*) \*\//m;

/** The names a runtime unit's text was written for (its UNIT_NAMES line); none for any other text. */
export function runtimeUnitNames(text: string): string[] {
  const m = UNIT_NAMES.exec(text);
  return m ? m[1].split(' ').filter(Boolean) : [];
}

/** The names the objects define (not weak): runtime pieces already compiled into the module. */
export function objectDefinitions(objects: NmSymbol[]): Set<string> {
  return new Set(objects.filter((s) => s.type !== 'U' && s.type !== 'w' && s.type !== 'v').map((s) => s.name));
}

/**
 * C text of a unit holding the runtime pieces for `names` (and what they use), and, for names a
 * tree source defines, that file of the MicroPython tree itself (#include "py/mpz.c", found through
 * the build's -I$(MPY_DIR)). Its other functions are renamed and declared static ahead of the
 * file, so the compiler drops those the module does not call (mpy_ld links every external
 * function of an object): the module gets only what it uses, from the firmware's own source.
 */
export function runtimeUnitSource(names: string[], mpyDir = process.env.MPY_DIR, defined?: ReadonlySet<string>): string {
  const index = runtimeIndex();
  const tree = treeFunctions();
  // Pieces the module's units hold already (gen put the runtime functions they name there) are not defined twice.
  const items = runtimeClosure(
    index,
    names.filter((n) => !tree.has(n)),
    defined,
  );
  const sources = [...new Set(names.flatMap((n) => (tree.has(n) ? [tree.get(n)!] : [])))];
  const wanted = new Set(names);
  const treeText = sources.flatMap((src) => [
    `#include "${src.header}"`,
    ...[...tree]
      .filter(([n, s]) => s === src && !wanted.has(n))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n]) => {
        const hide = `static __attribute__((unused)) __typeof__(${n}) natmodgen_tree_${n};\n#define ${n} natmodgen_tree_${n}`;
        const conds = headerConditions(src, mpyDir).get(n) ?? [];
        return conds.length ? `#if ${conds.map((c) => `(${c})`).join(' && ')}\n${hide}\n#endif` : hide;
      }),
    `#include "${src.file}"`,
  ]);
  return [
    '/* Written by `natmodgen build`: natmodgen runtime functions the compiled module calls without naming them. */',
    `/* natmodgen runtime unit for: ${names.join(' ')} */`,
    ...sources.flatMap((src) => src.defines.map((d) => `#define ${d}`)),
    '#include "py/dynruntime.h"',
    renderRuntime(
      index,
      items.filter((i) => i.part === 'header'),
    ),
    renderRuntime(
      index,
      items.filter((i) => i.part === 'body'),
    ),
    ...treeText,
    '',
  ].join('\n');
}

/** A compiler-runtime or libm function the objects call whose only definition a natmod cannot link. */
export interface UnlinkableHelper {
  name: string;
  /** Where it is defined ("libm.a(wf_sqrt.o)"), or '' when nowhere. */
  from: string;
  /** What stops it: symbols nothing defines, or writable data. */
  why: string;
}

/** Symbol types of initialised writable data (mpy_ld refuses a non-empty .data). */
const DATA = new Set(['D', 'd', 'G', 'g']);

/**
 * For each name the objects call from the toolchain's archives, whether the members it pulls
 * in can link in a natmod: every symbol they need defined (by the module, the loader or another
 * member) and no writable data. glibc's libm needs errno and the dynamic loader, newlib's
 * wrappers a .data version variable: those are reported here, by name, rather than as
 * mpy_ld's LinkError.
 */
export function unlinkableHelpers(objects: NmSymbol[], archives: Archive[]): UnlinkableHelper[] {
  const defined = new Set(objects.filter((s) => s.type !== 'U' && s.type !== 'w' && s.type !== 'v').map((s) => s.name));
  const roots = [
    ...new Set(objects.filter((s) => s.type === 'U' && !defined.has(s.name) && !providedByLoader(s.name)).map((s) => s.name)),
  ].sort();
  const out: UnlinkableHelper[] = [];
  for (const name of roots) {
    const plan = planHelpers([...objects.filter((s) => s.type !== 'U'), { object: 'root', name, type: 'U' }], archives);
    const first = plan.members[0];
    const from = first ? `${path.basename(first.archive)}(${first.member})` : '';
    if (!first) {
      out.push({ name, from, why: 'nothing defines it: not the module, not natmodgen, not the toolchain libraries' });
      continue;
    }
    const taken = new Set(plan.members.map((m) => `${m.archive}\0${m.member}`));
    const data = archives.flatMap((a) =>
      a.symbols
        .filter((s) => taken.has(`${a.path}\0${s.object}`) && DATA.has(s.type))
        .map((s) => `${s.name} in ${path.basename(a.path)}(${s.object})`),
    );
    const reasons = [
      ...(plan.unresolved.length ? [`it needs ${plan.unresolved.join(', ')}, which nothing in a natmod defines`] : []),
      ...(data.length ? [`it has writable data (${data.join(', ')}), which mpy_ld refuses`] : []),
    ];
    if (reasons.length) out.push({ name, from, why: reasons.join('; ') });
  }
  return out;
}

/** `file:line:col` of the first mention of `name` (or, for sqrtf-style names, of `sqrt`) in the generated sources, through their #line directives. */
export function locateCall(sources: Array<{ rel: string; text: string }>, dir: string, name: string): string | undefined {
  const source = libcSourceName(name);
  const candidates = [source, source.replace(/[fl]$/, '')].filter((n, i, a) => a.indexOf(n) === i);
  for (const n of candidates) {
    for (const s of sources) {
      const lines = s.text.split('\n');
      let file = s.rel;
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        const m = /^#line (\d+) "((?:[^"\\]|\\.)*)"/.exec(lines[i]);
        if (m) {
          file = m[2].replace(/\\(.)/g, '$1');
          offset = Number(m[1]) - (i + 2);
          continue;
        }
        // a call or a macro argument (MICROPY_FLOAT_C_FUN(sqrt)), outside comments and directives
        const col = new RegExp(`\\b${n}\\s*[()]`).exec(lines[i]);
        const before = col ? lines[i].slice(0, col.index) : '';
        if (col && !/^\s*(#|\*|\/\*)/.test(lines[i]) && !before.includes('//')) {
          const where = path.isAbsolute(file) ? file : path.relative(process.cwd(), path.resolve(dir, file));
          return `${where}:${i + 1 + offset}:${col.index + 1}`;
        }
      }
    }
  }
  return undefined;
}

/** The message for helpers that cannot link: the function, why, and what to do instead. */
export function unlinkableMessage(found: UnlinkableHelper[], locate: (name: string) => string | undefined): string {
  return found
    .map((h) => {
      const where = locate(h.name);
      const math =
        /^(a?(sin|cos|tan)h?|atan2|exp|expm1|log(10|2|1p)?|pow|sqrt|cbrt|hypot|floor|ceil|trunc|round|fmod|modf|frexp|ldexp|copysign|erfc?|[lt]gamma)[fl]?$/.test(
          h.name,
        );
      const fix = math
        ? `Fix: call the firmware's math module instead: mp_call_function_1(mp_load_attr(mp_import_name(MP_QSTR_math, mp_const_none, ` +
          `MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_${h.name.replace(/f$/, '')}), mp_obj_new_float(x)) (natmodgen links the functions MicroPython's own ` +
          'lib/libm and lib/libm_dbl define by itself; this one is not among them)'
        : libcAlternative(h.name)
          ? `Fix: ${libcAlternative(h.name)}`
          : 'Fix: define it in the module, or avoid the construct that calls it';
      return `${where ? `${where}: ` : ''}error: ${h.name}${h.from ? ` (from ${h.from})` : ''} cannot be linked into a natmod: ${h.why}. ${fix}`;
    })
    .join('\n');
}

export function writeRuntimeUnit(
  dir: string,
  rel: string,
  names: string[],
  mpyDir?: string,
  defined?: ReadonlySet<string>,
): { rel: string; text: string } {
  const text = runtimeUnitSource(names, mpyDir, defined);
  fs.writeFileSync(path.join(dir, rel), text);
  return { rel, text };
}
