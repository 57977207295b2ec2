import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes `text` to `file` only when it differs from what is there (mtime kept
 * otherwise), through a temporary file and a rename so readers never see half a file.
 * Keeps the mode of an existing file. Returns whether it wrote.
 */
export function writeIfChanged(file: string, text: string): boolean {
  let mode: number | undefined;
  try {
    const st = fs.statSync(file);
    mode = st.mode & 0o7777;
    if (fs.readFileSync(file, 'utf8') === text) return false;
  } catch {
    // no file yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.natmodgen-${process.pid}.tmp`);
  fs.writeFileSync(tmp, text, mode !== undefined ? { mode } : {});
  if (mode !== undefined) fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
  return true;
}
