import * as fs from 'fs';
import * as path from 'path';
import { parseQstrDefs } from '../model/qstr-escape';

/**
 * Escaped qstrs declared with `Q(...)`, as identifier → text: the firmware's own (py/qstrdefs.h of
 * the tree, when one is given: `MP_QSTR__lt_string_gt_` is '<string>' in every firmware) and those
 * of the `qstrdefs*.h` headers beside the inputs (the files a user C module adds to QSTR_DEFS).
 */
export function readQstrDefs(inputPaths: string[], mpyDir?: string): Map<string, string> {
  const out = new Map<string, string>();
  if (mpyDir) {
    try {
      for (const [k, v] of parseQstrDefs(fs.readFileSync(path.join(mpyDir, 'py', 'qstrdefs.h'), 'utf8'))) out.set(k, v);
    } catch {
      // Not a tree with py/qstrdefs.h: only the module's own headers count.
    }
  }
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
