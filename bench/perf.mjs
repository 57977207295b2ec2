#!/usr/bin/env node
/**
 * Speed and memory of natmodgen itself, the four goals of issue 10 side by side in one run:
 *
 *   1. cold `natmodgen sync --check` on a synced typical file vs `node -e 0`,
 *      answered from its sync record, after an edit (record miss), cache off    (goal <= 1.5x)
 *   2. `generate()` on a ~750 KB synthetic module vs a bare tree-sitter parse
 *      of the same text, both in this process                                   (goal <= 2x)
 *   3. `natmodgen lsp`: median latency of textDocument/formatting and of the
 *      diagnostics after a change (a comment edited; typing in a function),
 *      on a ~20 KB module, warm                                                  (goal <= 10 ms)
 *   4. resident memory after 3,000 in-process conversions minus after 500, and
 *      of the language server after 3,000 changes minus after 500             (goal < 50 MB)
 *
 * A benchmark, not a test: numbers depend on the machine and its load. Medians are printed.
 * Needs `npm run build` first. BENCH_QUICK=1 runs fewer repetitions. BENCH_BASE=<checkout> adds
 * that checkout's build to every row but the scaling one: its bin in the cold and lsp rows and its
 * generate() in the throughput row, interleaved with this one's, and its dist/ in each memory
 * loop, run just before this one's.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { syntheticOfSize } = require('./synthetic.cjs');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CLI = path.join(ROOT, pkg.bin.natmodgen);
/**
 * BENCH_BASE=<another natmodgen checkout, built>: the cold and lsp rows measure its bin too,
 * interleaved with this one's (round by round, change by change), and the memory rows its
 * dist/ too, and print both: a before and after from one run, under the same load.
 */
const BASE = process.env.BENCH_BASE ? path.resolve(process.env.BENCH_BASE) : undefined;
const CLIS = BASE
  ? [
      { label: 'base', cli: path.join(BASE, pkg.bin.natmodgen) },
      { label: 'this', cli: CLI },
    ]
  : [{ label: '', cli: CLI }];
const tag = (label, what) => (label ? `[${label}] ${what}` : what);
const QUICK = process.env.BENCH_QUICK === '1';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-perf-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x, unit = 'ms') => `${x.toFixed(1)} ${unit}`;
const rows = [];
const row = (what, value, reference, ratio, goal) => rows.push({ what, value, reference, ratio, goal });
const progress = (s) => process.stderr.write(`perf: ${s}\n`);

function timeProcess(args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', ...opts });
  const t = ms(t0);
  return { t, status: r.status, stderr: r.stderr };
}

/**
 * Interleaved runs, so load changes hit all alike: `node -e 0`; `sync --check` answered from
 * its sync record (the usual case on save: the file is in sync and unchanged since the last
 * run); and `sync --check` with the cache off, which runs the whole pipeline (the first run
 * after an edit).
 */
function coldStart() {
  const node = [];
  const runs = QUICK ? 5 : 21;
  const sets = CLIS.map(({ label, cli }, k) => {
    const dir = path.join(TMP, `cold${k}`);
    const file = path.join(dir, 'functions.c');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, 'examples', 'functions', 'functions.c'), file);
    const cache = path.join(dir, 'cache');
    const withCache = { ...process.env, NATMODGEN_CACHE_DIR: cache };
    const noCache = { ...process.env, NATMODGEN_CACHE_DIR: 'off' };
    const synced = spawnSync(process.execPath, [cli, 'sync', file], { encoding: 'utf8', env: noCache });
    if (synced.status !== 0) throw new Error(`sync failed: ${synced.stderr}`);
    // The run that leaves the record.
    if (timeProcess([cli, 'sync', '--check', file], { env: withCache }).status !== 0) throw new Error('sync --check failed');
    // A second copy, edited before each of its checks (a comment on its first line: still in sync),
    // so its record never matches: the first check after an edit, with records on.
    const edited = path.join(dir, 'edited', 'functions.c');
    fs.mkdirSync(path.dirname(edited));
    return { label, cli, file, edited, withCache, noCache, original: fs.readFileSync(file, 'utf8'), hit: [], miss: [], full: [] };
  });
  for (let i = 0; i < runs; i++) {
    node.push(timeProcess(['-e', '0']).t);
    for (const s of sets) {
      fs.writeFileSync(s.edited, s.original.replace(/^(.*)$/m, `$1 (edit ${i})`));
      for (const [env, out, f] of [
        [s.withCache, s.hit, s.file],
        [s.withCache, s.miss, s.edited],
        [s.noCache, s.full, s.file],
      ]) {
        const r = timeProcess([s.cli, 'sync', '--check', f], { env });
        if (r.status !== 0) throw new Error(`sync --check exited ${r.status}: ${r.stderr}`);
        out.push(r.t);
      }
    }
  }
  const rn = median(node);
  for (const s of sets) {
    row(
      tag(s.label, 'cold `sync --check`, unchanged (record)'),
      fmt(median(s.hit)),
      `node -e 0: ${fmt(rn)}`,
      median(s.hit) / rn,
      '<= 1.5x',
    );
    row(tag(s.label, 'cold `sync --check`, after an edit'), fmt(median(s.miss)), `node -e 0: ${fmt(rn)}`, median(s.miss) / rn, '<= 1.5x');
    row(tag(s.label, 'cold `sync --check`, cache off'), fmt(median(s.full)), `node -e 0: ${fmt(rn)}`, median(s.full) / rn, '<= 1.5x');
  }
}

