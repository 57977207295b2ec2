#!/usr/bin/env node
/**
 * Corpus measurement: natmodgen over real user C modules and MicroPython's own modules.
 *
 * bench/corpus/manifest.json lists
 *   - "modules": public user C modules (repo, commit, folder, files, -D/-I flags, notes), read from
 *     CORPUS_DIR/<dir>/ (a checkout of each repository, never part of this repo);
 *   - "micropython": MicroPython's own extmod/ and py/ modules, read from MPY_DIR, each with the
 *     -D flags its firmware build has and optionally a test script in bench/corpus/mpy-tests/.
 *
 * For every entry: `natmodgen gen` (converted), then with MPY_DIR `natmodgen build --arch x64` (py/dynruntime.mk)
 * for x64 (built), then with MICROPYTHON `import` and print(dir()) (imported). MicroPython's own
 * modules are built as nmg_<name>.mpy so a built-in twin cannot shadow them; with MICROPYTHON_REF
 * (a unix port with the modules built in) each test script runs on both and the outputs are
 * compared (the natmod run maps sys.modules['<name>'] to nmg_<name> first).
 *
 * Prints one line per entry, a summary with counts, and tables of failure causes (diagnostic code,
 * missing runtime function, compiler error kind) sorted by frequency.
 *
 * Environment:
 *   CORPUS_DIR       folder holding one checkout per manifest entry (<owner>+<name>/)
 *   MPY_DIR          MicroPython v1.28.0 tree with mpy-cross built (enables build and the
 *                    MicroPython section)
 *   MICROPYTHON      unix-port binary used to import the natmods
 *   MICROPYTHON_REF  unix-port binary with MicroPython's modules built in (enables comparison)
 *   MICROPYTHON_USER_REF  unix-port binary with public user C modules compiled in as
 *                    USER_C_MODULES (the firmware comparison point): a user entry with "test" (a
 *                    script in bench/corpus/mpy-tests/) and "module" (the name it registers) that
 *                    the binary has runs there and as the natmod, and the outputs are compared;
 *                    "repoTest" instead names a test script of the module's own repository (a path
 *                    in its checkout, read from CORPUS_DIR at run time)
 *   PYTHON           python3 with pyelftools for mpy_ld.py (default /usr/bin/python3)
 *   CORPUS_MANIFEST  another manifest (default bench/corpus/manifest.json)
 *   CORPUS_ONLY      comma-separated substrings: run only entries whose id contains one
 *   CORPUS_KEEP=1    keep the work folder (its path is printed)
 *   CORPUS_VERBOSE=1 print the full gen/make output of failing entries
 *   CORPUS_ARCH      build for this dynruntime.mk ARCH instead of x64 (armv7m...): not imported
 *   CORPUS_TIMEOUT_SCALE=N  multiply the gen, build and run time limits by N (a loaded machine)
 *   CORPUS_WHATIF=legacy  measure a rewritten copy of the old-style entries ("style": "old"):
 *                    MP_REGISTER_MODULE(a, b, ENABLE) -> (a, b) and STATIC -> static, to see what
 *                    fails behind those two refusals. Labelled in the output; not the real score.
 *
 * Needs natmodgen built first (npm run corpus does that). Exit code 0 when the run completed
 * (failures of corpus entries are measurements, not errors); 2 for a broken environment.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
const DEFAULT_MANIFEST = path.join(REPO_ROOT, 'bench', 'corpus', 'manifest.json');
const TESTS_DIR = path.join(REPO_ROOT, 'bench', 'corpus', 'mpy-tests');
// CORPUS_ARCH builds for another architecture of dynruntime.mk (armv7m, rv32imc...): built only,
// since the unix port loads x64 natmods alone.
const ARCH = process.env.CORPUS_ARCH?.trim() || 'x64';
// CORPUS_TIMEOUT_SCALE=N multiplies the limits below, for a machine shared with other builds (a
// large entry's x64 build passes 300 s there): a timeout is reported as such, never as a failure of the entry.
const TIMEOUT_SCALE = Number(process.env.CORPUS_TIMEOUT_SCALE?.trim() || '1');
const GEN_TIMEOUT_MS = 120_000 * TIMEOUT_SCALE;
const MAKE_TIMEOUT_MS = 300_000 * TIMEOUT_SCALE;
const RUN_TIMEOUT_MS = 20_000 * TIMEOUT_SCALE;

// ---------------------------------------------------------------------------------------------
// Environment

function nonEmpty(v) {
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function fail(problem) {
  process.stderr.write(`bench/corpus.mjs: ${problem}\n`);
  process.exit(2);
}

function readEnv() {
  const env = {
    corpusDir: nonEmpty(process.env.CORPUS_DIR) ? path.resolve(process.env.CORPUS_DIR.trim()) : undefined,
    mpyDir: nonEmpty(process.env.MPY_DIR) ? path.resolve(process.env.MPY_DIR.trim()) : undefined,
    micropython: nonEmpty(process.env.MICROPYTHON) ? path.resolve(process.env.MICROPYTHON.trim()) : undefined,
    reference: nonEmpty(process.env.MICROPYTHON_REF) ? path.resolve(process.env.MICROPYTHON_REF.trim()) : undefined,
    userReference: nonEmpty(process.env.MICROPYTHON_USER_REF) ? path.resolve(process.env.MICROPYTHON_USER_REF.trim()) : undefined,
    python: nonEmpty(process.env.PYTHON) ?? '/usr/bin/python3',
    only: (nonEmpty(process.env.CORPUS_ONLY) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    keep: process.env.CORPUS_KEEP === '1',
    verbose: process.env.CORPUS_VERBOSE === '1',
    whatif: nonEmpty(process.env.CORPUS_WHATIF),
    manifest: nonEmpty(process.env.CORPUS_MANIFEST) ? path.resolve(process.env.CORPUS_MANIFEST.trim()) : DEFAULT_MANIFEST,
  };
  if (!(TIMEOUT_SCALE > 0)) fail(`CORPUS_TIMEOUT_SCALE=${process.env.CORPUS_TIMEOUT_SCALE}: a positive number`);
  if (env.whatif && env.whatif !== 'legacy') fail(`CORPUS_WHATIF=${env.whatif}: the only rewrite is "legacy"`);
  if (!fs.existsSync(CLI)) fail(`natmodgen is not built (${CLI} missing): run npm run build, or use npm run corpus`);
  if (env.mpyDir) {
    if (!fs.existsSync(path.join(env.mpyDir, 'py', 'dynruntime.mk'))) fail(`MPY_DIR=${env.mpyDir} is not a MicroPython tree`);
    if (!isExecutable(path.join(env.mpyDir, 'mpy-cross', 'build', 'mpy-cross'))) fail(`MPY_DIR=${env.mpyDir} has no built mpy-cross`);
  }
  const varName = { micropython: 'MICROPYTHON', reference: 'MICROPYTHON_REF', userReference: 'MICROPYTHON_USER_REF' };
  for (const k of Object.keys(varName)) {
    if (env[k] && !isExecutable(env[k])) fail(`${varName[k]}=${env[k]} is not an executable`);
  }
  return env;
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 4);
  return [bar, ...lines.map((l) => `! ${l.padEnd(width)} !`), bar].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Processes

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, LC_ALL: 'C', ...(opts.env ?? {}) },
    encoding: 'utf8',
    timeout: opts.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    input: opts.input,
  });
  const timedOut = r.error?.code === 'ETIMEDOUT';
  return {
    status: r.status,
    ok: r.status === 0 && !r.error,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? (r.error ? String(r.error) : ''),
    timedOut,
  };
}

// ---------------------------------------------------------------------------------------------
// Output parsing

const DIAG_LOCATED = /^(.*?):(\d+):(\d+): (error|warning) (NMG\d+): (.*)$/;
const DIAG_PLAIN = /^natmodgen: (error|warning) (NMG\d+): (.*)$/;

/** natmodgen's rendered diagnostics, in order. */
export function parseDiagnostics(stderr) {
  const out = [];
  for (const line of stderr.split('\n')) {
    let m = DIAG_LOCATED.exec(line);
    if (m) {
      out.push({ file: m[1], line: Number(m[2]), col: Number(m[3]), severity: m[4], code: m[5], message: m[6] });
      continue;
    }
    m = DIAG_PLAIN.exec(line);
    if (m) out.push({ file: undefined, severity: m[1], code: m[2], message: m[3] });
  }
  return out;
}

