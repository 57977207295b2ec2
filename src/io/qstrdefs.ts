import * as fs from 'fs';
import * as path from 'path';
import { firmwareEscapedQstrs, parseQstrDefs } from '../model/qstr-escape';

/**
 * Escaped qstrs declared with `Q(...)`, as identifier → text: the firmware's own (py/qstrdefs.h of
 * the tree, when one is given, else v1.28.0's: `MP_QSTR__lt_string_gt_` is '<string>' in every firmware) and those
 * of the `qstrdefs*.h` headers beside the inputs (the files a user C module adds to QSTR_DEFS).
 */
export function readQstrDefs(inputPaths: string[], mpyDir?: string): Map<string, string> {
  // Without a tree (or one without py/qstrdefs.h), the v1.28.0 firmware's own escaped qstrs.
  let out = firmwareEscapedQstrs();
  if (mpyDir) {
    try {
      out = parseQstrDefs(fs.readFileSync(path.join(mpyDir, 'py', 'qstrdefs.h'), 'utf8'));
    } catch {
      // Not a tree with py/qstrdefs.h: natmodgen's copy of v1.28.0's list stands.
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