function throughput() {
  // With BENCH_BASE, that checkout's generate() too, its runs interleaved with this one's.
  const builds = [
    ...(BASE ? [{ label: 'base', generate: require(path.join(BASE, 'dist', 'src', 'index.js')).generate }] : []),
    { label: BASE ? 'this' : '', generate: require(path.join(ROOT, 'dist', 'src', 'index.js')).generate },
  ];
  const { generate } = builds[builds.length - 1];
  const Parser = require('tree-sitter');
  const C = require('tree-sitter-c');
  const text = syntheticOfSize(750 * 1024);
  const parser = new Parser();
  parser.setLanguage(C);
  // Wall time, and this process's CPU time (less disturbed by other processes on a loaded machine).
  const cpuMs = (c0) => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const pc = [];
  const parse = () => {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    parser.parse((i) => text.slice(i, i + 16384));
    pc.push(cpuMs(c0));
    return ms(t0);
  };
  // Each conversion gets a text it has not seen (a comment at the end differs), as `natmodgen gen`
  // in a fresh process does: per-text caches (the preprocessor's tokens of the main file) do not answer.
  let run = 0;
  const gen = (b) => {
    const fresh = `${text}// run ${run++}\n`;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const r = b.generate([{ path: 'synth.c', text: fresh }], { defines: [], outDir: TMP });
    const t = ms(t0);
    b.cpu.push(cpuMs(c0));
    if (r.value.length !== 1) throw new Error(`synthetic module did not convert: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    return t;
  };
  parse();
  for (const b of builds) {
    b.generate([{ path: 'small.c', text: syntheticOfSize(4000) }], { defines: [], outDir: TMP });
    b.wall = [];
    b.cpu = [];
  }
  pc.length = 0;
  const p = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    p.push(parse());
    for (const b of builds) b.wall.push(gen(b));
  }
  const kb = Math.round(text.length / 1024);
  for (const b of builds) {
    row(
      tag(b.label, `generate() on ${kb} KB synthetic`),
      fmt(median(b.wall)),
      `parse: ${fmt(median(p))}`,
      median(b.wall) / median(p),
      '<= 2x',
    );
    row(tag(b.label, `  the same, CPU time`), fmt(median(b.cpu)), `parse: ${fmt(median(pc))}`, median(b.cpu) / median(pc), '<= 2x');
  }
  scaling(parser, generate, cpuMs);
}

/**
 * Whether extraction grows linearly: the synthetic module at 1/4, 1/2, 1, 2 and 4 times the size,
 * CPU time of generate() and of the bare parse at each (best of the runs). The ratio column is the
 * time per byte at 4x over the time per byte at 1/4x: 1.00x is linear, more shows a super-linear part.
 */
function scaling(parser, generate, cpuMs) {
  const sizes = [0.25, 0.5, 1, 2, 4];
  const gen = [];
  const parse = [];
  for (const k of sizes) {
    const text = syntheticOfSize(Math.round(k * 750 * 1024));
    let bestGen = Infinity;
    let bestParse = Infinity;
    for (let i = 0; i < (QUICK ? 1 : 2); i++) {
      let c0 = process.cpuUsage();
      parser.parse((j) => text.slice(j, j + 16384));
      bestParse = Math.min(bestParse, cpuMs(c0));
      c0 = process.cpuUsage();
      const r = generate([{ path: 'synth.c', text: `${text}// run ${i}\n` }], { defines: [], outDir: TMP });
      bestGen = Math.min(bestGen, cpuMs(c0));
      if (r.value.length !== 1) throw new Error(`synthetic module (${k}x) did not convert`);
    }
    gen.push(bestGen);
    parse.push(bestParse);
  }
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(' / ');
  const ratios = sizes.map((_, i) => `${(gen[i] / parse[i]).toFixed(1)}x`).join(' / ');
  const last = sizes.length - 1;
  const growth = (xs) => xs[last] / sizes[last] / (xs[0] / sizes[0]);
  row(`generate() CPU at 1/4 1/2 1 2 4x size`, `${list(gen)} ms`, `vs parse: ${ratios}`, growth(gen), 'linear (1x)');
  row(`  bare parse at 1/4 1/2 1 2 4x size`, `${list(parse)} ms`, '', growth(parse), '');
}

