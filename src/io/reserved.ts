import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { identifierSpans } from '../diagnostics/identifiers';
import { SourceText } from '../parse/source';
import { readable } from '../sync/source-map';

/** The one prefix natmodgen's generated identifiers and macros use, and the natmod entry point it writes. */
export const RESERVED_PREFIX = 'natmodgen_';
export const RESERVED_NAMES = ['mpy_init'];

function isReserved(name: string): boolean {
  return name.startsWith(RESERVED_PREFIX) || RESERVED_NAMES.includes(name);
}

/** Quoted includes of a source that name a file beside it (its local headers). */
function localHeaders(file: string, text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*#\s*include\s*"([^"]+)"/.exec(line);
    if (!m) continue;
    const p = path.join(path.dirname(file), m[1]);
    try {
      if (fs.statSync(p).isFile() && fs.statSync(p).size < 1024 * 1024) out.push(p);
    } catch {
      // not beside the source: a MicroPython header
    }
  }
  return out;
}

/**
 * Uses of natmodgen's reserved names in the user's code (sources as the user wrote them,
 * and their local headers): each is an error at the use, naming what natmodgen
 * generates there. The first use of each name is reported.
 */
export function reservedNameUses(inputs: { path: string; text: string }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const files: { path: string; text: string; fileLine: (l: number) => number; original: string }[] = [];
  for (const i of inputs) {
    const r = readable(i.path, i.text);
    files.push({ path: i.path, text: r.text, fileLine: r.fileLine, original: i.text });
    for (const h of localHeaders(i.path, r.text)) {
      if (files.some((f) => path.resolve(f.path) === path.resolve(h))) continue;
      const t = fs.readFileSync(h, 'utf8');
      files.push({ path: h, text: t, fileLine: (l) => l, original: t });
    }
  }
  for (const f of files) {
    const src = new SourceText(f.path, f.text);
    const orig = new SourceText(f.path, f.original.replace(/\r\n/g, '\n'));
    for (const { name, at } of identifierSpans(f.text)) {
      if (!isReserved(name) || seen.has(name)) continue;
      seen.add(name);
      const s = src.span(at, at + name.length);
      const line = f.fileLine(s.line);
      const start = (orig.lineStarts[line - 1] ?? 0) + s.col - 1;
      out.push(diag('NMG2016', { file: f.path, line, col: s.col, start, end: start + name.length }, { name }));
    }
  }
  return out;
}
