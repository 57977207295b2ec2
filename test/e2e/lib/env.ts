import * as fs from 'fs';
import * as path from 'path';

/** The repository root (test/e2e/lib -> ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const EXTMOD_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'extmod');

/** Per-test timeout (they compile C). */
export const TEST_TIMEOUT_MS = 120_000;

export interface E2eEnv {
  /** MicroPython v1.28.0 tree with mpy-cross built; undefined = natmod tests skipped. */
  mpyDir?: string;
  /** Unix-port binary that loads the natmods; undefined = natmod tests skipped. */
  micropython?: string;
  /** Unix port with the examples compiled in as USER_C_MODULES (optional reference). */
  usermod?: string;
  /** Unix port with the extmod modules compiled in with the flags (optional reference). */
  extref?: string;
  arch: string;
  python: string;
  /** Keep temp dirs even for passing tests. */
  keepTmp: boolean;
  /** Why the natmod tests are skipped, or undefined when they run. */
  skipReason?: string;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): E2eEnv {
  const mpyDir = nonEmpty(env.MPY_DIR);
  const micropython = nonEmpty(env.MICROPYTHON);
  const missing = [!mpyDir && 'MPY_DIR', !micropython && 'MICROPYTHON'].filter((x): x is string => !!x);
  return {
    mpyDir: mpyDir && path.resolve(mpyDir),
    micropython: micropython && path.resolve(micropython),
    usermod: nonEmpty(env.MICROPYTHON_USERMOD) && path.resolve(env.MICROPYTHON_USERMOD!.trim()),
    extref: nonEmpty(env.MICROPYTHON_EXTREF) && path.resolve(env.MICROPYTHON_EXTREF!.trim()),
    arch: nonEmpty(env.NATMOD_ARCH) ?? 'x64',
    python: nonEmpty(env.PYTHON) ?? '/usr/bin/python3',
    keepTmp: env.NATMODGEN_E2E_KEEP === '1',
    skipReason: missing.length > 0 ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set` : undefined,
  };
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Problems with a configured environment. A set-but-broken environment fails the tests (it is
 * never a reason to skip): the caller asked for the suite to run.
 */
export function envProblems(e: E2eEnv): string[] {
  const problems: string[] = [];
  if (e.mpyDir) {
    if (!fs.existsSync(path.join(e.mpyDir, 'py', 'dynruntime.mk'))) {
      problems.push(`MPY_DIR=${e.mpyDir} is not a MicroPython tree (no py/dynruntime.mk)`);
    } else if (!isExecutable(path.join(e.mpyDir, 'mpy-cross', 'build', 'mpy-cross'))) {
      problems.push(`MPY_DIR=${e.mpyDir} has no built mpy-cross (run: make -C ${path.join(e.mpyDir, 'mpy-cross')})`);
    }
  }
  if (e.micropython && !isExecutable(e.micropython)) problems.push(`MICROPYTHON=${e.micropython} is not an executable file`);
  if (e.python.includes('/') && !isExecutable(e.python))
    problems.push(`PYTHON=${e.python} is not an executable file (set PYTHON to a python3 with pyelftools)`);
  return problems;
}

export function binaryProblem(name: string, p: string): string | undefined {
  return isExecutable(p) ? undefined : `${name}=${p} is not an executable file`;
}

/** Writes a message to the real stderr, bypassing jest's console buffering, framed so it is hard to miss. */
export function loud(lines: string[]): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n\n`);
}