/**
 * Three loops: one that yields to the event loop between conversions (an editor server, a
 * watch mode, a test runner), one that never does, and one that never does and converts a new
 * text each time (a comment at the end differs). node-tree-sitter frees a tree's native memory
 * in an N-API finalizer, which Node runs from the event loop: a loop that never yields cannot
 * get any tree back. natmodgen keeps its parses until the event loop turns and gives the same
 * text back its parse (src/parse/parser.ts), so the second loop parses once; in the third,
 * generate() moves to a worker thread whose event loop turns between conversions once the loop
 * has parsed 1 MB of C without a turn (src/pipeline/offload.ts: the reference column says how
 * many conversions went there). BENCH_BASE_DIST's rows show the same loops with another build.
 */
function memory() {
  const n = QUICK ? 1000 : 3000;
  const early = QUICK ? 200 : 500;
  // With BENCH_BASE, each loop runs with that checkout's build too, right before this build's.
  if (process.env.BENCH_BASE_DIST) throw new Error('BENCH_BASE_DIST is gone: BENCH_BASE=<checkout> sets the base of every row');
  const dists = [...(BASE ? [[path.join(BASE, 'dist'), ' (base)']] : []), [path.join(ROOT, 'dist'), '']];
  for (const [yielding, fresh, [dist, label]] of [
    [true, false],
    [false, false],
    [false, true],
  ].flatMap(([y, f]) => dists.map((d) => [y, f, d]))) {
    const script = `
      const { generate } = require(${JSON.stringify(path.join(dist, 'src', 'index.js'))});
      const text = require('fs').readFileSync(${JSON.stringify(path.join(ROOT, 'examples', 'functions', 'functions.c'))}, 'utf8');
      const settle = async () => { for (let k = 0; k < 3; k++) { global.gc(); await new Promise((r) => setImmediate(r)); } };
      (async () => {
        let at;
        for (let i = 1; i <= ${n}; i++) {
          const r = generate([{ path: 'functions.c', text: ${fresh} ? text + '// ' + i + '\\n' : text }], { defines: [], outDir: 'out' });
          if (r.value.length !== 1) throw new Error('conversion failed');
          if (${yielding}) await new Promise((r) => setImmediate(r));
          if (i === ${early}) { if (${yielding}) await settle(); else global.gc(); at = process.memoryUsage(); }
        }
        if (${yielding}) await settle(); else global.gc();
        const end = process.memoryUsage();
        // How many conversions generate() did in its worker thread (src/pipeline/offload.ts; none in a build without it).
        let worker;
        try { worker = require(${JSON.stringify(path.join(dist, 'src', 'pipeline', 'offload.js'))}).offloadCounts.worker; } catch {}
        process.stdout.write(JSON.stringify({ rss: end.rss - at.rss, heap: end.heapUsed - at.heapUsed, worker }));
      })();
    `;
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`memory run failed: ${r.stderr}`);
    const d = JSON.parse(r.stdout);
    const mb = (x) => x / (1024 * 1024);
    row(
      `RSS ${n} - ${early} conversions, ${yielding ? 'yielding' : fresh ? 'tight loop, new texts' : 'tight loop'}${label}`,
      fmt(mb(d.rss), 'MB'),
      `JS heap ${fmt(mb(d.heap), 'MB')}, ${fmt(ms(t0) / n, 'ms')}/conversion${d.worker ? `, ${d.worker} in the worker` : ''}`,
      undefined,
      '< 50 MB',
    );
  }
}