/** The function named in an NMG3001/NMG3002 message ('name' is not available ...). */
function unavailableName(d) {
  const m = /^'([A-Za-z_]\w*)' is not available/.exec(d.message);
  return m ? m[1] : undefined;
}

const CC_ERROR = /^(.*?):(\d+):(\d+): (?:fatal )?error: (.*)$/;

/** Reduces a compiler message to its kind: identifiers and numbers in quotes become X. */
export function errorKind(message) {
  const werror = /\[-Werror=([\w-]+)\]$/.exec(message);
  if (werror) return `-Werror=${werror[1]}`;
  if (/No such file or directory/.test(message)) return 'missing header';
  return message
    .replace(/'[^']*'/g, "'X'")
    .replace(/\b\d+\b/g, 'N')
    .replace(/; did you mean 'X'\?/, '')
    .trim();
}

/** Compiler errors (gcc) and mpy_ld link errors from make output. */
export function parseBuildErrors(text) {
  const errors = [];
  const undefinedSymbols = [];
  // `natmodgen build` reports each architecture's first error as `[arch] FAILED (stage): <error>`.
  for (const line of text.split('\n').map((l) => l.replace(/^\[\w+\] FAILED \([^)]*\): /, ''))) {
    const m = CC_ERROR.exec(line);
    if (m) {
      const sym = /implicit declaration of function '([^']+)'/.exec(m[4]);
      errors.push({ file: m[1], line: Number(m[2]), col: Number(m[3]), message: m[4], kind: errorKind(m[4]), symbol: sym?.[1] });
      continue;
    }
    const u = /undefined symbol: (\S+)/.exec(line);
    if (u) undefinedSymbols.push(u[1]);
    else if (/^LinkError: /.test(line)) errors.push({ message: line, kind: `mpy_ld: ${errorKind(line.slice(11))}` });
  }
  return { errors, undefinedSymbols: [...new Set(undefinedSymbols)] };
}

