import * as fs from 'fs';
import * as path from 'path';
import { readHeader } from './headers';

/** Where natmodgen's runtime library defines a firmware function (file relative to the library folder). */
export interface RuntimeDefinition {
  file: string;
  line: number;
}

/**
 * The functions natmodgen's runtime library (the package's runtime/ folder) defines,
 * each under the firmware's name: function definitions in its .c and .h files and
 * the macros of its .h files. A missing folder defines nothing.
 */
export function readRuntimeLibrary(dir: string): Map<string, RuntimeDefinition> {
  const out = new Map<string, RuntimeDefinition>();
  for (const rel of cFiles(dir)) {
    const c = readHeader(rel, fs.readFileSync(path.join(dir, rel), 'utf8'));
    // A header's macros provide their names, function-like or not (runtime/typeslots.h makes
    // mp_obj_tuple_getiter the firmware's slot value, which calls and comparisons both use).
    const found = [...c.definitions, ...(rel.endsWith('.h') ? [...c.macros].map(([name, m]): [string, number] => [name, m.line]) : [])];
    for (const [name, line] of found) if (!out.has(name)) out.set(name, { file: rel, line });
  }
  return out;
}

function cFiles(dir: string, rel = ''): string[] {
  const abs = path.join(dir, rel);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...cFiles(dir, r));
    else if (/\.[ch]$/.test(e.name)) out.push(r);
  }
  return out;
}
