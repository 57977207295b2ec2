import * as path from 'path';
import { evaluateCondition, lexPP, preprocess } from '../preprocess';
import { stamped } from '../stamped-store';

type Macro = { name: string; body: string };

/**
 * Settings natmodgen itself may give a unit's build (src/plan's unitDefines: stack checks, unicode
 * strings, the module's __init__, mpz long ints, the port HAL header) and the one dynruntime.mk
 * sets per ARCH (the float implementation): their values, and every default derived from them,
 * stay undecided.
 */
const SET_PER_BUILD = new Set([
  'MICROPY_FLOAT_IMPL',
  'MICROPY_STACK_CHECK',
  'MICROPY_PY_BUILTINS_STR_UNICODE',
  'MICROPY_MODULE_BUILTIN_INIT',
  'MICROPY_LONGINT_IMPL',
  'MICROPY_MPHALPORT_H',
]);

/** The compiler's, libc's and the ARCH's names: undecided while py/mpconfig.h is read. */
function compilerName(name: string): boolean {
  return /^_/.test(name) || /^(U?INT\w*_(MAX|MIN)|U?L?LONG_(MAX|MIN)|SIZE_MAX|CHAR_BIT|\w*ENDIAN\w*)$/.test(name);
}

const cache = new Map<string, Macro[]>();

/**
 * MicroPython's configuration as a natmod build of the tree at `mpyDir` compiles it: py/mpconfig.h
 * read with dynruntime.mk's flags (MICROPY_ENABLE_DYNRUNTIME, NDEBUG, no port configuration:
 * its MP_CONFIGFILE holds qstrs only) and the module's -D, which override a default and every
 * default derived from it, as on the compiler's command line. Each MICROPY_* name whose value is
 * the same integer for every ARCH is returned as a definition `(value)`; the rest (set per ARCH, by
 * natmodgen's own plan, or not an integer) are left out, so natmodgen keeps them undecided.
 * Empty when the tree has no py/mpconfig.h.
 */
export function natmodConfigValues(mpyDir: string, defines: ReadonlyArray<Macro> = []): Macro[] {
  const key = JSON.stringify([path.resolve(mpyDir), defines]);
  const kept = cache.get(key);
  if (kept) return kept;
  // A cold start of the CLI finds the values in its cache folder while no file read for them changed.
  const values = stamped('natmod-config', key, (read) => readConfigValues(mpyDir, defines, read));
  cache.set(key, values);
  return values;
}

function readConfigValues(mpyDir: string, defines: ReadonlyArray<Macro>, read: (file: string) => string | undefined): Macro[] {
  const header = path.join(mpyDir, 'py', 'mpconfig.h');
  const values: Macro[] = [];
  if (read(header) !== undefined) {
    const main = '#include "py/mpconfig.h"\n';
    const given = new Set(defines.map((d) => d.name.replace(/\(.*$/, '')));
    const pp = preprocess(path.join(mpyDir, '<natmod config>.c'), main, {
      defines: [
        { name: 'MICROPY_ENABLE_DYNRUNTIME', body: '1' },
        { name: 'NDEBUG', body: '1' },
        { name: 'NO_QSTR', body: '1' },
        // dynruntime.mk's MP_CONFIGFILE (its qstr header): a computed include natmodgen does not follow.
        { name: 'MP_CONFIGFILE', body: '<natmod.config.h>' },
        ...defines,
      ],
      includeDirs: [mpyDir],
      host: { readFile: read },
      closedWorld: true,
      external: (name) => compilerName(name) || (SET_PER_BUILD.has(name) && !given.has(name)),
    });
    const lookup = pp.lookupAt(Infinity);
    const seen = new Set<string>();
    for (const def of pp.definitions) {
      const name = def.name;
      if (!/^MICROPY_/.test(name) || def.params || seen.has(name) || given.has(name)) continue;
      seen.add(name);
      // natmodgen reads tests of MICROPY_ENABLE_DYNRUNTIME as the firmware does (src/extract/module-pp.ts).
      if (SET_PER_BUILD.has(name) || name === 'MICROPY_ENABLE_DYNRUNTIME') continue;
      const state = lookup(name);
      if (!state || state === 'unknown' || state.params) continue;
      const value = evaluateCondition(lexPP(name), lookup);
      if (value !== undefined) values.push({ name, body: `(${value})` });
    }
  }
  return values;
}
