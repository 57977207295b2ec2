import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../paths';
import { classify, Inventory, RuntimeProviders } from './classify';
import { readRuntimeLibrary, RuntimeDefinition } from './runtime-lib';
import { fromRuntimeCache } from '../runtime/cache';
import { isMicroPythonTree, readTreeFacts, treeFingerprint } from './tree';
import { ApiFacts } from './types';
import { withTreeSources } from './tree-sources';

export { Inventory, RUNTIME_NAME } from './classify';
export type { InventoryEntry, Status, StatusKind, Counts } from './classify';
export type { ApiFacts } from './types';
export { prototypeConditions, TREE_SOURCES, treeSourceFunctions } from './tree-sources';
export type { TreeSource } from './tree-sources';

/** The MicroPython release whose facts ship in data/ (used when no tree is given). */
export const DEFAULT_VERSION = '1.28.0';

export function dataFile(version = DEFAULT_VERSION): string {
  return path.join(packageRoot(), 'data', `api-v${version}.json`);
}

const shipped = new Map<string, ApiFacts>();

/**
 * The facts shipped with natmodgen (data/api-v<version>.json, written by `npm run inventory`).
 * Read once per process: a cold `sync --check` asked for them twice (inventory and core macros),
 * and parsing the 230 KB file is a visible part of its start.
 */
export function shippedFacts(version = DEFAULT_VERSION): ApiFacts {
  let facts = shipped.get(version);
  if (!facts) {
    facts = JSON.parse(fs.readFileSync(dataFile(version), 'utf8')) as ApiFacts;
    shipped.set(version, facts);
  }
  return facts;
}

/** What natmodgen's runtime provides: the functions defined in the package's runtime/ folder. */
export function runtimeProviders(runtimeDir = path.join(packageRoot(), 'runtime')): RuntimeProviders {
  const out: RuntimeProviders = new Map();
  const library = fromRuntimeCache(
    'library',
    runtimeDir,
    () => readRuntimeLibrary(runtimeDir),
    (j) => new Map(j as Array<[string, RuntimeDefinition]>),
  );
  for (const [name, d] of library) out.set(name, { file: `runtime/${d.file}`, line: d.line });
  for (const [name, file] of generatedEquivalents()) if (!out.has(name)) out.set(name, { file });
  return out;
}

/** The prelude's ROM value macros (the run-time values a natmod's tables need). */
const ROM_MACROS = path.join('templates', 'partials', 'rom-macros.c.hbs');

/**
 * Names natmodgen provides by generating code rather than from runtime/: the ROM value
 * macros every unit's prelude defines, and `Q(...)`, whose lines in a module's qstrdefs
 * header natmodgen reads for the qstrs' text (no compiler ever sees them).
 */
