import * as fs from 'fs';
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
