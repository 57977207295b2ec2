import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES_DIR, EXTMOD_DIR, REPO_ROOT } from './env';

export type Sources =
  /** Absolute paths of the module's .c files, in sorted order. */
  | { kind: 'files'; files: string[] }
  /** One file relative to MPY_DIR (resolved when the environment is known). */
  | { kind: 'mpy'; rel: string };

export interface Case {
  group: 'examples' | 'extmod';
  /** 'examples/functions', 'extmod/heapq': used in test names and the summary. */
  label: string;
  dataDir: string;
  testPy: string;
  expected: string;
  sources: Sources;
  defines: string[];
  /** The case's data is malformed: the test is registered and fails with this message. */
  problem?: string;
  /** The case's data is incomplete: the test is registered as skipped with this reason. */
  skip?: string;
}

/** A path as shown in messages: relative to the repository when inside it. */
function rel(p: string): string {
  const r = path.relative(REPO_ROOT, p);
  return r && !r.startsWith('..') ? r : p;
}

function subdirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function checkDefines(v: unknown, where: string): string[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'string')) return `${where}: "defines" must be an array of strings`;
  const bad = v.find((d: string) => !/^[A-Za-z_][A-Za-z0-9_]*(=.*)?$/.test(d));
  if (bad !== undefined) return `${where}: bad define ${JSON.stringify(bad)} (expected NAME or NAME=VALUE)`;
  return v as string[];
}

function base(group: Case['group'], name: string, dataDir: string): Omit<Case, 'sources' | 'defines'> {
  return {
    group,
    label: `${group}/${name}`,
    dataDir,
    testPy: path.join(dataDir, 'test.py'),
    expected: path.join(dataDir, 'expected.txt'),
  };
}

function missingData(c: Omit<Case, 'sources' | 'defines'>): string | undefined {
  const missing = [c.testPy, c.expected].filter((p) => !isFile(p)).map((p) => path.basename(p));
  return missing.length ? `no ${missing.join(' or ')} in ${rel(c.dataDir)}` : undefined;
}

/**
 * examples/<name>/ folders that hold a test.py and an expected.txt. All the folder's .c files are
 * the module; natmodgen.json ({"defines": [...]}) optionally gives -D flags.
 */
export function discoverExamples(dir = EXAMPLES_DIR): Case[] {
  const cases: Case[] = [];
  for (const name of subdirs(dir)) {
    const dataDir = path.join(dir, name);
    const b = base('examples', name, dataDir);
    const hasTest = isFile(b.testPy);
    const hasExpected = isFile(b.expected);
    if (!hasTest && !hasExpected) continue; // not an end-to-end example
    const files = fs
      .readdirSync(dataDir)
      .filter((f) => f.endsWith('.c') && isFile(path.join(dataDir, f)))
      .sort()
      .map((f) => path.join(dataDir, f));
    const c: Case = { ...b, sources: { kind: 'files', files }, defines: [] };
    if (!hasTest || !hasExpected) {
      c.skip = missingData(b);
      cases.push(c);
      continue;
    }
    if (files.length === 0) c.problem = `${c.label}: no .c files in ${dataDir}`;
    const cfg = path.join(dataDir, 'natmodgen.json');
    if (isFile(cfg)) {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(cfg, 'utf8'));
        const defines = checkDefines((parsed as { defines?: unknown } | null)?.defines, cfg);
        if (typeof defines === 'string') c.problem = defines;
        else c.defines = defines;
      } catch (e) {
        c.problem = `${cfg}: ${(e as Error).message}`;
      }
    }
    cases.push(c);
  }
  return cases;
}

/**
 * test/e2e/extmod/<name>/ folders listed in flags.json ({name: {source, defines}}). Folders and
 * entries that do not match up yet are registered as skipped, so the gap shows in jest's summary.
 */
export function discoverExtmod(dir = EXTMOD_DIR): Case[] {
  const flagsPath = path.join(dir, 'flags.json');
  const folders = subdirs(dir);
  let flags: Record<string, unknown> = {};
  if (isFile(flagsPath)) {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(flagsPath, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('expected an object mapping names to {source, defines}');
      flags = parsed as Record<string, unknown>;
    } catch (e) {
      const b = base('extmod', 'flags.json', dir);
      return [{ ...b, sources: { kind: 'files', files: [] }, defines: [], problem: `${flagsPath}: ${(e as Error).message}` }];
    }
  }
  const names = [...new Set([...folders, ...Object.keys(flags)])].sort();
  const cases: Case[] = [];
  for (const name of names) {
    const dataDir = path.join(dir, name);
    const b = base('extmod', name, dataDir);
    const entry = flags[name] as { source?: unknown; defines?: unknown } | undefined;
    const c: Case = { ...b, sources: { kind: 'mpy', rel: typeof entry?.source === 'string' ? entry.source : '' }, defines: [] };
    if (entry === undefined) {
      c.skip = `${name} is not listed in ${rel(flagsPath)}`;
    } else if ((c.skip = missingData(b)) === undefined) {
      if (entry === null || typeof entry !== 'object' || typeof entry.source !== 'string' || entry.source === '') {
        c.problem = `${flagsPath}: entry ${JSON.stringify(name)} needs a "source" (a path relative to MPY_DIR)`;
      } else {
        const defines = checkDefines(entry.defines, `${flagsPath} entry ${JSON.stringify(name)}`);
        if (typeof defines === 'string') c.problem = defines;
        else c.defines = defines;
      }
    }
    cases.push(c);
  }
  return cases;
}
