import * as fs from 'fs';
import * as path from 'path';

/**
 * Results a cold start would otherwise compute again from files that rarely change (py/mpconfig.h
 * read as a natmod build reads it), kept in natmodgen's cache folder with the stamp of every file
 * the computation read: a result is used only while each of those files, and natmodgen's own code,
 * still has the size, modification and change times and inode it had. Only the CLI run from the
 * bundle turns it on (src/cli/run.ts), with the bundle's stamp as the code's: the library and the
 * test suites compute everything as before, and `NATMODGEN_CACHE_DIR=off` switches it off.
 */
export interface StampedStore {
  dir: string;
  /** Stamp of natmodgen's code: a result made by other code is not used. */
  code: string;
  /** How long ago a file read must have last changed for the result to be kept (default SETTLED_MS). */
  settledMs?: number;
}

interface Entry {
  key: string;
  code: string;
  stamps: Array<[string, string]>;
  value: unknown;
}

let store: StampedStore | undefined;

/** Turns the store on (a folder) or off (undefined). */
export function useStampedStore(s: StampedStore | undefined): void {
  store = s;
}

/** A file's stamp, or '-' when there is none. */
export function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  } catch {
    return '-';
  }
}

/**
 * A file changed this recently may change again within its time stamp's resolution without its
 * stamp changing (git's "racily clean" files): a result that read one is not kept.
 */
const SETTLED_MS = 2000;

/**
 * `compute()`'s result for `key` (a JSON value), from the store when every file it read then has
 * its stamp now. `compute` gets `read`, which it must call for every file its result depends on
 * (also ones that turn out missing); it returns the file's text as fs.readFileSync would, or
 * undefined. What it depends on otherwise (a folder it lists, a file it reads itself) it names
 * with `watch`.
 */
export function stamped<T>(
  kind: string,
  key: string,
  compute: (read: (file: string) => string | undefined, watch: (file: string) => void) => T,
): T {
  const s = store;
  const file = s && path.join(s.dir, 'stamped', `${kind}-${keyName(key)}.json`);
  if (s && file) {
    try {
      const e = JSON.parse(fs.readFileSync(file, 'utf8')) as Entry;
      if (e.key === key && e.code === s.code && e.stamps.every(([f, st]) => fileStamp(f) === st)) return e.value as T;
    } catch {
      // None kept, or unreadable: computed below.
    }
  }
  const stamps = new Map<string, string>();
  const watch = (f: string): void => {
    const abs = path.resolve(f);
    if (!stamps.has(abs)) stamps.set(abs, fileStamp(abs));
  };
  const read = (f: string): string | undefined => {
    const abs = path.resolve(f);
    watch(abs);
    try {
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
  const value = compute(read, watch);
  if (s && file) {
    try {
      const now = Date.now();
      const wait = s.settledMs ?? SETTLED_MS;
      const settled = (age: number) => wait <= 0 || age >= wait;
      // Stamped again after the computation: a file that changed while it was read is not kept either.
      const unchanged = [...stamps].every(([f, st]) => st === fileStamp(f) && (st === '-' || settled(now - mtimeOf(st))));
      if (unchanged) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ key, code: s.code, stamps: [...stamps], value } satisfies Entry));
        fs.renameSync(tmp, file);
      }
    } catch {
      // The store only saves time.
    }
  }
  return value;
}

function mtimeOf(stamp: string): number {
  const [, mtime, ctime] = stamp.split(':');
  return Math.max(Number(mtime), Number(ctime));
}

/** A file name for a key: 32-bit FNV-1a of its text, in hex, and its length (distinct keys may share one: the entry holds its key). */
function keyName(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(16)}-${key.length}`;
}