// ---------------------------------------------------------------------------------------------
// One entry

function listC(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.c')) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function shortLoc(file, line, col, roots) {
  if (!file) return '';
  let f = file;
  for (const r of roots) if (r && f.startsWith(r + path.sep)) f = path.relative(r, f);
  return line ? `${f}:${line}${col ? `:${col}` : ''}` : f;
}

/**
 * Runs gen, make and import for one entry; returns a result record. `srcRoot` is the folder the
 * entry's files, includes and test are relative to.
 */
/** A copy of `srcRoot` with old-style registration and STATIC rewritten (CORPUS_WHATIF=legacy). */
function legacyRewrite(srcRoot, dest) {
  fs.cpSync(srcRoot, dest, { recursive: true });
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.[ch]$/.test(e.name)) {
        const text = fs.readFileSync(p, 'latin1');
        const next = text
          .replace(/MP_REGISTER_MODULE\((\s*MP_QSTR_\w+\s*),(\s*\w+\s*),\s*\w+\s*\)/g, 'MP_REGISTER_MODULE($1,$2)')
          .replace(/\bSTATIC\b/g, 'static');
        if (next !== text) fs.writeFileSync(p, next, 'latin1');
      }
    }
  };
  walk(dest);
  return dest;
}

function measure(entry, srcRootIn, work, env, kind) {
  const res = { id: entry.id, kind, stage: 'converted', ok: false, causes: [], missing: [], detail: '' };
  const rewritten = env.whatif === 'legacy' && entry.style === 'old';
  const srcRoot = rewritten ? legacyRewrite(srcRootIn, path.join(work, `${entry.id}-rewritten`)) : srcRootIn;
  if (rewritten) res.id = `${entry.id} (rewritten)`;
  const roots = [srcRoot, work];
  const files = entry.files.map((f) => path.join(srcRoot, f));
  const absent = files.filter((f) => !fs.existsSync(f));
  if (absent.length) {
    res.stage = 'source';
    res.detail = `source missing: ${absent.map((f) => path.relative(srcRoot, f)).join(', ')}`;
    res.causes.push('source missing from checkout');
    return res;
  }
  const out = path.join(work, entry.id.replace(/[^\w.+-]/g, '_'));
  const genDir = path.join(out, 'gen');
  fs.mkdirSync(genDir, { recursive: true });
  const defines = entry.defines ?? [];
  // The include folders the firmware build passes (CFLAGS_USERMOD -I), so natmodgen reads the headers the compiler will.
  const includeArgs = (entry.includes ?? []).flatMap((i) => ['-I', path.resolve(srcRoot, i)]);
  const args = [
    CLI,
    'gen',
    ...defines.flatMap((d) => ['-D', d]),
    ...includeArgs,
    ...(env.mpyDir ? ['--mpy-dir', env.mpyDir] : []),
    '-o',
    genDir,
    ...files,
  ];
  const t0 = Date.now();
  const g = run(process.execPath, args, { timeoutMs: GEN_TIMEOUT_MS });
  res.genMs = Date.now() - t0;
  const diags = parseDiagnostics(g.stderr);
  res.warnings = diags.filter((d) => d.severity === 'warning').length;
  const errors = diags.filter((d) => d.severity === 'error');
  if (!g.ok) {
    res.stage = 'gen';
    if (g.timedOut) res.causes.push('gen: timeout');
    for (const code of new Set(errors.map((d) => d.code))) res.causes.push(code);
    for (const d of errors) {
      const name = (d.code === 'NMG3001' || d.code === 'NMG3002') && unavailableName(d);
      if (name) res.missing.push(name);
    }
    res.missing = [...new Set(res.missing)];
    const first = errors[0];
    if (first) res.detail = `${first.code} ${shortLoc(first.file, first.line, first.col, roots)} ${first.message}`;
    else {
      const lastLine = g.stderr.trim().split('\n').slice(-1)[0] ?? '';
      res.detail = `exit ${g.status}, no diagnostic: ${lastLine.slice(0, 200)}`;
      res.causes.push(/at .*\.js:\d+/.test(g.stderr) ? 'gen: crash (stack trace)' : 'gen: failed without a diagnostic');
    }
    res.log = g.stderr;
    return res;
  }
  res.converted = true;
  if (!env.mpyDir) return { ...res, ok: true, stage: 'converted' };

  // Built as a user would: `natmodgen build` (MicroPython's own libm and the toolchain's
  // compiler-runtime members linked as needed), from the sources in the manifest's order
  // (that of micropython.mk). The entry's CFLAGS (warning switches of its micropython.mk)
  // reach dynruntime.mk's `CFLAGS +=` through the environment.
  const mod = kind === 'micropython' ? `nmg_${entry.id}` : `nmgc_${entry.id.replace(/\W/g, '_')}`;
  const buildDir = path.join(out, 'build');
  const buildArgs = [
    CLI,
    'build',
    '--arch',
    ARCH,
    '--jobs',
    '1',
    ...defines.flatMap((d) => ['-D', d]),
    ...includeArgs,
    '--mpy-dir',
    env.mpyDir,
    '-o',
    buildDir,
    ...files,
  ];
  const t1 = Date.now();
  const m = run(process.execPath, buildArgs, {
    timeoutMs: MAKE_TIMEOUT_MS,
    env: entry.cflags?.length ? { CFLAGS: entry.cflags.join(' ') } : {},
  });
  res.makeMs = Date.now() - t1;
  const archDir = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).find((d) => d.startsWith(`${ARCH}_`)) : undefined;
  const built = archDir ? fs.readdirSync(path.join(buildDir, archDir)).find((f) => f.endsWith('.mpy')) : undefined;
  // Imported under the corpus' own name: a firmware module of the registered name would win.
  if (m.ok && built) fs.copyFileSync(path.join(buildDir, archDir, built), path.join(out, `${mod}.mpy`));
  const mpy = path.join(out, `${mod}.mpy`);
  if (!m.ok || !fs.existsSync(mpy)) {
    res.stage = 'build';
    const text = `${m.stdout}\n${m.stderr}`;
    const { errors: ccErrors, undefinedSymbols } = parseBuildErrors(text);
    if (m.timedOut) res.causes.push('make: timeout');
    for (const k of new Set(ccErrors.map((e) => (e.symbol ? 'implicit declaration of function' : e.kind)))) res.causes.push(`cc: ${k}`);
    if (undefinedSymbols.length) res.causes.push('link: undefined symbol');
    res.missing = [...new Set([...ccErrors.filter((e) => e.symbol).map((e) => e.symbol), ...undefinedSymbols])];
    const first = ccErrors[0];
    if (first)
      res.detail = first.file ? `${shortLoc(path.resolve(out, first.file), first.line, first.col, roots)} ${first.message}` : first.message;
    else if (undefinedSymbols.length) {
      const more = undefinedSymbols.length > 6 ? ', ...' : '';
      res.detail = `undefined symbols: ${undefinedSymbols.slice(0, 6).join(', ')}${more}`;
    } else if (m.timedOut) {
      res.detail = `build timed out after ${MAKE_TIMEOUT_MS / 1000} s (CORPUS_TIMEOUT_SCALE raises the limit)`;
    } else {
      res.detail = `make exit ${m.status}: ${text.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? ''}`;
      res.causes.push('make: other');
    }
    res.log = text;
    return res;
  }
  res.built = true;
  res.mpyBytes = fs.statSync(mpy).size;
  if (!env.micropython || ARCH !== 'x64') return { ...res, ok: true, stage: 'built' };

  const runDir = path.join(out, 'run');
  fs.mkdirSync(runDir, { recursive: true });
  const probe = `import ${mod} as m\nprint(sorted(dir(m)))\n`;
  const r = run(env.micropython, ['-c', probe], { cwd: runDir, env: { MICROPYPATH: out }, timeoutMs: RUN_TIMEOUT_MS });
  if (!r.ok) {
    res.stage = 'import';
    const last = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-1)[0] ?? '';
    const crashed = r.status === null || r.status > 128;
    res.detail = r.timedOut ? 'import timed out' : crashed ? `import crashed (status ${r.status})` : last.slice(0, 200);
    res.causes.push(r.timedOut ? 'import: timeout' : crashed ? 'import: crash' : `import: ${last.split(':')[0]}`);
    res.log = `${r.stdout}\n${r.stderr}`;
    return res;
  }
  res.imported = true;
  res.dir = r.stdout.trim();
  res.stage = 'imported';
  res.ok = true;

  // The firmware comparison point: MicroPython's module built in, or the public module compiled in
  // as a user C module (a binary built outside this repository from the same sources).
  const refBinary = kind === 'micropython' ? env.reference : env.userReference;
  const testPy = entry.repoTest ? path.join(srcRoot, entry.repoTest) : entry.test ? path.join(TESTS_DIR, entry.test) : undefined;
  if (refBinary && testPy && !hasBuiltin(refBinary, entry.module)) {
    res.notCompared = `${entry.module ?? '(no "module" in the manifest)'} is not built into ${path.basename(refBinary)}`;
  } else if (refBinary && testPy) {
    const text = fs.readFileSync(testPy, 'utf8');
    // Both runs read a file test.py whose script starts on line 3 (the natmod run's two-line prelude;
    // two lines of comment and import here), so a traceback names the same file and line on both
    // sides; each run has its own working folder.
    const refDir = path.join(runDir, 'firmware');
    fs.mkdirSync(refDir, { recursive: true });
    fs.writeFileSync(path.join(refDir, 'test.py'), `import sys\n# built-in ${entry.module ?? entry.id}\n${text}`);
    const ref = run(refBinary, ['test.py'], { cwd: refDir, timeoutMs: RUN_TIMEOUT_MS });
    const prelude = `import sys, ${mod}\nsys.modules['${entry.module ?? entry.id}'] = ${mod}\n`;
    fs.writeFileSync(path.join(runDir, 'test.py'), prelude + text);
    const nat = run(env.micropython, ['test.py'], { cwd: runDir, env: { MICROPYPATH: out }, timeoutMs: RUN_TIMEOUT_MS });
    const refOut = ref.stdout + (ref.ok ? '' : `[exit ${ref.status}] ${ref.stderr}`);
    const natOut = nat.stdout + (nat.ok ? '' : `[exit ${nat.status}] ${nat.stderr}`);
    res.compared = true;
    res.same = refOut === natOut;
    if (!res.same) {
      res.ok = false;
      res.stage = 'compare';
      res.causes.push('compare: output differs from the built-in module');
      res.detail = firstDifference(refOut, natOut);
      res.log = `--- built-in\n${refOut}\n--- natmod\n${natOut}`;
    }
  }
  return res;
}

