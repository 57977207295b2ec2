import * as fs from 'fs';
import * as path from 'path';
import { parseQstrDefs } from '../model/qstr-escape';

/**
 * Escaped qstrs declared with `Q(...)` in `qstrdefs*.h` headers beside the inputs (the
 * files a user C module adds to QSTR_DEFS), as identifier → text.
 */
export function readQstrDefs(inputPaths: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const dirs = [...new Set(inputPaths.map((p) => path.dirname(path.resolve(p))))].sort();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs
        .readdirSync(dir)
        .filter((f) => /^qstrdefs.*\.h$/.test(f))
        .sort();
    } catch {
      continue;
    }
    for (const f of names) for (const [k, v] of parseQstrDefs(fs.readFileSync(path.join(dir, f), 'utf8'))) out.set(k, v);
  }
  return out;
}
