/**
 * Helpers for test/e2e/sync.test.ts: run the built `natmodgen sync` (also with a real stdin),
 * and preprocess a source as the unix port's user C module build would.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CLI } from './env';
import { describeRun, ProcResult, runProcess, succeeded } from './proc';

const SYNC_TIMEOUT_MS = 20_000;
const CPP_TIMEOUT_MS = 30_000;

/** A failure at one stage of a sync case (the stages of natmod.ts plus sync's own). */
export class SyncStageError extends Error {
  constructor(
    readonly stage:
      'setup' | 'build natmodgen' | 'sync' | 'name' | 'make' | 'run' | 'output' | 'provenance' | 'preprocess' | 'usermod side',
    message: string,
  ) {
    super(message);
    this.name = `E2E sync failure at ${stage}`;
  }
}

/** `natmodgen sync -D... FILES` in `cwd` (files relative to it). */
export async function syncInPlace(cwd: string, files: string[], defines: string[], extra: string[] = []): Promise<ProcResult> {
  const args = [CLI, 'sync', ...extra, ...defines.flatMap((d) => ['-D', d]), ...files];
  return runProcess(process.execPath, args, { cwd, timeoutMs: SYNC_TIMEOUT_MS });
}

export async function syncOrFail(cwd: string, files: string[], defines: string[]): Promise<ProcResult> {
  const r = await syncInPlace(cwd, files, defines);
  if (!succeeded(r)) throw new SyncStageError('sync', `natmodgen sync failed:\n${describeRun(r)}`);
  return r;
}

/** `natmodgen sync --stdin --stdin-filepath FILE OTHERS...` with the text on a real pipe. */
export function syncStdin(cwd: string, file: string, others: string[], defines: string[], text: string): Promise<ProcResult> {
  const args = [CLI, 'sync', ...defines.flatMap((d) => ['-D', d]), '--stdin', '--stdin-filepath', file, ...others];
  return runProcess(process.execPath, args, { cwd, timeoutMs: SYNC_TIMEOUT_MS, input: text });
}

export interface UsermodIncludes {
  mpyDir: string;
  /** The unix port build folder (holds genhdr/). */
  buildDir: string;
}

/** Problems with the user C module build folder, or undefined. */
export function usermodProblem(usermod: string): string | undefined {
  const buildDir = path.dirname(usermod);
  if (!fs.existsSync(path.join(buildDir, 'genhdr'))) {
    return `MICROPYTHON_USERMOD=${usermod}: its folder ${buildDir} has no genhdr/ (expected the unix port build folder of a USER_C_MODULES build)`;
  }
  return undefined;
}

/**
 * `gcc -E -P` of `file` as the unix port compiles a user C module (MICROPY_ENABLE_DYNRUNTIME not
 * defined), with `sourceDir` on the include path for the module's own headers.
 */
export async function preprocessUsermod(file: string, sourceDir: string, inc: UsermodIncludes): Promise<{ text: string; run: ProcResult }> {
  const m = inc.mpyDir;
  const args = [
    '-E',
    '-P',
    `-I${m}`,
    `-I${path.join(m, 'ports', 'unix')}`,
    `-I${path.join(m, 'ports', 'unix', 'variants', 'standard')}`,
    `-I${inc.buildDir}`,
    `-I${sourceDir}`,
    '-DNO_QSTR',
    '-DNDEBUG',
    '-std=gnu99',
    file,
  ];
  const run = await runProcess('gcc', args, { cwd: sourceDir, timeoutMs: CPP_TIMEOUT_MS });
  if (!succeeded(run)) throw new SyncStageError('preprocess', `preprocessing ${file} failed:\n${describeRun(run, { stdout: false })}`);
  return { text: run.stdout, run };
}

/** Whitespace runs collapsed to one space (line breaks included): what the comparison is made on. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The preprocessed text one statement-ish chunk a line, for a readable diff when the collapsed texts differ. */
export function forDiff(text: string): string {
  return `${collapse(text)
    .replace(/([;{}]) /g, '$1\n')
    .trim()}\n`;
}