/** Whether `binary` has `module` built in (help('modules') lists it). */
const builtinLists = new Map();
function hasBuiltin(binary, module) {
  if (!module) return false;
  if (!builtinLists.has(binary)) {
    const r = run(binary, ['-c', "help('modules')"], { timeoutMs: RUN_TIMEOUT_MS });
    builtinLists.set(binary, new Set(r.stdout.split(/\s+/).filter(Boolean)));
  }
  return builtinLists.get(binary).has(module);
}

function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      return `line ${i + 1}: built-in ${JSON.stringify(la[i] ?? '<end>')} vs natmod ${JSON.stringify(lb[i] ?? '<end>')}`.slice(0, 300);
    }
  }
  return 'outputs differ';
}

// ---------------------------------------------------------------------------------------------
// Report

/**
 * An entry's "expected" failure ({ stage, code?, reason }): the v1.28.0 firmware build fails on it too,
 * or it needs what no natmod can have. It counts as expected only when the entry fails at that stage
 * (and with that diagnostic code, if given); any other failure is natmodgen's, and an entry that
 * gets past its expected stage is reported as passing unexpectedly.
 */
function judgeExpected(entry, res) {
  const exp = entry.expected;
  if (!exp) return res;
  const reached = { source: 0, gen: 1, build: 2, import: 3, imported: 4, compare: 4, converted: 2, built: 3 };
  if (!res.ok && res.stage === exp.stage && (!exp.code || res.causes.includes(exp.code))) {
    return { ...res, expectedFailure: exp.reason };
  }
  if ((reached[res.stage] ?? 0) > (reached[exp.stage] ?? 0)) return { ...res, unexpectedPass: exp.reason };
  return res;
}

