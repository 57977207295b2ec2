import { spawn, spawnSync } from 'child_process';

export interface ProcResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion without a shell; a command that cannot start gives code 127. */
export function runAsync(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => resolve({ code: 127, stdout, stderr: stderr + String(e.message) }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export function runSync(cmd: string, args: string[], opts: { cwd?: string } = {}): ProcResult {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.error ? 127 : (r.status ?? 1), stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? r.error.message : '') };
}

/** Whether an executable is on PATH. */
export function onPath(cmd: string): boolean {
  return runSync('sh', ['-c', `command -v "$0"`, cmd]).code === 0;
}
