import * as fs from 'fs';
import * as path from 'path';
import { runAsync } from './proc';
import { cachedPath, cacheKey, fileStamp, storeInCache } from './cache';
import { trimHelper } from './helper-trim';

/**
 * Compiler-runtime helpers without LINK_RUNTIME=1 (whose archive reader needs a PyPI
 * package): the symbols the compiled objects leave undefined (soft-float arithmetic,
 * 64-bit division, libm functions) are looked up in the toolchain's libgcc and libm, and
 * exactly the archive members that define them, plus what those members need in turn, are
 * extracted with `ar` and handed to mpy_ld as ordinary objects.
 */

/** One symbol line of `nm -A -g --format=posix`. */
export interface NmSymbol {
  /** The object file, or the member of an archive. */
  object: string;
  name: string;
  /** nm's type letter: U undefined, w/v weak undefined, anything else a definition (W/V weak). */
  type: string;
}

/** Parses `nm -A -g --format=posix` output of objects or of an archive ("lib.a[member.o]: sym T ..."). */
export function parseNm(text: string): NmSymbol[] {
  const out: NmSymbol[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.*?)(?:\[([^\]]+)\])?: (\S+) (\S)(?: |$)/.exec(line);
    if (!m) continue;
    out.push({ object: m[2] ?? m[1], name: m[3], type: m[4] });
  }
  return out;
}

const isDefinition = (t: string) => t !== 'U' && t !== 'w' && t !== 'v';
const isWeak = (t: string) => t === 'W' || t === 'V' || t === 'w' || t === 'v';

/** Symbols mpy_ld itself provides: the function table and its tables, the GOT. */
export function providedByLoader(name: string): boolean {
  return name.startsWith('mp_') || name === '_GLOBAL_OFFSET_TABLE_';
}

export interface Archive {
  path: string;
  symbols: NmSymbol[];
}

export interface HelperPlan {
  /** [archive, member] in the order found. */
  members: Array<{ archive: string; member: string }>;
  /** Symbols still undefined after the search (mpy_ld reports them). */
  unresolved: string[];
}

/**
 * Chooses archive members like a static linker does: repeat until nothing new is needed;
 * a strong definition wins over a weak one, earlier archives over later ones.
 */
export function planHelpers(objects: NmSymbol[], archives: Archive[]): HelperPlan {
  const defined = new Set(objects.filter((s) => isDefinition(s.type)).map((s) => s.name));
  const needed: string[] = objects.filter((s) => s.type === 'U' && !providedByLoader(s.name)).map((s) => s.name);
  const definers = new Map<string, { archive: string; member: string; weak: boolean }>();
  for (const a of archives) {
    for (const s of a.symbols) {
      if (!isDefinition(s.type)) continue;
      const prev = definers.get(s.name);
      if (!prev || (prev.weak && !isWeak(s.type))) definers.set(s.name, { archive: a.path, member: s.object, weak: isWeak(s.type) });
    }
  }
  const byMember = new Map<string, NmSymbol[]>();
  for (const a of archives)
    for (const s of a.symbols) {
      const k = `${a.path}\0${s.object}`;
      if (!byMember.has(k)) byMember.set(k, []);
      byMember.get(k)!.push(s);
    }
  const members: HelperPlan['members'] = [];
  const taken = new Set<string>();
  const unresolved = new Set<string>();
  while (needed.length) {
    const name = needed.shift()!;
    if (defined.has(name) || unresolved.has(name)) continue;
    const d = definers.get(name);
    if (!d) {
      unresolved.add(name);
      continue;
    }
    const key = `${d.archive}\0${d.member}`;
    if (taken.has(key)) continue;
    taken.add(key);
    members.push({ archive: d.archive, member: d.member });
    for (const s of byMember.get(key) ?? []) {
      if (isDefinition(s.type)) defined.add(s.name);
      else if (s.type === 'U' && !providedByLoader(s.name)) needed.push(s.name);
    }
  }
  return { members, unresolved: [...unresolved].sort() };
}

/**
 * The archives behind a library path: itself, or, when it is a GNU ld script (glibc's
 * libm.a is `GROUP ( libm-2.36.a libmvec.a )`), the archives it names.
 */
export function archivesOf(lib: string): string[] {
  let head: string;
  try {
    head = fs.readFileSync(lib).subarray(0, 4096).toString('latin1');
  } catch {
    return [];
  }
  if (head.startsWith('!<arch>')) return [lib];
  const group = /\b(?:GROUP|INPUT)\s*\(([^)]*)\)/.exec(head);
  if (!group) return [];
  return group[1]
    .split(/\s+/)
    .filter((w) => w.endsWith('.a'))
    .map((w) => (path.isAbsolute(w) ? w : path.join(path.dirname(lib), w)))
    .filter((w) => fs.existsSync(w));
}

export async function nm(cross: string, files: string[]): Promise<NmSymbol[]> {
  const r = await runAsync(`${cross}nm`, ['-A', '-g', '--format=posix', ...files]);
  if (r.code !== 0) throw new Error(`${cross}nm failed: ${r.stderr.split('\n')[0]}`);
  return parseNm(r.stdout);
}

