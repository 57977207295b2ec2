/**
 * generate() in a worker thread (src/pipeline/offload.ts), through the built package (dist/: the
 * worker runs compiled JavaScript), in a process of its own: the worker path gives byte for byte
 * what the in-process path gives on every example (with the CLI's options: inventory, header
 * reader and mpversion callbacks called through the waiting caller), a tight loop of new texts
 * moves to the worker after the thresholds with the same results, a job the worker cannot take
 * is converted in process, and a process whose worker was used ends by itself.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildNatmodgen } from './lib/natmod';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

/** Runs in the child: prints one JSON object with what it saw. */
const SCRIPT = String.raw`
const [dist, examples, mpyDir] = process.argv.slice(2);
const fs = require('fs');
const path = require('path');
const { generate, generateHere } = require(dist + '/src/pipeline/index.js');
const offload = require(dist + '/src/pipeline/offload.js');
const { natmodInventory } = require(dist + '/src/facts/index.js');
const { headerReader, moduleIncludeDirs } = require(dist + '/src/io/headers.js');
const { readQstrDefs } = require(dist + '/src/io/qstrdefs.js');
const { dynruntimeMacroDefinitions } = require(dist + '/src/io/reserved.js');
const tree = mpyDir || undefined;
const natmodApi = natmodInventory(tree);
const out = { examples: [], mpversion: undefined, threw: undefined, otherInventory: undefined, loop: undefined };

/** The CLI's options for a module's files, with counters of the callbacks' calls. */
function cliOptions(files, calls) {
  const read = headerReader();
  return {
    defines: ['NMG_OFFLOAD_TEST=1'],
    outDir: path.join(examples, '..', 'out'),
    escapedQstrs: readQstrDefs(files, tree),
    natmodApi,
    preprocess: {
      includeDirs: moduleIncludeDirs([], files),
      readFile: (f) => { calls.readFile++; return read(f); },
      natmodMacros: dynruntimeMacroDefinitions(natmodApi.facts, tree),
      mpyDir: tree,
    },
    mpversion: () => { calls.mpversion++; return '#define MICROPY_GIT_TAG "v-offload"\n'; },
  };
}
const inputsOf = (files) => files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));

for (const name of fs.readdirSync(examples).sort()) {
  const dir = path.join(examples, name);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
  const hereCalls = { readFile: 0, mpversion: 0 };
  const workerCalls = { readFile: 0, mpversion: 0 };
  const here = generateHere(inputsOf(files), cliOptions(files, hereCalls));
  const worker = offload.generateInWorker(inputsOf(files), cliOptions(files, workerCalls));
  out.examples.push({ name, here: JSON.stringify(here), worker: worker === undefined ? null : JSON.stringify(worker), hereCalls, workerCalls });
}

// A module that includes the firmware's version header: the worker asks the caller's mpversion.
{
  const text = [
    '#include "py/runtime.h"',
    '#include "genhdr/mpversion.h"',
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    '',
  ].join('\n');
  const calls = { readFile: 0, mpversion: 0 };
  const here = generateHere([{ path: 'm.c', text }], cliOptions([], { readFile: 0, mpversion: 0 }));
  const worker = offload.generateInWorker([{ path: 'm.c', text }], cliOptions([], calls));
  out.mpversion = { here: JSON.stringify(here), worker: worker === undefined ? null : JSON.stringify(worker), calls };
}

// The caller's reader throws: the worker gives the job back, and generate() throws as in process.
{
  const files = [path.join(examples, 'macros', 'macros.c')];
  const opts = cliOptions(files, { readFile: 0, mpversion: 0 });
  let asked = 0;
  opts.preprocess.readFile = () => { asked++; throw new Error('reader broke'); };
  const worker = offload.generateInWorker(inputsOf(files), opts);
  let message;
  try { generateHere(inputsOf(files), opts); } catch (e) { message = e.message; }
  out.threw = { worker: worker === undefined ? null : 'a result', asked, message };
}

// An inventory that is not natmodInventory's: converted in process.
{
  const files = [path.join(examples, 'functions', 'functions.c')];
  const opts = { ...cliOptions(files, { readFile: 0, mpversion: 0 }), natmodApi: new natmodApi.constructor(natmodApi.facts, () => undefined) };
  out.otherInventory = offload.generateInWorker(inputsOf(files), opts) === undefined ? 'in process' : 'worker';
}

// A loop of new texts that never yields: after the thresholds, generate() converts in the worker.
{
  const file = path.join(examples, 'functions', 'functions.c');
  const text = fs.readFileSync(file, 'utf8');
  const n = offload.OFFLOAD_CALLS + Math.ceil(offload.OFFLOAD_CHARS / text.length) + 30;
  const before = { ...offload.offloadCounts };
  let differ = 0;
  for (let i = 0; i < n; i++) {
    const input = [{ path: 'functions.c', text: text + '// ' + i + '\n' }];
    const opts = cliOptions([file], { readFile: 0, mpversion: 0 });
    if (JSON.stringify(generate(input, opts)) !== JSON.stringify(generateHere(input, opts))) differ++;
  }
  out.loop = { n, differ, worker: offload.offloadCounts.worker - before.worker, inProcess: offload.offloadCounts.inProcess - before.inProcess };
}
process.stdout.write(JSON.stringify(out));
// No worker.terminate(): the process must end by itself.
`;

