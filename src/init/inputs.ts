import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { readMicropythonCmake } from './cmake-reader';
import { BUILD_FILES, BuildKind } from './locate';
import { readMicropythonMk } from './mk-reader';
import { diag } from '../diagnostics/catalog';
import { fileSpan, readTextFile } from '../io/read';
import { lexPP } from '../preprocess/lexer';

/** The sources of one module, as found from what the user named on the command line. */
export interface ModuleGroup {
  /** The module folder when a build description says what belongs to it; undefined for loose files. */
  dir?: string;
  /** Every C source of the module, in the order its build description lists them (loose files: as given). */
  files: string[];
  /** The files the user named (or found in a folder they named): the ones to check and write. */
  named: string[];
}

/** Folders a search for modules does not enter: version control, dependencies, build output. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'build', 'dist', '.venv', 'venv', '__pycache__']);

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The build description in a folder, micropython.mk first. */
function buildFileIn(dir: string): { file: string; kind: BuildKind } | undefined {
  for (const kind of ['mk', 'cmake'] as BuildKind[]) {
    const file = path.join(dir, BUILD_FILES[kind]);
    if (fs.existsSync(file)) return { file, kind };
  }
  return undefined;
}

/** What a module folder's build description says, as grouping needs it. */
interface DirSources {
  /** The C sources it lists; undefined when there is no description or it cannot be read. */
  sources?: string[];
  /** The reader's errors (a description it stopped on). */
  errors: Diagnostic[];
}

/** C sources a module folder's build description lists, with the reader's errors. */
function moduleSources(dir: string): DirSources {
  const found = buildFileIn(dir);
  if (!found) return { errors: [] };
  try {
    const text = fs.readFileSync(found.file, 'utf8');
    const r = found.kind === 'mk' ? readMicropythonMk(found.file, text) : readMicropythonCmake(found.file, text);
    return { sources: r.value?.sources.filter((s) => s.endsWith('.c')), errors: r.diagnostics.filter((d) => d.severity === 'error') };
  } catch {
    return { errors: [] };
  }
}

const REGISTRATION = /^[ \t]*MP_REGISTER_MODULE\s*\(\s*MP_QSTR_(\w+)/gm;

/**
 * The module names a source registers (MP_REGISTER_MODULE lines); none when it cannot be read.
 * Read as inputs are (io/read): FIFOs, devices and oversized files are not opened, so the scan
 * cannot block or cost what the input check refuses afterwards with a diagnostic.
 */
function registeredNames(file: string): string[] {
  const { text } = readTextFile(file);
  return text === undefined ? [] : [...text.matchAll(REGISTRATION)].map((m) => m[1]);
}

/** Module folders at or under `dir` (not entering a module folder once found). */
function findModuleDirs(dir: string, out: string[]): void {
  if (buildFileIn(dir)) {
    out.push(dir);
    return;
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) findModuleDirs(path.join(dir, e.name), out);
  }
}

/**
 * The nearest folder at or above `file`'s folder whose build description lists `file`. A
 * description on the way that cannot be read is a warning: the named file is taken without it.
 */
