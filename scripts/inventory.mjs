// npm run inventory -- [--mpy-dir DIR]: regenerates data/api-v<version>.json from a
// MicroPython tree (without one, from the shipped data), docs/api-coverage.md and the
// README's inventory block, then prints the counts.
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { inventoryOutputs } = require(path.join(root, 'dist/src/facts/generate.js'));
const { isMicroPythonTree } = require(path.join(root, 'dist/src/facts/tree.js'));
const { countsLine } = require(path.join(root, 'dist/src/facts/coverage-doc.js'));

const args = process.argv.slice(2);
const at = args.indexOf('--mpy-dir');
const mpyDir = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && (!mpyDir || !isMicroPythonTree(mpyDir))) {
  console.error(`inventory: --mpy-dir ${mpyDir ?? ''} is not a MicroPython tree (no py/dynruntime.h)`);
  process.exit(2);
}
const out = inventoryOutputs(root, mpyDir);
for (const [rel, text] of out.files) {
  const file = path.join(root, rel);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === text) continue;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
  console.log(`wrote ${rel}`);
}
console.log(`MicroPython v${out.facts.micropython}: ${countsLine(out.counts)}`);