interface Seen {
  examples: Array<{
    name: string;
    here: string;
    worker: string | null;
    hereCalls: { readFile: number; mpversion: number };
    workerCalls: { readFile: number; mpversion: number };
  }>;
  mpversion: { here: string; worker: string | null; calls: { readFile: number; mpversion: number } };
  threw: { worker: string | null; asked: number; message: string | undefined };
  otherInventory: string;
  loop: { n: number; differ: number; worker: number; inProcess: number };
}

describe('generate() in a worker thread', () => {
  let seen: Seen;
  let run: { status: number | null; signal: string | null; stderr: string; ms: number };

  beforeAll(async () => {
    await buildNatmodgen();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-offload-'));
    const script = path.join(dir, 'offload-check.js');
    fs.writeFileSync(script, SCRIPT);
    const t0 = Date.now();
    // A worker left referenced would keep this process alive until the timeout kills it.
    const r = spawnSync(process.execPath, [script, DIST, path.join(ROOT, 'examples'), process.env.MPY_DIR ?? ''], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    run = { status: r.status, signal: r.signal, stderr: r.stderr, ms: Date.now() - t0 };
    fs.rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`the check process exited ${r.status} (${r.signal}):\n${r.stderr}`);
    seen = JSON.parse(r.stdout) as Seen;
  }, 400_000);

  test('a process that used the worker ends by itself', () => {
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(seen.loop.worker).toBeGreaterThan(0);
  });

  test('every example: the worker gives byte for byte what the in-process path gives', () => {
    expect(seen.examples.map((e) => e.name)).toEqual(expect.arrayContaining(['functions', 'macros', 'multifile']));
    for (const e of seen.examples) {
      expect({ name: e.name, worker: e.worker }).toEqual({ name: e.name, worker: e.here });
      // The outputs are there (not two equal failures), and the header reader was asked as often through the worker.
      expect(JSON.parse(e.here).value.length).toBeGreaterThan(0);
      expect(e.workerCalls).toEqual(e.hereCalls);
    }
    // Some example reads its own header through the caller's reader.
    expect(seen.examples.some((e) => e.workerCalls.readFile > 0)).toBe(true);
  });

  test("the firmware's version header comes from the caller's mpversion", () => {
    expect(seen.mpversion.worker).toBe(seen.mpversion.here);
    expect(seen.mpversion.calls.mpversion).toBe(1);
    expect(seen.mpversion.worker).toContain('v-offload');
  });

  test('a reader that throws: the worker gives the job back, the caller sees the exception', () => {
    expect(seen.threw).toEqual({ worker: null, asked: expect.any(Number), message: 'reader broke' });
    expect(seen.threw.asked).toBeGreaterThan(0);
  });

  test("an inventory that is not natmodInventory's is converted in process", () => {
    expect(seen.otherInventory).toBe('in process');
  });

  test('a tight loop of new texts moves to the worker after the thresholds, with the same outputs', () => {
    expect(seen.loop.differ).toBe(0);
    expect(seen.loop.worker).toBeGreaterThanOrEqual(30);
    expect(seen.loop.worker + seen.loop.inProcess).toBe(seen.loop.n);
  });
});
