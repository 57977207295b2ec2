/**
 * The sync record: what one `natmodgen sync` command line read, printed and returned, kept in
 * natmodgen's cache folder so that the same command on unchanged files answers at once,
 * without loading the pipeline. Editors run `sync` on every save and pre-commit hooks run
 * `sync --check`, nearly always on files that are already in sync: this is the formatter's
 * cache (black's, `prettier --cache`), made exact.
 *
 * A record holds the command line, the working folder, the environment, natmodgen's own
 * files and Node's version (its key); the text given on standard input; and every path the
 * run looked at: its kind, size, modification time and inode, and, for a file whose content
 * was read from outside natmodgen's package, a hash of that content. It is replayed only when
 * every one of those still matches, so any change to an input, a header it includes (or one
 * that appeared earlier on the include path), the MicroPython tree or natmodgen itself runs
 * the command for real. A run that wrote a file it read is not recorded. Nothing here is
 * needed for correctness: a record that cannot be read or written is ignored, and
 * `NATMODGEN_CACHE_DIR=off` switches records off.
 *
 * This file is bundled into the bin and runs before the CLI bundle is loaded, so it imports only Node's modules and
 * src/paths.
 */
// The recorder wraps functions of Node's fs module object itself, which every other module
// reads through; a namespace import (`import * as`) would be a copy made of getters.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('fs');
import * as path from 'path';
import { cacheDir } from '../paths';

interface SyncRecord {
  /** A second hash of the key (the file name is the first): the key itself holds the environment, which may hold secrets. */
  key: string;
  stdin?: string;
  /** Each path looked at and its stamp: see stampOf. */
  paths: [string, string][];
  out: string;
  err: string;
  code: number;
}

// The real functions, for the recorder's own reads (the CLI's go through its wrappers).
const statSync = fs.statSync;
const readFileSync = fs.readFileSync;
const readdirSync = fs.readdirSync;

/** Environment variables that change between otherwise identical invocations and never affect sync. */
const VOLATILE_ENV = new Set(['_', 'OLDPWD', 'SHLVL']);

/** The command of a natmodgen command line: the first word that is not an option (or --format's value). */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** Whether this command line can be answered from a record: `sync`, with the cache on. */
export function recordable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return commandOf(argv) === 'sync' && cacheDir(env) !== undefined;
}

/**
 * A 64-bit hash of bytes, as 16 hex digits: detects edits, not attacks. Two lanes of
 * MurmurHash3's 32-bit block mixing (different seeds) over 4-byte words, the length and the
 * tail bytes folded in. It runs once or twice per file in a cold process, before V8 has
 * optimised anything: a loop over words does a quarter of the iterations of one over bytes
 * (FNV-1a over the bytes of a 20 KB module took 6-12 ms there).
 */