/**
 * `natmodgen lsp` over stdio with a 20 KB synthetic module (TMP/<name>.c) opened as version 1,
 * its diagnostics received. diagnosticsFor(v) waits for version v's; exited rejects if the
 * server ends.
 */
async function openServer(rpc, name, cli = CLI) {
  const file = path.join(TMP, `${name}.c`);
  const text = syntheticOfSize(20 * 1024, { name: `nmg_${name}` });
  fs.writeFileSync(file, text);
  const uri = `file://${file}`;
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.version)?.(p));
  conn.listen();
  const exited = new Promise((_, reject) => child.on('exit', (code) => reject(new Error(`natmodgen lsp exited (${code})`))));
  exited.catch(() => {});
  const diagnosticsFor = (version) => Promise.race([new Promise((resolve) => waiting.set(version, resolve)), exited]);
  await Promise.race([conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), exited]);
  conn.sendNotification('initialized', {});
  const opened = diagnosticsFor(1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text } });
  await opened;
  return { conn, child, uri, text, diagnosticsFor, exited, waiting };
}

async function lsp() {
  let rpc;
  try {
    rpc = require('vscode-languageserver/node');
  } catch {
    row('lsp', 'vscode-languageserver not installed', '', undefined, '<= 10 ms');
    return;
  }
  // One server per bin (BENCH_BASE), each change sent to each in turn.
  const servers = [];
  for (const [k, { label, cli }] of CLIS.entries()) {
    const s = await openServer(rpc, `lspmod${k}`, cli);
    servers.push({ ...s, label, version: 1, change: [], format: [], typed: [], cpuChangeAndFormat: NaN, cpuTyped: NaN });
  }
  const runs = QUICK ? 10 : 40;
  const cpuMark = () => servers.map((s) => cpuOf(s.child.pid));
  const cpuPer = (marks, key) => servers.forEach((s, k) => (s[key] = (cpuOf(s.child.pid) - marks[k]) / runs));
  // The server's CPU time per change (with its formatting request, then typing): less disturbed than wall time by a loaded machine.
  let marks = cpuMark();
  for (let i = 0; i < runs; i++) {
    for (const s of servers) {
      const { conn, uri, text, diagnosticsFor, exited } = s;
      const version = ++s.version;
      const edited = text.replace('// Synthetic module', `// Synthetic module (edit ${i})`);
      const t0 = process.hrtime.bigint();
      const got = diagnosticsFor(version);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      await got;
      s.change.push(ms(t0));
      const t1 = process.hrtime.bigint();
      const edits = await Promise.race([
        exited,
        conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
      ]);
      s.format.push(ms(t1));
      if (!Array.isArray(edits) || edits.length === 0) throw new Error('formatting returned no edits for an unsynced module');
    }
  }
  cpuPer(marks, 'cpuChangeAndFormat');
  marks = cpuMark();
  // Typing into a function body: one more digit of a number in the first `return` per change.
  for (let i = 0; i < runs; i++) {
    for (const s of servers) {
      const { conn, uri, text, diagnosticsFor } = s;
      const version = ++s.version;
      const at = text.indexOf('return ') + 'return '.length;
      const edited = `${text.slice(0, at)}${'1'.repeat(i + 1)} * 0 + ${text.slice(at)}`;
      const t0 = process.hrtime.bigint();
      const got = diagnosticsFor(version);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      await got;
      s.typed.push(ms(t0));
    }
  }
  cpuPer(marks, 'cpuTyped');
  for (const s of servers) {
    await s.conn.sendRequest('shutdown');
    s.conn.sendNotification('exit');
    s.conn.dispose();
    s.child.removeAllListeners('exit');
  }
  const cpu = (x) => (Number.isFinite(x) ? `, server CPU ${fmt(x)}/change` : '');
  for (const s of servers) {
    const kb = Math.round(s.text.length / 1024);
    const t = (what) => tag(s.label, what);
    row(t(`lsp diagnostics after change, ${kb} KB`), fmt(median(s.change)), `max ${fmt(Math.max(...s.change))}`, undefined, '<= 10 ms');
    row(
      t(`  the same, typing in a function`),
      fmt(median(s.typed)),
      `max ${fmt(Math.max(...s.typed))}${cpu(s.cpuTyped)}`,
      undefined,
      '<= 10 ms',
    );
    row(t(`lsp formatting (sync), ${kb} KB`), fmt(median(s.format)), `max ${fmt(Math.max(...s.format))}`, undefined, '<= 10 ms');
    if (Number.isFinite(s.cpuChangeAndFormat))
      row(t(`  server CPU, change + formatting`), fmt(s.cpuChangeAndFormat), 'per edited comment, both requests', undefined, '');
  }
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; undefined elsewhere, and the rows leave it out). */
function cpuOf(pid) {
  try {
    // Fields after the command name: state is the 1st, utime the 12th and stime the 13th (clock ticks, 100 per second).
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Resident size of a process in bytes (Linux /proc, else ps). */
function rssOf(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) * 1024;
}

/**
 * The language server is a long-running process: its resident size after 3,000 changes of one
 * document (each awaited until its diagnostics arrive, a formatting request after every tenth)
 * minus after 500. Changes type a number into a function's `return`, 25 times in one function
 * and then in the next, so trees are re-parsed incrementally and afresh.
 */
async function lspMemory() {
  const rpc = require('vscode-languageserver/node');
  const { conn, child, uri, text, diagnosticsFor, exited, waiting } = await openServer(rpc, 'lspmem');
  const n = QUICK ? 1000 : 3000;
  const early = QUICK ? 200 : 500;
  // Offsets of every `return ` in the module.
  const returns = [...text.matchAll(/return /g)].map((m) => m.index + m[0].length);
  let version = 1;
  let got;
  let at;
  const t0 = process.hrtime.bigint();
  for (let i = 1; i <= n; i++) {
    version++;
    // Typing: 25 changes in one function, then the next one.
    const r = returns[Math.floor(i / 25) % returns.length];
    const edited = `${text.slice(0, r)}${i} * 0 + ${text.slice(r)}`;
    got = diagnosticsFor(version);
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
    await got;
    waiting.delete(version);
    if (i % 10 === 0) {
      await Promise.race([
        exited,
        conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
      ]);
    }
    if (i === early) at = rssOf(child.pid);
  }
  const end = rssOf(child.pid);
  const perChange = ms(t0) / n;
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  conn.dispose();
  child.removeAllListeners('exit');
  const mb = (x) => x / (1024 * 1024);
  row(
    `lsp server RSS ${n} - ${early} changes`,
    fmt(mb(end - at), 'MB'),
    `RSS at ${early}: ${fmt(mb(at), 'MB')}, ${fmt(perChange)}/change`,
    undefined,
    '< 50 MB',
  );
}

async function main() {
  const only = process.argv.slice(2);
  const want = (k) => only.length === 0 || only.includes(k);
  const steps = [
    ['cold', coldStart],
    ['throughput', throughput],
    ['lsp', lsp],
    ['memory', memory],
    ['lsp-memory', lspMemory],
  ];
  for (const [k, f] of steps) {
    if (!want(k)) continue;
    progress(k);
    try {
      await f();
    } catch (e) {
      row(k, 'FAILED', e instanceof Error ? e.message.split('\n')[0] : String(e), undefined, '');
    }
  }
  fs.rmSync(TMP, { recursive: true, force: true });
  const w = [BASE ? 63 : 56, 14, 40, 8];
  const line = (a, b, c, d, e) => `${a.padEnd(w[0])} ${b.padStart(w[1])}  ${c.padEnd(w[2])} ${d.padStart(w[3])}  ${e}`;
  console.log(`natmodgen perf (node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0].toFixed(2)})`);
  console.log(line('measure', 'value', 'reference', 'ratio', 'goal'));
  for (const r of rows) console.log(line(r.what, r.value, r.reference, r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`, r.goal));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
