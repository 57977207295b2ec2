import type * as Crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../paths';

/**
 * Facts derived from the package's runtime/ folder (its piece index, the functions it
 * defines) cost tens of milliseconds to compute, at every start of natmodgen. The build
 * (scripts/cache-runtime.js) computes them once into dist/runtime-cache.json. A run uses
 * that file only when
 *  - natmodgen runs from dist/ (the bundle or dist/src; never from src/ under ts-jest), and
 *  - the hash of every file under runtime/ is the one recorded, and
 *  - the code that computes the facts (the built files, which the bundle was made from, and
 *    the C grammar's package.json) hashes as recorded: a `tsc` after the build, or another
 *    tree-sitter-c, makes it stale;
 * otherwise everything is computed as before.
 *
 * Hashing reads every file (and loads node:crypto): a start first compares each file's size
 * and modification time with the ones recorded at the build, and hashes only when one differs
 * (a checkout or a copy that keeps the contents but not the times then still uses the cache).
 */
export const RUNTIME_CACHE_VERSION = 3;

/** node:crypto, loaded only when a hash is needed: it is a visible part of a cold start. */
function sha256(): Crypto.Hash {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('crypto') as typeof Crypto).createHash('sha256');
}

/** Built files whose code computes the cached facts, relative to the package folder. */
const CODE_FILES = [
  'dist/src/runtime/index.js',
  'dist/src/runtime/lex.js',
  'dist/src/runtime/cache.js',
  'dist/src/facts/runtime-lib.js',
  'dist/src/facts/headers.js',
  'dist/src/parse/native.js',
];

/** The code files and the C grammar's package.json, as absolute paths. */
function codePaths(): string[] {
  const root = packageRoot();
  return [...CODE_FILES.map((c) => path.join(root, c)), require.resolve('tree-sitter-c/package.json')];
}

/** A hash of the code files and of the C grammar's package.json; undefined when one is missing. */
export function codeStamp(): string | undefined {
  const h = sha256();
  try {
    for (const f of codePaths()) {
      const data = fs.readFileSync(f);
      h.update(`${path.basename(f)}\0${data.length}\0`);
      h.update(data);
    }
  } catch {
    return undefined;
  }
  return h.digest('hex');
}

/** Whether this code runs from the package's dist/ folder (the cache describes that build only). */
function runningFromDist(): boolean {
  const rel = path.relative(path.join(packageRoot(), 'dist'), __dirname);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function defaultRuntimeDir(): string {
  return path.join(packageRoot(), 'runtime');
}

export function runtimeCacheFile(): string {
  return path.join(packageRoot(), 'dist', 'runtime-cache.json');
}

interface CacheFile {
  version: number;
  hash: string;
  code: string;
  /** Size and modification time of every hashed file, as {@link statStamp} writes them. */
  stats: string;
  values: Record<string, unknown>;
}

/** The files under `dir` (any extension, any depth), relative, in name order. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const entries = fs
      .readdirSync(path.join(dir, rel), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out;
}

/**
 * `path.relative(root, f)`, without its cost for the usual case: every start stamps about 120
 * files, and path.relative (which resolves both paths against the working folder) was most of that.
 */
function relativeTo(root: string, f: string): string {
  return f.startsWith(root + path.sep) ? f.slice(root.length + 1) : path.relative(root, f);
}

/** Name, size and modification time of the runtime files and the code files; undefined when one is missing. */
export function statStamp(dir = defaultRuntimeDir()): string | undefined {
  try {
    const lines: string[] = [];
    const root = packageRoot();
    for (const f of [...filesUnder(dir).map((r) => path.join(dir, r)), ...codePaths()]) {
      const st = fs.statSync(f);
      lines.push(`${relativeTo(root, f)}\0${st.size}\0${st.mtimeMs}`);
    }
    return lines.join('\n');
  } catch {
    return undefined;
  }
}

/** A hash of the names and contents of every file under `dir` (any extension, any depth). */
export function runtimeFilesHash(dir: string): string {
  const h = sha256();
  for (const r of filesUnder(dir)) {
    const data = fs.readFileSync(path.join(dir, r));
    h.update(`${r}\0${data.length}\0`);
    h.update(data);
  }
  return h.digest('hex');
}

let loaded: CacheFile | null | undefined;

function load(): CacheFile | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    if (!runningFromDist()) return loaded;
    const c = JSON.parse(fs.readFileSync(runtimeCacheFile(), 'utf8')) as CacheFile;
    if (c.version !== RUNTIME_CACHE_VERSION) return loaded;
    const stats = statStamp();
    if (stats !== undefined && stats === c.stats) loaded = c;
    else {
      const code = codeStamp();
      if (code !== undefined && c.code === code && c.hash === runtimeFilesHash(defaultRuntimeDir())) {
        loaded = c;
        // Same contents, other times (an installed package, a fresh checkout): record them, where the
        // package folder is writable, so the next start needs no hashing.
        if (stats !== undefined) {
          const tmp = `${runtimeCacheFile()}.${process.pid}`;
          try {
            // Through a rename: a process reading the file meanwhile sees the old one or the new one.
            fs.writeFileSync(tmp, JSON.stringify({ ...c, stats }));
            fs.renameSync(tmp, runtimeCacheFile());
          } catch {
            fs.rmSync(tmp, { force: true });
            // read-only install: every start hashes
          }
        }
      }
    }
  } catch {
    // No cache (or an unreadable one): computed below.
  }
  return loaded;
}

/**
 * The value stored under `key` when `dir` is the package's runtime/ folder and the
 * build's cache matches its files; otherwise `compute()`.
 */
export function fromRuntimeCache<T>(key: string, dir: string, compute: () => T, decode: (json: unknown) => T): T {
  if (path.resolve(dir) !== defaultRuntimeDir()) return compute();
  const c = load();
  if (c && key in c.values) return decode(c.values[key]);
  return compute();
}

/** Writes the cache for the package's runtime/ folder as it is now (the build's step). */
export function writeRuntimeCache(values: Record<string, unknown>): string {
  const file = runtimeCacheFile();
  const code = codeStamp();
  const stats = statStamp();
  if (code === undefined || stats === undefined) throw new Error('natmodgen: cannot stamp the runtime cache: a built file is missing');
  const body: CacheFile = { version: RUNTIME_CACHE_VERSION, hash: runtimeFilesHash(defaultRuntimeDir()), code, stats, values };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(body));
  loaded = undefined;
  return file;
}

/** Forgets what was read (tests that write or remove the cache file). */
export function resetRuntimeCache(): void {
  loaded = undefined;
}
