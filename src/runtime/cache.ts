import * as crypto from 'crypto';
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
 */
export const RUNTIME_CACHE_VERSION = 2;

/** Built files whose code computes the cached facts, relative to the package folder. */
const CODE_FILES = [
  'dist/src/runtime/index.js',
  'dist/src/runtime/lex.js',
  'dist/src/runtime/cache.js',
  'dist/src/facts/runtime-lib.js',
  'dist/src/facts/headers.js',
  'dist/src/parse/native.js',
];

/** A hash of the code files and of the C grammar's package.json; undefined when one is missing. */
export function codeStamp(): string | undefined {
  const root = packageRoot();
  const h = crypto.createHash('sha256');
  try {
    for (const f of [...CODE_FILES.map((c) => path.join(root, c)), require.resolve('tree-sitter-c/package.json')]) {
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
  values: Record<string, unknown>;
}

/** A hash of the names and contents of every file under `dir` (any extension, any depth). */
export function runtimeFilesHash(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (rel: string): void => {
    const entries = fs
      .readdirSync(path.join(dir, rel), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) {
        const data = fs.readFileSync(path.join(dir, r));
        h.update(`${r}\0${data.length}\0`);
        h.update(data);
      }
    }
  };
  walk('');
  return h.digest('hex');
}

let loaded: CacheFile | null | undefined;

function load(): CacheFile | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    if (!runningFromDist()) return loaded;
    const c = JSON.parse(fs.readFileSync(runtimeCacheFile(), 'utf8')) as CacheFile;
    const code = codeStamp();
    if (c.version === RUNTIME_CACHE_VERSION && code !== undefined && c.code === code && c.hash === runtimeFilesHash(defaultRuntimeDir()))
      loaded = c;
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
  if (code === undefined) throw new Error('natmodgen: cannot stamp the runtime cache: a built file is missing');
  const body: CacheFile = { version: RUNTIME_CACHE_VERSION, hash: runtimeFilesHash(defaultRuntimeDir()), code, values };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(body));
  loaded = undefined;
  return file;
}

/** Forgets what was read (tests that write or remove the cache file). */
export function resetRuntimeCache(): void {
  loaded = undefined;
}
