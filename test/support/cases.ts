import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface ExampleCase {
  files: string[];
  defines: string[];
}

/** Every folder under examples/ with C sources, with the -D flags from its optional natmodgen.json. */
export function exampleCases(): Array<[string, ExampleCase]> {
  const dir = path.join(repoRoot, 'examples');
  return fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
    .sort()
    .map((n) => {
      const folder = path.join(dir, n);
      const files = fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.c'))
        .sort()
        .map((f) => path.join(folder, f));
      const cfg = path.join(folder, 'natmodgen.json');
      const defines: string[] = fs.existsSync(cfg) ? (JSON.parse(fs.readFileSync(cfg, 'utf8')).defines ?? []) : [];
      return [n, { files, defines }] as [string, ExampleCase];
    })
    .filter(([, c]) => c.files.length > 0);
}
