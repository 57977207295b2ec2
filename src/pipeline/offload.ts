/**
 * generate() in a worker thread, for a caller that converts new texts in a loop that never
 * yields to the event loop (a build script, a test runner's synchronous loop).
 *
 * node-tree-sitter frees a tree only in an N-API finalizer, which Node runs from the event loop:
 * such a loop keeps every tree it parses (about 19 bytes a character of C), and cannot give any
 * back before it ends. A worker thread has an event loop of its own that turns between two jobs,
 * so the trees it parses are freed while the caller's loop goes on. The caller stays
 * synchronous: it posts the job and sleeps in Atomics.wait until the worker answers, and reads
 * the answer with receiveMessageOnPort; the worker asks the caller's callbacks (`readFile`,
 * `mpversion`) the same way while the caller waits.
 *
 * Used only where it pays: after {@link OFFLOAD_CALLS} conversions and {@link OFFLOAD_CHARS}
 * characters parsed into new trees since the event loop last turned (a single conversion, a CLI
 * run over a few modules, a loop that converts the same text again or that yields never start
 * it), and never under the language server's parse cache. The worker is unreferenced: it keeps
 * no process alive. A job the worker cannot take (options it cannot copy, an inventory other
 * than natmodInventory's, the worker file missing as when running from the TypeScript sources)
 * or that fails in the worker (an exception, a callback that threw) is converted here instead,
 * so the caller gets exactly what an in-process conversion gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as WorkerThreads from 'worker_threads';
import type { MessagePort, Worker } from 'worker_threads';
import type { Result } from '../diagnostics/diagnostic';
import { natmodInventory } from '../facts';
import { parseCacheActive, parsedSinceTurn } from '../parse/parser';
import type { GeneratedFile, GenOptions, SourceInput } from './gen-options';

/** Conversions since the event loop last turned before the worker is used. */
export const OFFLOAD_CALLS = 8;
/** Characters parsed into new trees since the event loop last turned (about 20 MB of trees) before the worker is used. */
export const OFFLOAD_CHARS = 1 << 20;

/** A job as the worker gets it: the options without their functions, which stay with the caller. */
export interface WorkerJob {
  inputs: SourceInput[];
  opts: Omit<GenOptions, 'natmodApi' | 'mpversion' | 'preprocess'> & {
    preprocess?: Omit<NonNullable<GenOptions['preprocess']>, 'readFile'>;
  };
  /** Whether opts.natmodApi is natmodInventory(opts.preprocess?.mpyDir) (the worker computes its own), or absent. */
  inventory: boolean;
  /** Which of the caller's callbacks exist (the worker calls them through the caller). */
  readFile: boolean;
  mpversion: boolean;
}

/** What the worker sends: a callback's call, the result, or that the job failed there. */
export type FromWorker =
  | { kind: 'call'; fn: 'readFile'; arg: string }
  | { kind: 'call'; fn: 'mpversion' }
  | { kind: 'done'; result: Result<GeneratedFile[]> }
  | { kind: 'failed' };

/** The caller's answer to a callback's call. */
export type ToWorker = { value: string | undefined } | { threw: true };

/** Flags in the shared buffer: the worker sets FROM_WORKER after each message, the caller TO_WORKER. */
export const FROM_WORKER = 0;
export const TO_WORKER = 1;

interface Running {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array;
  receive: typeof WorkerThreads.receiveMessageOnPort;
}

let running: Running | undefined;
/** False once the worker could not be started (no worker file): every job is converted in process. */
let available = true;

let callsThisTurn = 0;
let turnEnds: { unref(): unknown } | undefined;

/** How many conversions went to the worker (for tests and benches). */
export const offloadCounts = { worker: 0, inProcess: 0 };

/**
 * Whether this conversion should go to the worker: the caller has not let the event loop turn
 * for a while and the trees it holds meanwhile are many.
 */
export function shouldOffload(): boolean {
  callsThisTurn++;
  if (!turnEnds) {
    turnEnds = setImmediate(() => {
      callsThisTurn = 0;
      turnEnds = undefined;
    });
    turnEnds.unref();
  }
  return available && !parseCacheActive() && callsThisTurn > OFFLOAD_CALLS && parsedSinceTurn() >= OFFLOAD_CHARS;
}

/** The compiled worker entry: beside this file (dist/src/pipeline), or under dist/ when this is the CLI bundle. */
function workerFile(): string | undefined {
  const candidates = [path.join(__dirname, 'generate-worker.js'), path.join(__dirname, 'src', 'pipeline', 'generate-worker.js')];
  return candidates.find((f) => fs.existsSync(f));
}

function start(): Running | undefined {
  if (running) return running;
  const file = workerFile();
  if (!file) {
    available = false;
    return undefined;
  }
  // node:worker_threads only here: loading it is a visible part of a cold start (a single conversion never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require('worker_threads') as typeof WorkerThreads;
  const { port1, port2 } = new threads.MessageChannel();
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const worker = new threads.Worker(file, { workerData: { port: port2, flags: shared }, transferList: [port2] });
  // Neither keeps the process alive: a script that ends its loop exits at once.
  worker.unref();
  port1.unref();
  running = { worker, port: port1, flags: new Int32Array(shared), receive: threads.receiveMessageOnPort };
  return running;
}

/**
 * The job converted by the worker, the caller waiting; undefined when the worker cannot take it
 * or it failed there (the caller then converts it in process).
 */
export function generateInWorker(inputs: SourceInput[], opts: GenOptions): Result<GeneratedFile[]> | undefined {
  const { natmodApi, mpversion, preprocess, ...rest } = opts;
  const { readFile, ...pre } = preprocess ?? {};
  if (natmodApi && natmodApi !== natmodInventory(pre.mpyDir)) return undefined;
  const w = start();
  if (!w) return undefined;
  const job: WorkerJob = {
    inputs,
    opts: { ...rest, ...(preprocess ? { preprocess: pre } : {}) },
    inventory: natmodApi !== undefined,
    readFile: readFile !== undefined,
    mpversion: mpversion !== undefined,
  };
  try {
    w.port.postMessage(job);
  } catch {
    // Something in the options cannot be copied to another thread.
    return undefined;
  }
  let callbackThrew = false;
  for (;;) {
    const got = w.receive(w.port) as { message: FromWorker } | undefined;
    if (!got) {
      Atomics.wait(w.flags, FROM_WORKER, 0);
      Atomics.store(w.flags, FROM_WORKER, 0);
      continue;
    }
    const m = got.message;
    if (m.kind === 'done') return callbackThrew ? undefined : m.result;
    if (m.kind === 'failed') return undefined;
    let reply: ToWorker;
    try {
      reply = { value: m.fn === 'readFile' ? readFile!(m.arg) : mpversion!() };
    } catch {
      // In process, the exception would reach generate() at this point: the job is converted here again.
      callbackThrew = true;
      reply = { threw: true };
    }
    w.port.postMessage(reply);
    Atomics.store(w.flags, TO_WORKER, 1);
    Atomics.notify(w.flags, TO_WORKER);
  }
}