export function contentHash(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const n = bytes.length;
  const words = n >>> 2;
  // A word view needs an aligned offset (small files come in slices of a shared pool).
  const aligned = (bytes.byteOffset & 3) === 0 ? bytes : new Uint8Array(bytes.subarray(0, words * 4));
  const w = new Int32Array(aligned.buffer, aligned.byteOffset, words);
  let a = 0x9747b28c ^ n;
  let b = 0x2f8e4bd1 ^ n;
  for (let i = 0; i < words; i++) {
    let k = Math.imul(w[i], 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    b ^= k;
    b = (Math.imul((b << 11) | (b >>> 21), 9) + 0x7f4a7c15) | 0;
  }
  let t = 0;
  for (let i = words * 4; i < n; i++) t = (t << 8) | bytes[i];
  const fin = (h: number) => {
    h ^= Math.imul(t, 0x1b873593);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return fin(a) + fin(b);
}

/** The invocation's key: what, besides the files, decides the run's result. */
function invocationKey(argv: readonly string[], env: NodeJS.ProcessEnv, binDir: string): string {
  const envPairs = Object.keys(env)
    .filter((k) => !VOLATILE_ENV.has(k))
    .sort()
    .map((k) => `${k}=${env[k]}`);
  return JSON.stringify({
    argv,
    cwd: process.cwd(),
    env: envPairs,
    node: `${process.execPath} ${process.version}`,
    natmodgen: [stampOf(path.join(binDir, 'natmodgen-cli.js'), false), stampOf(__filename, false)],
    tty: [streamKind(1), streamKind(2)],
  });
}

/**
 * What a standard stream is, for the key in place of its isTTY: the kind of file fstat finds, and for a
 * character device (a terminal or not) its device number. As fine as isTTY (a terminal is a character
 * device; another device number is another record), without creating process.stdout or process.stderr:
 * the first use of either loads Node's stream modules, which a run that prints nothing never needs.
 */
function streamKind(fd: number): string {
  try {
    const st = fs.fstatSync(fd);
    if (st.isCharacterDevice()) return `c${st.rdev}`;
    return st.isFIFO() ? 'p' : st.isSocket() ? 's' : st.isFile() ? 'f' : 'o';
  } catch {
    return '-';
  }
}

/**
 * A path's stamp: `-` when absent, `d` for a folder (a listing is recorded separately, as
 * `l:` plus its names), else `f:size:mtime:inode`, with `:hash` when the content counts.
 */
function stampOf(p: string, hashContent: boolean): string {
  let st: fs.Stats;
  try {
    st = statSync(p);
  } catch {
    return '-';
  }
  if (st.isDirectory()) return 'd';
  const base = fileStamp(st);
  if (!hashContent || !st.isFile()) return base;
  try {
    return `${base}:${contentHash(readFileSync(p))}`;
  } catch {
    return '-';
  }
}

function fileStamp(st: fs.Stats): string {
  return `f:${st.size}:${st.mtimeMs}:${st.ino}`;
}

function listingOf(p: string): string {
  try {
    return `l:${readdirSync(p).sort().join('/')}`;
  } catch {
    return '-';
  }
}

function recordFile(dir: string, name: string): string {
  return path.join(dir, 'sync', `${name}.json`);
}

/**
 * Whether every path of a record still has its stamp. With `hashContent` false, contents are not
 * read again: the run's own check at exit, whose hashes were made from the bytes it read (a file
 * rewritten since with its old size and time keeps that hash, which the next replay compares).
 */
function stillMatches(rec: SyncRecord, hashContent = true): boolean {
  const hashed: [string, string][] = [];
  for (const [p, stamp] of rec.paths) {
    if (stamp.startsWith('l:')) {
      if (listingOf(p) !== stamp) return false;
      continue;
    }
    const parts = stamp.split(':');
    // Size, time and inode of every path first: a file edited since (the usual miss) differs
    // there, and no file is read and hashed before it is found.
    const bare = stampOf(p, false);
    if (bare !== (parts.length > 4 ? parts.slice(0, 4).join(':') : stamp)) return false;
    if (parts.length > 4) hashed.push([p, stamp]);
  }
  if (hashContent) for (const [p, stamp] of hashed) if (stampOf(p, true) !== stamp) return false;
  return true;
}

/**
 * Answers a `sync` command line from its record when nothing it depends on changed: prints what
 * the recorded run printed and returns its exit code. Otherwise returns undefined, after
 * installing the recorder so that this run leaves a record for the next one.
 */
export function replayOrRecord(argv: readonly string[], env: NodeJS.ProcessEnv, binDir: string): number | undefined {
  if (!recordable(argv, env)) return undefined;
  const dir = cacheDir(env)!;
  let name: string;
  let key: string;
  let stdin: string | undefined;
  try {
    const full = invocationKey(argv, env, binDir);
    name = contentHash(full);
    key = contentHash(`${full}\0check`);
    if (argv.includes('--stdin')) stdin = fs.readFileSync(0, 'utf8');
  } catch {
    return undefined;
  }
  const file = recordFile(dir, name);
  try {
    const rec = JSON.parse(fs.readFileSync(file, 'utf8')) as SyncRecord;
    if (rec.key === key && rec.stdin === stdin && stillMatches(rec)) {
      if (rec.out) process.stdout.write(rec.out);
      if (rec.err) process.stderr.write(rec.err);
      return rec.code;
    }
  } catch {
    // No record, or an unreadable one: run for real.
  }
  installRecorder(file, key, stdin, path.join(dir, 'stamped') + path.sep);
  return undefined;
}

/** Wraps the fs functions and output streams the CLI uses, and writes the record at exit. */
function installRecorder(file: string, key: string, stdin: string | undefined, store: string): void {
  // Each path's stamp when the run first looked at it; compared again at exit, so a file
  // changed while the run read it leaves no record.
  const looked = new Map<string, string>();
  const written = new Set<string>();
  const root = packageDir();
  let out = '';
  let err = '';
  let unrecordable = false;
  // Node's own fs functions call each other (readFileSync opens through fs.openSync): the
  // recorder's reads, and the calls inside a call already noted, are not the CLI's.
  let busy = false;
  const note = (p: unknown, how: 'stat' | 'content' | 'listing') => {
    if (busy || typeof p === 'number') return;
    if (typeof p !== 'string' && !(p instanceof URL) && !Buffer.isBuffer(p)) {
      unrecordable = true;
      return;
    }
    const abs = path.resolve(p instanceof URL ? p.pathname : p.toString());
    // The stamped store's files (src/stamped-store.ts) are checked against the files they were made from, which the run reads.
    if (abs.startsWith(store)) return;
    const had = looked.get(abs);
    busy = true;
    try {
      if (how === 'listing') {
        if (had === undefined || !had.startsWith('l:')) looked.set(abs, listingOf(abs));
        return;
      }
      const hash = how === 'content' && !abs.startsWith(root);
      if (had === undefined || (hash && had.split(':').length === 4)) looked.set(abs, stampOf(abs, hash));
    } finally {
      busy = false;
    }
  };
  /**
   * A read of a file outside natmodgen's package, by path, with no options but the encoding: its
   * stamp is its stat before the read and the hash of the bytes read (one read, where noting it
   * first would read it twice). Undefined for any other read, which goes through note.
   */
  const readHashed = (p: unknown, options: unknown, enc: string | undefined): string | Buffer | undefined => {
    if (typeof p !== 'string' || (options !== undefined && typeof options !== 'string' && !isEncodingOnly(options))) return undefined;
    const abs = path.resolve(p);
    if (abs.startsWith(root) || abs.startsWith(store)) return undefined;
    const had = looked.get(abs);
    if (had !== undefined && (had.startsWith('l:') || had.split(':').length > 4)) return undefined;
    busy = true;
    try {
      let st: fs.Stats;
      try {
        st = statSync(abs);
      } catch {
        return undefined;
      }
      // Not a regular file: the real call gives its error or its bytes, noted as before.
      if (!st.isFile()) return undefined;
      const before = fileStamp(st);
      const bytes = readFileSync(abs);
      looked.set(abs, had === undefined || had === before ? `${before}:${contentHash(bytes)}` : had);
      return enc ? bytes.toString(enc as BufferEncoding) : bytes;
    } finally {
      busy = false;
    }
  };
  const wrap = <K extends keyof typeof fs>(name: K, onCall: (args: unknown[]) => void) => {
    const original = fs[name] as unknown as (...a: unknown[]) => unknown;
    (fs as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      if (busy) return original.apply(this, args);
      onCall(args);
      busy = true;
      try {
        return original.apply(this, args);
      } finally {
        busy = false;
      }
    };
  };
  const writes = (args: unknown[]) => {
    if (typeof args[0] === 'string' && !path.resolve(args[0]).startsWith(store)) written.add(path.resolve(args[0]));
  };
  // Standard input was read above; the CLI reads it from here.
  (fs as unknown as Record<string, unknown>).readFileSync = function (this: unknown, ...args: unknown[]) {
    const enc = typeof args[1] === 'string' ? args[1] : (args[1] as { encoding?: string } | undefined)?.encoding;
    if (args[0] === 0 && stdin !== undefined) return enc ? stdin : Buffer.from(stdin, 'utf8');
    if (busy) return (readFileSync as (...a: unknown[]) => unknown).apply(this, args);
    const hashed = readHashed(args[0], args[1], enc);
    if (hashed !== undefined) return hashed;
    note(args[0], 'content');
    busy = true;
    try {
      return (readFileSync as (...a: unknown[]) => unknown).apply(this, args);
    } finally {
      busy = false;
    }
  };
  for (const name of ['existsSync', 'lstatSync', 'realpathSync', 'accessSync'] as const) wrap(name, (args) => note(args[0], 'stat'));
  /**
   * A stat by path (the runtime cache's check alone makes about 150): its stamp is made from the
   * Stats it returns, as stampOf would make it, where noting it first would stat the file twice.
   */
  (fs as unknown as Record<string, unknown>).statSync = function (this: unknown, ...args: unknown[]) {
    const options = args[1];
    const plain = options === undefined || (typeof options === 'object' && options !== null && !(options as fs.StatOptions).bigint);
    if (busy || typeof args[0] !== 'string' || !plain) {
      if (!busy) note(args[0], 'stat');
      busy = true;
      try {
        return (statSync as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        busy = false;
      }
    }
    const abs = path.resolve(args[0]);
    const noted = looked.has(abs) || abs.startsWith(store);
    let st: fs.Stats | undefined;
    busy = true;
    try {
      st = (statSync as (...a: unknown[]) => fs.Stats | undefined).apply(this, args);
    } catch (e) {
      if (!noted) looked.set(abs, '-');
      throw e;
    } finally {
      busy = false;
    }
    if (!noted) looked.set(abs, st === undefined ? '-' : st.isDirectory() ? 'd' : fileStamp(st));
    return st;
  };
  wrap('readdirSync', (args) => note(args[0], 'listing'));
  wrap('openSync', (args) => {
    const flags = args[1];
    const reading = flags === undefined || flags === 'r' || (typeof flags === 'number' && (flags & 3) === 0);
    if (reading) note(args[0], 'content');
    else writes(args);
  });
  for (const name of ['writeFileSync', 'appendFileSync', 'rmSync', 'unlinkSync', 'mkdirSync', 'copyFileSync'] as const)
    wrap(name, (args) => writes(name === 'copyFileSync' ? [args[1]] : args));
  wrap('renameSync', (args) => {
    writes([args[0]]);
    writes([args[1]]);
  });
  captureWrites('stdout', (s) => (out += s));
  captureWrites('stderr', (s) => (err += s));

  process.on('exit', (code) => {
    try {
      busy = true;
      const exit = typeof process.exitCode === 'number' ? process.exitCode : code;
      if (unrecordable || exit > 2 || [...written].some((w) => looked.has(w))) return;
      fs.rmSync(file, { force: true });
      const rec: SyncRecord = { key, ...(stdin !== undefined ? { stdin } : {}), paths: [...looked], out, err, code: exit };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (!stillMatches(rec, false)) return;
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(rec), { mode: 0o600 });
      fs.renameSync(tmp, file);
    } catch {
      // A record is only an accelerator.
    }
  });
}

/**
 * Passes what is written to process[name] to `append` too. The stream is wrapped when the run first
 * uses it (process.stdout and process.stderr are getters that create it): a run that prints nothing
 * never loads Node's stream modules.
 */
function captureWrites(name: 'stdout' | 'stderr', append: (s: string) => void): void {
  const wrap = (stream: NodeJS.WriteStream) => {
    const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return write(chunk, ...rest);
    }) as typeof stream.write;
    return stream;
  };
  const own = Object.getOwnPropertyDescriptor(process, name);
  const get = own?.get;
  if (!own || !get || !own.configurable) {
    wrap(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      // Node's getter makes the stream once and returns it after: it is put back, and the stream keeps its wrapper.
      Object.defineProperty(process, name, own);
      return wrap(get.call(process) as NodeJS.WriteStream);
    },
  });
}

/** Whether readFileSync's options object says at most the encoding (and the default read flag). */
function isEncodingOnly(options: unknown): boolean {
  if (options === null || typeof options !== 'object') return false;
  return Object.entries(options).every(
    ([k, v]) => (k === 'encoding' && (v === undefined || typeof v === 'string')) || (k === 'flag' && v === 'r'),
  );
}

/**
 * natmodgen's package folder, with a trailing separator: this file is in src/cli or dist/src/cli, or
 * bundled into the bin, dist/natmodgen.js (scripts/bundle.js).
 */
function packageDir(): string {
  if (path.basename(__filename) === 'natmodgen.js' && path.basename(__dirname) === 'dist') return path.dirname(__dirname) + path.sep;
  let dir = __dirname;
  while (path.basename(dir) !== 'src' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  dir = path.dirname(dir);
  if (path.basename(dir) === 'dist') dir = path.dirname(dir);
  return dir + path.sep;
}