function owningModule(file: string, cache: Map<string, DirSources>, diagnostics: Diagnostic[]): string | undefined {
  const abs = path.resolve(file);
  let dir = path.dirname(abs);
  for (;;) {
    if (!cache.has(dir)) {
      const read = moduleSources(dir);
      cache.set(dir, read);
      diagnostics.push(...read.errors.map((d) => ({ ...d, severity: 'warning' as const })));
    }
    if (cache.get(dir)!.sources?.includes(abs)) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Shows an absolute path the way the user named its module: relative to the working folder when under it. */
function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/**
 * One module described twice: a folder's own micropython.mk, and an enclosing micropython.cmake
 * that include()s the folder's micropython.cmake and so lists the same sources and more
 * (jp-96/esp32-i2s-dac-builtin-tone: mpyusercmodule/micropython.mk lists builtindac.c, the
 * top-level micropython.cmake also ../lib/i2sdacbuiltintone.c). Named files owned by each are one
 * natmod; as two groups the shared sources were generated twice (NMG1011). A description whose
 * sources are all listed by another that registers at most one module joins it, its named files
 * taking their places in the user's order.
 */
function mergeNestedDescriptions(described: ModuleGroup[], args: string[]): ModuleGroup[] {
  const key = (f: string) => path.resolve(f);
  const position = (f: string) => {
    const i = args.findIndex((a) => key(a) === key(f));
    return i < 0 ? args.length : i;
  };
  const out = [...described];
  for (const inner of described) {
    const outer = out.find(
      (o) =>
        o !== inner &&
        inner.files.length > 0 &&
        inner.files.every((f) => o.files.some((x) => key(x) === key(f))) &&
        new Set(o.files.flatMap(registeredNames)).size <= 1,
    );
    if (!outer) continue;
    const named = [...outer.named, ...inner.named.filter((n) => !outer.named.some((m) => key(m) === key(n)))];
    outer.named = named
      .map((n, i) => ({ n, i }))
      .sort((a, b) => position(a.n) - position(b.n) || a.i - b.i)
      .map((x) => x.n);
    out.splice(out.indexOf(inner), 1);
  }
  return out;
}

/**
 * Groups command-line inputs by module. A folder holding micropython.mk or
 * micropython.cmake is that module; another folder is searched for module folders; a
 * file belongs to the module whose build description lists it (the module's other
 * sources come along, so one file of a multi-file module can be checked alone); a file no
 * build description lists joins the module whose folder holds it (a source added under a
 * condition); other such files form one module together, as before.
 */
export function groupInputs(args: string[]): { groups: ModuleGroup[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cache = new Map<string, DirSources>();
  const read = (dir: string) => {
    if (!cache.has(dir)) {
      cache.set(dir, moduleSources(dir));
      diagnostics.push(...cache.get(dir)!.errors);
    }
    return cache.get(dir)!.sources;
  };
  const byDir = new Map<string, ModuleGroup>();
  const loose: string[] = [];
  const addModule = (dir: string, named: string[]) => {
    const files = (read(dir) ?? []).map(shown);
    const g = byDir.get(dir) ?? { dir, files, named: [] };
    for (const n of named) if (!g.named.includes(n)) g.named.push(n);
    byDir.set(dir, g);
  };
  for (const arg of args) {
    if (isDir(arg)) {
      const dirs: string[] = [];
      findModuleDirs(path.resolve(arg), dirs);
      if (dirs.length === 0) {
        const f = buildFileIn(arg) ? [] : undefined;
        diagnostics.push(diag('NMG4002', f ? undefined : fileSpan(arg), { dir: arg }));
        continue;
      }
      for (const d of dirs) {
        const srcs = read(d);
        if (srcs && srcs.length === 0) diagnostics.push(diag('NMG4008', fileSpan(buildFileIn(d)!.file), { file: buildFileIn(d)!.file }));
        addModule(d, (srcs ?? []).map(shown));
      }
      continue;
    }
    const owner = fs.existsSync(arg) ? owningModule(arg, cache, diagnostics) : undefined;
    if (owner) addModule(owner, [arg]);
    else loose.push(arg);
  }
  // The user's order and spelling first (they decide unit order and the paths in #line), then the
  // module's other sources. A description whose sources register more than one module (a repository
  // building several modules from one micropython.mk, or several targets of one micropython.cmake)
  // lends no other sources to named files that register a module themselves: those are one module.
  const groups = mergeNestedDescriptions([...byDir.values()], args).map((g) => {
    const named = new Set(g.named.map((n) => path.resolve(n)));
    const others = g.files.filter((f) => !named.has(path.resolve(f)));
    const ownModule = others.length > 0 && g.named.some((n) => registeredNames(n).length > 0);
    if (ownModule && new Set(g.files.flatMap(registeredNames)).size > 1) return { ...g, files: [...g.named] };
    return { ...g, files: [...g.named, ...others] };
  });
  // A file no build description lists but that sits in a named module's folder (a source the
  // description adds under a condition its reader could not decide) belongs to that module.
  const rest: string[] = [];
  for (const f of loose) {
    const abs = path.resolve(f);
    // A file a named module's description lists from outside its folder (`$(MOD_DIR)/../../src/x.c`)
    // is already one of that module's sources: named there, not a second copy of it.
    const lister = groups.find((g) => g.dir !== undefined && g.files.some((x) => path.resolve(x) === abs));
    if (lister) {
      if (!lister.named.some((n) => path.resolve(n) === abs)) lister.named.push(f);
      continue;
    }
    const home = groups
      .filter((g) => g.dir !== undefined && abs.startsWith(g.dir + path.sep))
      .sort((a, b) => b.dir!.length - a.dir!.length)[0];
    if (home) {
      home.named.push(f);
      home.files.push(f);
    } else rest.push(f);
  }
  if (rest.length) groups.push({ files: rest, named: rest });
  return { groups, diagnostics };
}

/**
 * For one natmod's worth of named files (gen): a group of loose files that registers no module
 * (library sources no build description lists, such as a codec beside its binding) joins the one
 * module group named with it; alone it would be a module without a registration (NMG2001).
 */
export function joinLibrarySources(groups: ModuleGroup[]): ModuleGroup[] {
  const modules = groups.filter((g) => g.dir !== undefined || g.files.some((f) => registeredNames(f).length > 0));
  if (modules.length !== 1) return groups;
  const libs = groups.filter((g) => !modules.includes(g));
  if (libs.length === 0) return groups;
  const target = modules[0];
  const has = new Set(target.files.map((f) => path.resolve(f)));
  const extra = libs.flatMap((g) => g.files).filter((f) => !has.has(path.resolve(f)));
  return [{ ...target, files: [...target.files, ...extra], named: [...target.named, ...libs.flatMap((g) => g.named)] }];
}

/** Functions a C file defines with external linkage, and the names it calls, read from its tokens. */
function linkNames(file: string): { defines: Set<string>; calls: Set<string> } {
  const defines = new Set<string>();
  const calls = new Set<string>();
  const { text } = readTextFile(file);
  if (text === undefined) return { defines, calls };
  const toks = lexPP(text).filter((t, i, all) => !(t.bol && t.text === '#') && !inDirective(all, i));
  let depth = 0;
  // Whether the current file-scope declaration has said `static`.
  let isStatic = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '{') depth++;
    else if (t.text === '}') depth = Math.max(0, depth - 1);
    if (depth === 0 && (t.text === ';' || t.text === '}')) isStatic = false;
    if (depth === 0 && (t.text === 'static' || t.text === 'STATIC')) isStatic = true;
    if (t.kind !== 'ident' || toks[i + 1]?.text !== '(') continue;
    if (depth > 0) {
      calls.add(t.text);
      continue;
    }
    // `name(params) {` at file scope: a definition.
    let k = i + 1;
    for (let d = 0; k < toks.length; k++) {
      if (toks[k].text === '(') d++;
      else if (toks[k].text === ')' && --d === 0) break;
    }
    if (toks[k + 1]?.text === '{' && !isStatic) defines.add(t.text);
  }
  return { defines, calls };
}

/** Whether token `i` lies on a directive line (after a `#` that starts its line). */
function inDirective(toks: ReturnType<typeof lexPP>, i: number): boolean {
  for (let k = i; k >= 0; k--) if (toks[k].bol) return toks[k].text === '#';
  return false;
}

/**
 * Module groups whose files call a function that only another group's files define (mahony/ calling
 * invSqrt() of invsqrt/, each folder with its own micropython.mk) are one natmod: the firmware links
 * every user C module into one image, so the call resolves there; a natmod per folder would leave it
 * undefined. Joined groups keep the user's order; the natmod is rooted at the module no other needs
 * (src/resolve, neededRoot) and registers the others in sys.modules at import.
 */
export function joinLinkedGroups(groups: ModuleGroup[]): ModuleGroup[] {
  if (groups.length < 2) return groups;
  const names = groups.map((g) => {
    const defines = new Set<string>();
    const calls = new Set<string>();
    for (const f of g.files) {
      const n = linkNames(f);
      n.defines.forEach((d) => defines.add(d));
      n.calls.forEach((c) => calls.add(c));
    }
    return { defines, calls };
  });
  // Union-find over the groups: a group that calls what another alone defines joins it.
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  names.forEach((a, i) =>
    names.forEach((b, j) => {
      if (i !== j && [...a.calls].some((c) => !a.defines.has(c) && b.defines.has(c))) parent[find(j)] = find(i);
    }),
  );
  const out = new Map<number, ModuleGroup>();
  groups.forEach((g, i) => {
    const root = find(i);
    const into = out.get(root);
    if (!into) out.set(root, { ...g, files: [...g.files], named: [...g.named] });
    else {
      for (const f of g.files) if (!into.files.includes(f)) into.files.push(f);
      for (const f of g.named) if (!into.named.includes(f)) into.named.push(f);
    }
  });
  return [...out.values()];
}
