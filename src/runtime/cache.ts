import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../paths';

/**
 * Facts derived from the package's runtime/ folder (its piece index, the functions it
 * defines) cost tens of milliseconds to compute, at every start of natmodgen. The build
 * (scripts/cache-runtime.js) computes them once into dist/runtime-cache.json, keyed by a
 * hash of every file under runtime/; a run reads that file only when the hash still
 * matches the folder, so an edited runtime/ is never answered from a stale cache, and
 * without the file (ts-jest, a source checkout) everything is computed as before.
 */
export const RUNTIME_CACHE_VERSION = 1;

export function defaultRuntimeDir(): string {
  return path.join(packageRoot(), 'runtime');
}

export function runtimeCacheFile(): string {
  return path.join(packageRoot(), 'dist', 'runtime-cache.json');
}

interface CacheFile {
  version: number;
  hash: string;
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
    const c = JSON.parse(fs.readFileSync(runtimeCacheFile(), 'utf8')) as CacheFile;
    if (c.version === RUNTIME_CACHE_VERSION && c.hash === runtimeFilesHash(defaultRuntimeDir())) loaded = c;
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
  const body: CacheFile = { version: RUNTIME_CACHE_VERSION, hash: runtimeFilesHash(defaultRuntimeDir()), values };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(body));
  loaded = undefined;
  return file;
}

/** Forgets what was read (tests that write or remove the cache file). */
export function resetRuntimeCache(): void {
  loaded = undefined;
}
