import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { osReason } from './errors';
import { fileSpan } from './read';

const TMP_RE = /^\.(.+)\.natmodgen-(\d+)\.tmp$/;

function tmpName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.natmodgen-${process.pid}.tmp`);
}

/** Temporary files being written now, removed if the process is interrupted (SIGINT, SIGTERM). */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const t of pending) {
    try {
      fs.unlinkSync(t);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      removePending();
      process.kill(process.pid, sig);
    });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files an earlier natmodgen left beside `file` when it was killed (SIGKILL, power loss). */
export function removeStaleTemps(file: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const n of names) {
    const m = TMP_RE.exec(n);
    if (!m || m[1] !== path.basename(file) || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    try {
      fs.unlinkSync(path.join(path.dirname(file), n));
    } catch {
      // not ours to worry about
    }
  }
}

/**
 * Writes `text` to `file` only when it differs from what is there (mtime kept
 * otherwise), through a temporary file, fsync and a rename so readers never see half a
 * file, even after a crash. Keeps the mode of an existing file. Returns whether it
 * wrote; throws the OS error after removing the temporary file.
 */
export function writeIfChanged(file: string, text: string): boolean {
  let mode: number | undefined;
  try {
    const st = fs.statSync(file);
    mode = st.mode & 0o7777;
    if (st.isFile() && fs.readFileSync(file, 'utf8') === text) return false;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemps(file);
  installSignalCleanup();
  const tmp = tmpName(file);
  pending.add(tmp);
  try {
    const fd = fs.openSync(tmp, 'w', mode ?? 0o666);
    try {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    pending.delete(tmp);
    syncFolder(path.dirname(file));
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
    pending.delete(tmp);
    throw e;
  }
  return true;
}

/** fsync the folder so that the rename itself survives a crash; not every system allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows and some file systems cannot fsync a folder; the file itself is synced.
  }
}

/** Why `file` may not be rewritten, checked from its mode (also for root, who could write it anyway). */
export function protectedReason(file: string): Diagnostic | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return diag('NMG1006', fileSpan(file), { file, kind: st.isDirectory() ? 'a folder' : 'a special file' });
    if ((st.mode & 0o222) === 0) return diag('NMG1009', fileSpan(file), { file });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return diag('NMG1008', fileSpan(file), { file, op: 'write', why: osReason(e) });
    if (code !== 'ENOENT') return diag('NMG1008', fileSpan(file), { file, op: 'write', why: osReason(e) });
  }
  // The nearest existing folder must be a writable folder.
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    try {
      const st = fs.statSync(dir);
      if (!st.isDirectory())
        return diag('NMG1008', fileSpan(file), { file, op: 'write', why: `'${dir}' is a file, not a folder (ENOTDIR)` });
      if ((st.mode & 0o222) === 0) return diag('NMG1009', fileSpan(file), { file: dir });
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return diag('NMG1008', fileSpan(file), { file, op: 'write', why: osReason(e) });
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Writes several files, each atomically and only if changed. Every file is checked
 * first (mode, folder), so a protected one stops the run before anything is written;
 * an OS error on one file becomes a diagnostic and the others are still written.
 */
export function writeFiles(files: { path: string; text: string }[]): { written: string[]; diagnostics: Diagnostic[] } {
  const diagnostics = files.map((f) => protectedReason(f.path)).filter((d): d is Diagnostic => d !== undefined);
  if (diagnostics.length) return { written: [], diagnostics };
  const written: string[] = [];
  for (const f of files) {
    try {
      if (writeIfChanged(f.path, f.text)) written.push(f.path);
    } catch (e) {
      diagnostics.push(diag('NMG1008', fileSpan(f.path), { file: f.path, op: 'write', why: osReason(e) }));
    }
  }
  return { written, diagnostics };
}
