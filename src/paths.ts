import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

let root: string | undefined;

/** The natmodgen package folder (holding templates/ and grammar-queries/), from src/ or dist/src/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'grammar-queries'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('natmodgen: cannot find its package folder');
    dir = up;
  }
}

/** natmodgen's version, from its package.json. */
export function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * natmodgen's cache folder: `$NATMODGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/natmodgen`, else
 * `~/.cache/natmodgen`; undefined when `NATMODGEN_CACHE_DIR=off`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.NATMODGEN_CACHE_DIR;
  if (given === 'off') return undefined;
  if (given) return path.resolve(given);
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'natmodgen');
}
