// The modules the size and architecture benches build: every example (its .c files, in
// name order) and the five extmod modules with their feature flags (test/e2e/extmod/flags.json).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** [{ label, files, defines }] for examples/* under `root` and the extmod modules of `mpyDir`. */
export function benchCases(root, mpyDir) {
  const cases = [];
  for (const name of fs.readdirSync(path.join(root, 'examples')).sort()) {
    const dir = path.join(root, 'examples', name);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.c'))
      .sort()
      .map((f) => path.join(dir, f));
    if (files.length) cases.push({ label: `examples/${name}`, files, defines: [] });
  }
  const flags = JSON.parse(fs.readFileSync(path.join(root, 'test', 'e2e', 'extmod', 'flags.json'), 'utf8'));
  for (const [name, v] of Object.entries(flags))
    cases.push({ label: `extmod/${name}`, files: [path.join(mpyDir, v.source)], defines: v.defines });
  return cases;
}