function generatedEquivalents(): Map<string, string> {
  const out = new Map<string, string>();
  const file = path.join(packageRoot(), ROM_MACROS);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const m of text.matchAll(/^#define\s+(\w+)/gm)) out.set(m[1], ROM_MACROS);
  out.set('Q', 'src/model/qstr-escape.ts');
  return out;
}

const cache = new Map<string, Inventory>();

/**
 * "Can a natmod call X, and if not why / what instead": the classified API of the
 * MicroPython tree at `mpyDir` (its own headers, dynruntime.h and mp_fun_table), or of
 * the shipped data when no tree is given or the folder is not a MicroPython tree.
 */
export function natmodInventory(mpyDir?: string): Inventory {
  const key = mpyDir && isMicroPythonTree(mpyDir) ? path.resolve(mpyDir) : '';
  let inv = cache.get(key);
  if (!inv) {
    const facts = key ? treeFacts(key) : shippedFacts();
    inv = classify(facts, withTreeSources(runtimeProviders(), facts));
    cache.set(key, inv);
  }
  return inv;
}

/** A tree's facts: the shipped ones when the tree is the one they were read from, else parsed from it. */
function treeFacts(mpyDir: string): ApiFacts {
  const facts = fs.existsSync(dataFile()) ? shippedFacts() : undefined;
  return facts && facts.fingerprint === treeFingerprint(mpyDir) ? facts : readTreeFacts(mpyDir);
}

/** The headers every natmod and user C module sees (py/dynruntime.h and py/runtime.h bring them in). */
const CORE_HEADERS = new Set([
  'py/obj.h',
  'py/misc.h',
  'py/qstr.h',
  'py/mpprint.h',
  'py/objstr.h',
  'py/objtype.h',
  'py/objfun.h',
  'py/binary.h',
  'py/nativeglue.h',
  'py/runtime.h',
]);

let coreMacros: Set<string> | undefined;

/**
 * Function-like macros of MicroPython's core headers (shipped facts): defined in every
 * build, so `#if defined(MP_DEFINE_CONST_OBJ_TYPE)` reads as the compiler reads it.
 */
export function coreHeaderMacros(): Set<string> {
  coreMacros ??= new Set(
    shippedFacts()
      .symbols.filter((s) => s.kind === 'macro' && s.header !== undefined && CORE_HEADERS.has(s.header))
      .map((s) => s.name),
  );
  return coreMacros;
}

/**
 * Names a firmware build has as functions (or data) but a natmod's py/dynruntime.h
 * defines as macros. A module's own `#define` of one is valid firmware code; in a natmod it
 * would redefine dynruntime's macro, so natmodgen moves dynruntime's out of the way for the
 * module's code and back for its own (src/extract/api-overrides.ts).
 */
export function dynruntimeOnlyMacros(facts: ApiFacts): Set<string> {
  const firmwareMacros = new Set(facts.symbols.filter((s) => s.kind === 'macro').map((s) => s.name));
  const firmware = new Set(facts.symbols.map((s) => s.name));
  return new Set([
    ...facts.dynruntime.map((d) => d.name).filter((n) => firmware.has(n) && !firmwareMacros.has(n)),
    ...NATMOD_ONLY_HEADER_MACROS,
  ]);
}

/**
 * Constants of py/stream.h, which every natmod has (py/dynruntime.h includes py/nativeglue.h,
 * which includes it) but a firmware unit has only when it includes the header: a module that
 * does not, and defines MP_SEEK_SET its own way (russhughes' mpfile.h: `0` where py/stream.h
 * has `(0)`), is valid firmware code that a natmod build would stop at as a redefinition.
 */
const NATMOD_ONLY_HEADER_MACROS = [
  'MP_SEEK_SET',
  'MP_SEEK_CUR',
  'MP_SEEK_END',
  'MP_STREAM_ERROR',
  'MP_STREAM_FLUSH',
  'MP_STREAM_SEEK',
  'MP_STREAM_POLL',
  'MP_STREAM_CLOSE',
  'MP_STREAM_TIMEOUT',
  'MP_STREAM_GET_OPTS',
  'MP_STREAM_SET_OPTS',
  'MP_STREAM_GET_DATA_OPTS',
  'MP_STREAM_SET_DATA_OPTS',
  'MP_STREAM_GET_FILENO',
  'MP_STREAM_GET_BUFFER_SIZE',
  'MP_STREAM_RAISE_ERROR',
  'MP_STREAM_POLL_RD',
  'MP_STREAM_POLL_WR',
  'MP_STREAM_POLL_ERR',
  'MP_STREAM_POLL_HUP',
  'MP_STREAM_POLL_NVAL',
];

const macroNames = new WeakMap<ApiFacts, ReadonlyMap<string, string | undefined>>();

/**
 * dynruntimeOnlyMacros() as natmodgen's preprocess environment wants them, without their
 * definitions (no tree read); worked out once per set of facts.
 */
export function dynruntimeMacroNames(facts: ApiFacts = shippedFacts()): ReadonlyMap<string, string | undefined> {
  let names = macroNames.get(facts);
  if (!names) {
    names = new Map([...dynruntimeOnlyMacros(facts)].map((n) => [n, undefined]));
    macroNames.set(facts, names);
  }
  return names;
}
