import { spawn } from 'child_process';

export interface ProcResult {
  /** The command line, for messages. */
  command: string;
  cwd: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES...). */
  spawnError?: string;
}

export interface ProcOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds; the process group is killed when exceeded. */
  timeoutMs: number;
  /** Text for the child's standard input; without it the child gets none. */
  input?: string;
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_\-./=:,+@%]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(cmd: string, args: string[]): string {
  return [cmd, ...args].map(quote).join(' ');
}

/**
 * Runs a program to completion, capturing stdout and stderr. Never rejects: failures to start,
 * non-zero exits and timeouts are all reported in the result, so callers can build messages.
 * The child gets its own process group so a timeout also stops whatever it started (make -> cc).
 */
export function runProcess(cmd: string, args: string[], opts: ProcOptions): Promise<ProcResult> {
  const command = `${commandLine(cmd, args)}${opts.input !== undefined ? ' < (stdin)' : ''}`;
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, opts.timeoutMs);
    const finish = (r: Omit<ProcResult, 'command' | 'cwd' | 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        command,
        cwd: opts.cwd,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ...r,
      });
    };
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => finish({ code: null, signal: null, spawnError: e.message }));
    child.on('close', (code, signal) => finish({ code, signal }));
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE if the child exits early: reported by 'close'
      child.stdin.end(opts.input);
    }
  });
}

export function succeeded(r: ProcResult): boolean {
  return r.code === 0 && !r.timedOut && r.spawnError === undefined;
}

/** Keeps long tool output readable in a jest failure: the head and the tail, with a note in between. */
export function clip(text: string, max = 12000): string {
  if (text.length <= max) return text;
  const head = Math.floor(max / 3);
  const tail = max - head;
  return `${text.slice(0, head)}\n[... ${text.length - max} characters left out ...]\n${text.slice(text.length - tail)}`;
}

function indent(text: string): string {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** A multi-line description of how a process ended, with its output. */
export function describeRun(r: ProcResult, opts: { stdout?: boolean } = {}): string {
  const lines = [`  command: ${r.command}`, `  cwd:     ${r.cwd}`];
  if (r.spawnError !== undefined) lines.push(`  could not start: ${r.spawnError}`);
  else if (r.timedOut) lines.push('  TIMED OUT (killed)');
  else if (r.signal) lines.push(`  killed by signal ${r.signal}`);
  else lines.push(`  exit code: ${r.code}`);
  if (opts.stdout !== false) lines.push(r.stdout.trim() ? `  stdout:\n${indent(clip(r.stdout))}` : '  stdout: (empty)');
  lines.push(r.stderr.trim() ? `  stderr:\n${indent(clip(r.stderr))}` : '  stderr: (empty)');
  return lines.join('\n');
}