function line(res, env) {
  const mark = (flag, reached) => (flag ? 'yes' : reached ? 'NO ' : ' - ');
  const conv = mark(res.converted, res.stage !== 'source');
  const built = env.mpyDir ? mark(res.built, res.converted) : 'n/a';
  const imp = env.micropython && env.mpyDir && ARCH === 'x64' ? mark(res.imported, res.built) : 'n/a';
  const cmp = res.compared ? (res.same ? ' same' : ' DIFF') : res.notCompared ? ` NOT COMPARED (${res.notCompared})` : '';
  const size = res.mpyBytes ? ` ${res.mpyBytes}B` : '';
  const tail = res.ok ? `${size}${cmp}${res.warnings ? ` (${res.warnings} warnings)` : ''}` : `${cmp}  ${res.detail}`;
  const note = res.expectedFailure
    ? `\n${' '.repeat(45)}EXPECTED: ${res.expectedFailure}`
    : res.unexpectedPass
      ? `\n${' '.repeat(45)}PASSED ITS EXPECTED FAILURE STAGE (update the manifest): ${res.unexpectedPass}`
      : '';
  return `${res.id.padEnd(44)} converted ${conv}  built ${built}  imported ${imp}${tail}${note}`;
}

function table(title, counts, total) {
  const rows = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  if (!rows.length) return `${title}: none\n`;
  const lines = [`${title} (entries affected, of ${total}):`];
  for (const [k, ids] of rows) {
    lines.push(`  ${String(ids.length).padStart(3)}  ${k}   [${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}]`);
  }
  return lines.join('\n') + '\n';
}

