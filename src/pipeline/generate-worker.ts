/**
 * The worker thread of src/pipeline/offload.ts: converts one job at a time, in process, and lets
 * its event loop turn between jobs, so the trees of each job are freed (their N-API finalizers run
 * from the event loop). The caller's callbacks are called through the caller, which waits.
 */
import { MessagePort, receiveMessageOnPort, workerData } from 'worker_threads';
import type { FromWorker, ToWorker, WorkerJob } from './offload';
import type { GenOptions } from './gen-options';

const { port, flags } = workerData as { port: MessagePort; flags: SharedArrayBuffer };
const signal = new Int32Array(flags);
// The same indices as FROM_WORKER and TO_WORKER in offload.ts, which this file does not load before a job.
const FROM_WORKER = 0;
const TO_WORKER = 1;

function send(m: FromWorker): void {
  port.postMessage(m);
  Atomics.store(signal, FROM_WORKER, 1);
  Atomics.notify(signal, FROM_WORKER);
}

/** Thrown into the conversion where the caller's callback threw (the caller converts the job again itself). */
class CallbackThrew extends Error {}

function call(m: Extract<FromWorker, { kind: 'call' }>): string | undefined {
  send(m);
  for (;;) {
    const got = receiveMessageOnPort(port) as { message: ToWorker } | undefined;
    if (got) {
      if ('threw' in got.message) throw new CallbackThrew(`the caller's ${m.fn} threw`);
      return got.message.value;
    }
    Atomics.wait(signal, TO_WORKER, 0);
    Atomics.store(signal, TO_WORKER, 0);
  }
}

/**
 * A full collection after every COLLECT_CHARS characters converted here: the finalizers that free
 * the trees are queued only once V8 collects their wrappers, which are small, so without this the
 * worker's heap holds many trees between collections (146 MB over 2,500 conversions measured).
 */
const COLLECT_CHARS = 1 << 21;
let charsSinceCollect = 0;
let collect: (() => void) | undefined;
function collectNow(): void {
  if (!collect) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('v8') as typeof import('v8')).setFlagsFromString('--expose-gc');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    collect = (require('vm') as typeof import('vm')).runInNewContext('gc') as () => void;
  }
  collect();
}

// Loaded once, in the worker's first turn; a failure to load fails each job (the caller converts it).
const pipeline = Promise.all([import('./index'), import('../facts')]).catch(() => undefined);

port.on('message', (job: WorkerJob) => {
  void pipeline.then((loaded) => {
    if (!loaded) return send({ kind: 'failed' });
    const [{ generateHere }, { natmodInventory }] = loaded;
    try {
      const opts: GenOptions = {
        ...job.opts,
        ...(job.inventory ? { natmodApi: natmodInventory(job.opts.preprocess?.mpyDir) } : {}),
        ...(job.mpversion ? { mpversion: () => call({ kind: 'call', fn: 'mpversion' })! } : {}),
      };
      if (job.opts.preprocess && job.readFile)
        opts.preprocess = { ...job.opts.preprocess, readFile: (f) => call({ kind: 'call', fn: 'readFile', arg: f }) };
      send({ kind: 'done', result: generateHere(job.inputs, opts) });
      charsSinceCollect += job.inputs.reduce((n, i) => n + i.text.length, 0);
      if (charsSinceCollect >= COLLECT_CHARS) {
        charsSinceCollect = 0;
        collectNow();
      }
    } catch {
      send({ kind: 'failed' });
    }
  });
});
