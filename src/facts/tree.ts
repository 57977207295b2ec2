import type * as Crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { HeaderContents, readFunTable, readHeader } from './headers';
import { ApiFacts, ApiSymbol, DynruntimeName } from './types';
import { stamped } from '../stamped-store';

/** Folders whose headers make up the public C API user C modules include. */
const API_DIRS = ['py', 'extmod'];

/**
 * Headers of other folders that declare a function firmware code reaches through py/mphal.h
 * (each port's mphalport.h declares it again): the keyboard-interrupt character, which
 * modules that take over the terminal set (mpy_vt's vi).
 */
const API_FILES = ['shared/runtime/interrupt_char.h'];

export function isMicroPythonTree(mpyDir: string): boolean {
  return fs.existsSync(path.join(mpyDir, 'py', 'dynruntime.h')) && fs.existsSync(path.join(mpyDir, 'py', 'nativeglue.h'));
}

/**
 * Reads the facts of a MicroPython tree: every function and function-like macro of
 * py/*.h and extmod/*.h (and API_FILES), what py/dynruntime.h defines, the mp_fun_table layout and the
 * data symbols tools/mpy_ld.py resolves. Throws only on an unreadable tree (check
 * isMicroPythonTree first).
 */
export function readTreeFacts(mpyDir: string): ApiFacts {
  const headers = apiHeaders(mpyDir);
  const symbols = new Map<string, ApiSymbol>();
  let dynruntime: DynruntimeName[] = [];
  let removed: string[] = [];
  for (const h of headers) {
    const c = readHeader(h, fs.readFileSync(path.join(mpyDir, h), 'utf8'));
    if (h === 'py/dynruntime.h') {
      dynruntime = dynruntimeNames(c);
      dynruntime.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
      removed = c.undefs.filter((u) => !c.macros.has(u));
      continue;
    }
    for (const s of c.symbols) {
      const prior = symbols.get(s.name);
      if (!prior) symbols.set(s.name, s);
      else {
        if (s.kind === 'function') prior.kind = 'function';
        if (s.calls) prior.calls = [...(prior.calls ?? []), ...s.calls];
      }
    }
  }
  return {
    micropython: readVersion(mpyDir),
    fingerprint: treeFingerprint(mpyDir),
    headers,
    symbols: [...symbols.values()].sort((a, b) => a.name.localeCompare(b.name)),
    dynruntime,
    removed,
    funTable: readFunTable(fs.readFileSync(path.join(mpyDir, 'py', 'nativeglue.h'), 'utf8')),
    linkableData: readLinkableData(path.join(mpyDir, 'tools', 'mpy_ld.py')),
  };
}

function apiHeaders(mpyDir: string): string[] {
  const headers: string[] = [];
  for (const dir of API_DIRS) {
    const abs = path.join(mpyDir, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs
      .readdirSync(abs)
      .filter((n) => n.endsWith('.h'))
      .sort())
      headers.push(`${dir}/${f}`);
  }
  return [...headers, ...API_FILES.filter((f) => fs.existsSync(path.join(mpyDir, f)))];
}

/** The fingerprint of the files readTreeFacts reads (hashing them is far cheaper than parsing them). */
export function treeFingerprint(mpyDir: string): string {
  // A cold start of the CLI finds it in its cache folder while none of the files (or folders listed) changed.
  return stamped('tree-fingerprint', path.resolve(mpyDir), (_read, watch) => {
    // node:crypto only here: loading it is a visible part of a cold start that has no tree.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const h = (require('crypto') as typeof Crypto).createHash('sha256');
    for (const dir of API_DIRS) watch(path.join(mpyDir, dir));
    for (const rel of [...apiHeaders(mpyDir), 'py/mpconfig.h', 'tools/mpy_ld.py']) {
      const file = path.join(mpyDir, rel);
      watch(file);
      if (!fs.existsSync(file)) continue;
      h.update(`${rel}\0`);
      h.update(fs.readFileSync(file));
      h.update('\0');
    }
    return h.digest('hex');
  });
}

/**
 * Every name py/dynruntime.h defines, with the mp_fun_table entries it reaches, directly
 * or through the header's other macros and `_dyn` inline functions.
 */
function dynruntimeNames(c: HeaderContents): DynruntimeName[] {
  const direct = new Map<string, { line: number; texts: string[] }>();
  for (const [name, m] of c.macros) direct.set(name, { line: m.line, texts: m.bodies });
  for (const [name, f] of c.inlines) direct.set(name, { line: f.line, texts: [f.text] });
  const memo = new Map<string, Set<string>>();
  const reach = (name: string): Set<string> => {
    const known = memo.get(name);
    if (known) return known;
    const out = new Set<string>();
    memo.set(name, out);
    for (const t of direct.get(name)?.texts ?? []) {
      for (const m of t.matchAll(/\bmp_fun_table\.(\w+)/g)) out.add(m[1]);
      for (const m of t.matchAll(/\b([A-Za-z_]\w*)\b/g)) if (m[1] !== name && direct.has(m[1])) reach(m[1]).forEach((f) => out.add(f));
    }
    return out;
  };
  return [...direct]
    .map(([name, d]) => ({ name, line: d.line, funTable: [...reach(name)].sort() }))
    .sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
}

/** `MICROPY_VERSION_MAJOR/MINOR/MICRO` from py/mpconfig.h. */
function readVersion(mpyDir: string): string {
  const text = fs.readFileSync(path.join(mpyDir, 'py', 'mpconfig.h'), 'utf8');
  const part = (n: string) => new RegExp(`^#define MICROPY_VERSION_${n} \\(?(\\d+)`, 'm').exec(text)?.[1] ?? '?';
  return `${part('MAJOR')}.${part('MINOR')}.${part('MICRO')}`;
}

/**
 * The names in mpy_ld.py's `fun_table = {...}` block: data objects a module may name
 * directly, which the linker points at the trailing mp_fun_table entries.
 */
function readLinkableData(mpyLd: string): string[] {
  if (!fs.existsSync(mpyLd)) return [];
  const text = fs.readFileSync(mpyLd, 'utf8');
  const start = text.indexOf('fun_table = {');
  if (start < 0) return [];
  const block = text.slice(start, text.indexOf(']', start));
  return [...block.matchAll(/"([A-Za-z_]\w*)"/g)].map((m) => m[1]);
}
