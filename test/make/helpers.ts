import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fragment = path.join(repoRoot, 'make', 'natmodgen.mk');
export const fixtures = path.join(__dirname, 'fixtures');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without anything an outer make passed down. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES', 'MAKEFILES']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const made: string[] = [];

/** A new temporary folder, removed by removeTempDirs() (unless NATMODGEN_KEEP_TMP is set). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `natmodgen-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  if (process.env.NATMODGEN_KEEP_TMP) return;
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function mtime(file: string): bigint {
  return fs.statSync(file, { bigint: true }).mtimeNs;
}

/** Lets the clock move on, so a file written next is newer than the ones written before. */
export function tick(ms = 30): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
