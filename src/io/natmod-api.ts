import * as fs from 'fs';
import * as path from 'path';

/**
 * What C code in a natmod can call by name, read from a MicroPython tree: every macro
 * py/dynruntime.h defines, and every macro and static inline function in py/*.h.
 * Anything else from the runtime is a symbol mpy_ld will not resolve.
 */
export function readNatmodApi(mpyDir: string): Set<string> | undefined {
  const py = path.join(mpyDir, 'py');
  if (!fs.existsSync(path.join(py, 'dynruntime.h'))) return undefined;
  const names = new Set<string>();
  for (const f of fs.readdirSync(py).filter((n) => n.endsWith('.h')).sort()) {
    const text = fs.readFileSync(path.join(py, f), 'utf8');
    for (const m of text.matchAll(/^\s*#\s*define\s+([A-Za-z_]\w*)/gm)) names.add(m[1]);
    for (const m of text.matchAll(/^static\s+(?:inline\s+|MP_INLINE\s+|MP_NORETURN\s+)*[^(;=]*?\b([A-Za-z_]\w*)\s*\(/gm)) names.add(m[1]);
  }
  return names;
}

export { RUNTIME_PREFIXES } from '../model/firmware';