function summarise(title, results, env) {
  const n = results.length;
  const count = (f) => results.filter(f).length;
  const out = [];
  out.push(`\n== ${title}: summary`);
  out.push(
    `entries ${n}; source missing ${count((r) => r.stage === 'source')}; converted ${count((r) => r.converted)}` +
      (env.mpyDir ? `; built ${count((r) => r.built)}` : '; built n/a (no MPY_DIR)') +
      (env.mpyDir && env.micropython && ARCH === 'x64'
        ? `; imported ${count((r) => r.imported)}`
        : `; imported n/a (${ARCH === 'x64' ? 'no MICROPYTHON' : ARCH})`) +
      (count((r) => r.compared) ? `; compared ${count((r) => r.compared)}, same output ${count((r) => r.same)}` : ''),
  );
  const expected = results.filter((r) => r.expectedFailure).map((r) => r.id);
  const unexpected = results.filter((r) => !r.ok && !r.expectedFailure && r.stage !== 'source').map((r) => r.id);
  const passedExpected = results.filter((r) => r.unexpectedPass).map((r) => r.id);
  out.push(`failing as expected (the v1.28.0 firmware build fails too, or no natmod can): ${expected.length} [${expected.join(', ')}]`);
  out.push(`failing for natmodgen's reasons: ${unexpected.length} [${unexpected.join(', ')}]`);
  if (passedExpected.length)
    out.push(`past their expected failure (update the manifest): ${passedExpected.length} [${passedExpected.join(', ')}]`);
  const causes = new Map();
  const missing = new Map();
  for (const r of results) {
    for (const c of new Set(r.causes)) causes.set(c, [...(causes.get(c) ?? []), r.id]);
    for (const s of r.missing) missing.set(s, [...(missing.get(s) ?? []), r.id]);
  }
  out.push(table('failure causes', causes, n));
  out.push(table('missing runtime functions (NMG3001/NMG3002, implicit declarations, undefined symbols)', missing, n));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

function selected(entries, only) {
  return only.length ? entries.filter((e) => only.some((o) => e.id.includes(o))) : entries;
}

function main() {
  const env = readEnv();
  if (!fs.existsSync(env.manifest)) fail(`no manifest at ${env.manifest}`);
  const manifest = JSON.parse(fs.readFileSync(env.manifest, 'utf8'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-corpus-'));
  const print = (s) => process.stdout.write(s + '\n');
  /** Measures one entry (from `base`), judges it against its expected failure, prints its line (and log with -v). */
  function measureAndPrint(e, base, work, env, kind) {
    const r = judgeExpected(e, measure(e, base, work, env, kind));
    print(line(r, env));
    if (env.verbose && !r.ok && r.log)
      print(
        r.log
          .split('\n')
          .map((l) => `    | ${l}`)
          .join('\n'),
      );
    return r;
  }
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
  print(`natmodgen corpus: ${new Date().toISOString().slice(0, 10)}, natmodgen ${version}`);
  print(
    `CORPUS_DIR=${env.corpusDir ?? '(unset)'} MPY_DIR=${env.mpyDir ?? '(unset)'} MICROPYTHON=${env.micropython ?? '(unset)'} ` +
      `MICROPYTHON_REF=${env.reference ?? '(unset)'} MICROPYTHON_USER_REF=${env.userReference ?? '(unset)'}`,
  );
  if (!env.mpyDir) print(banner(['MPY_DIR is not set: nothing is BUILT or IMPORTED, and the MicroPython section is SKIPPED.']));
  else if (!env.micropython) print(banner(['MICROPYTHON is not set: nothing is IMPORTED.']));
  else if (ARCH !== 'x64')
    print(banner([`CORPUS_ARCH=${ARCH}: built for ${ARCH}; nothing is IMPORTED (the unix port loads x64 natmods).`]));
  if (env.whatif) {
    print(
      banner([
        `CORPUS_WHATIF=${env.whatif}: old-style entries are measured on REWRITTEN copies (marked "(rewritten)").`,
        "These numbers show what fails behind the legacy refusals; they are not natmodgen's score.",
      ]),
    );
  }

  const all = [];
  const users = selected(manifest.modules ?? [], env.only);
  if (!env.corpusDir || !fs.existsSync(env.corpusDir)) {
    print(
      banner([
        `CORPUS_DIR ${env.corpusDir ? `(${env.corpusDir}) does not exist` : 'is not set'}: the ${users.length} user C modules are SKIPPED.`,
        'Check out each repository of bench/corpus/manifest.json at its commit into CORPUS_DIR/<owner>+<name>/.',
      ]),
    );
  } else {
    print(
      `\n== user C modules (${users.length})` +
        (env.userReference
          ? `, entries with a test compared with ${env.userReference} where it has the module`
          : ' (MICROPYTHON_USER_REF unset: outputs NOT compared)'),
    );
    const results = [];
    for (const e of users) results.push(measureAndPrint(e, path.join(env.corpusDir, e.dir), work, env, 'user'));
    print(summarise('user C modules', results, env));
    all.push(...results);
  }

  if (env.mpyDir) {
    const mods = selected(manifest.micropython ?? [], env.only);
    print(
      `\n== MicroPython v1.28.0 modules (${mods.length}), from ${env.mpyDir}` +
        (env.reference ? `, compared with ${env.reference}` : ' (MICROPYTHON_REF unset: outputs NOT compared)'),
    );
    const results = [];
    for (const e of mods) results.push(measureAndPrint(e, env.mpyDir, work, env, 'micropython'));
    print(summarise('MicroPython modules', results, env));
    all.push(...results);
  }
  if (env.keep) print(`work folder (kept): ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