const archiveMemo = new Map<string, Promise<NmSymbol[]>>();

/**
 * The global symbols of a toolchain archive. `nm` over a whole libgcc.a or libm.a takes
 * seconds and every architecture of every build needs it, so the table is read once per
 * process and kept in the build cache under the archive's path, size and mtime.
 */
export function archiveSymbols(cross: string, lib: string): Promise<NmSymbol[]> {
  const key = cacheKey('nm', [cross, fileStamp(lib)]);
  let p = archiveMemo.get(key);
  if (!p) {
    p = readArchiveSymbols(cross, lib, `${key}.json`);
    archiveMemo.set(key, p);
    // a failed nm is not remembered: the next caller runs it again and sees the error itself
    p.catch(() => archiveMemo.delete(key));
  }
  return p;
}

async function readArchiveSymbols(cross: string, lib: string, name: string): Promise<NmSymbol[]> {
  const hit = cachedPath(name);
  if (hit) {
    try {
      const rows = JSON.parse(fs.readFileSync(hit, 'utf8')) as unknown;
      if (Array.isArray(rows) && rows.every((r) => Array.isArray(r) && r.length === 3 && r.every((x) => typeof x === 'string')))
        return (rows as string[][]).map(([object, name, type]) => ({ object, name, type }));
    } catch {
      // unreadable entry: made again below
    }
  }
  const symbols = await nm(cross, [lib]);
  storeInCache(name, (tmp) => fs.writeFileSync(tmp, JSON.stringify(symbols.map((s) => [s.object, s.name, s.type]))));
  return symbols;
}

/** The archives behind `libraries` (ld scripts followed) with their symbol tables. */
export async function readArchives(cross: string, libraries: string[]): Promise<Archive[]> {
  const paths = libraries.filter(Boolean).flatMap(archivesOf);
  const tables = await Promise.all(paths.map((p) => archiveSymbols(cross, p)));
  return paths.map((p, i) => ({ path: p, symbols: tables[i] }));
}

/**
 * Extracts the helper members the objects need into `dir` (emptied first) and returns
 * the extracted files, named after the archive and member so that names cannot clash.
 */
export async function extractHelpers(
  cross: string,
  objects: string[],
  libraries: string[],
  dir: string,
  objectSymbols?: NmSymbol[],
): Promise<{ files: string[]; plan: HelperPlan }> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const objSyms = objectSymbols ?? (await nm(cross, objects));
  const archives = await readArchives(cross, libraries);
  const plan = planHelpers(objSyms, archives);
  const files: string[] = [];
  for (const [i, m] of plan.members.entries()) {
    const tmp = path.join(dir, `.x${i}`);
    fs.mkdirSync(tmp);
    const r = await runAsync(`${cross}ar`, ['x', path.resolve(m.archive), m.member], { cwd: tmp });
    if (r.code !== 0) throw new Error(`${cross}ar x ${m.archive} ${m.member}: ${r.stderr.split('\n')[0]}`);
    const lib = path.basename(m.archive, '.a');
    const file = path.join(dir, `${lib}-${i}-${path.basename(m.member).replace(/\.o$/, '')}.o`);
    fs.renameSync(path.join(tmp, m.member), file);
    fs.rmSync(tmp, { recursive: true, force: true });
    files.push(file);
  }
  // what the link needs from the members: the objects' undefined symbols and the members' own
  const needed = new Set(objSyms.filter((s) => !isDefinition(s.type)).map((s) => s.name));
  for (const m of plan.members)
    for (const s of archives.find((a) => a.path === m.archive)?.symbols ?? [])
      if (s.object === m.member && !isDefinition(s.type)) needed.add(s.name);
  for (const f of files) await trimHelper(cross, f, needed);
  return { files, plan };
}

/**
 * Sections mpy_ld drops without a word, so that a symbol defined there is "undefined" at
 * link: small data (.sdata/.sbss, where RISC-V GCC puts small variables, e.g. picolibc's
 * __signgam for lgamma) and thread-local storage (.tdata/.tbss).
 */
const DROPPED_SECTION = /^\.(?:s|t)(?:data|bss)(?:\.|$)/;

/** Parses `readelf -S -W` of one object: the names of its non-empty sections mpy_ld drops. */
export function droppedSections(readelf: string): string[] {
  const out: string[] = [];
  for (const line of readelf.split('\n')) {
    const m = /^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s/.exec(line);
    if (m && DROPPED_SECTION.test(m[1]) && parseInt(m[2], 16) > 0) out.push(m[1]);
  }
  return out;
}

/** The extracted helper members with data in sections mpy_ld drops, as "member: .sbss". */
export async function membersWithDroppedData(cross: string, files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const r = await runAsync(`${cross}readelf`, ['-S', '-W', f]);
    if (r.code !== 0) continue;
    const sections = droppedSections(r.stdout);
    if (sections.length) out.push(`${path.basename(f)}: ${sections.join(', ')}`);
  }
  return out;
}
