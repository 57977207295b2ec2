/**
 * natmodgen's build cache: results that depend only on files outside the module (a
 * toolchain archive's symbol table, MicroPython's libm compiled for an ARCH), kept between
 * runs under `$NATMODGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/natmodgen`, else
 * `~/.cache/natmodgen`. Every key includes the path, size and mtime of the files the entry
 * was made from, so a changed toolchain or tree makes a new entry. The cache is only an
 * accelerator: an entry that cannot be read or written is made again, never an error, and
 * `NATMODGEN_CACHE_DIR=off` switches it off.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { cacheDir } from '../paths';

export { cacheDir } from '../paths';

/** Path, size and mtime of a file ("missing" when it is not there), for cache keys. */
export function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${path.resolve(file)}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return `${path.resolve(file)}\0missing`;
  }
}

/** A cache file name for `kind` from the parts of its key. */
export function cacheKey(kind: string, parts: string[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(`${p}\n`);
  return `${kind}-${h.digest('hex').slice(0, 32)}`;
}

/** The cached file `name`, or undefined when absent (or the cache is off). */
export function cachedPath(name: string): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const file = path.join(dir, name);
  return fs.existsSync(file) ? file : undefined;
}

/** Stores a file in the cache by writing a temporary file and renaming it (parallel builds never read half an entry). */
export function storeInCache(name: string, write: (tmp: string) => void): void {
  const dir = cacheDir();
  if (!dir) return;
  const tmp = path.join(dir, `.${name}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    write(tmp);
    fs.renameSync(tmp, path.join(dir, name));
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
