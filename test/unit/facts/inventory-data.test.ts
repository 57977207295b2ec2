/**
 * The committed inventory outputs must be what `npm run inventory` makes now: the coverage
 * doc and the README counts from data/ + runtime/ + src/facts/reasons.ts, and (when a
 * MicroPython tree of the same version is given in MPY_DIR) the data from the tree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { inventoryOutputs } from '../../../src/facts/generate';
import { isMicroPythonTree, readTreeFacts } from '../../../src/facts/tree';
import { DEFAULT_VERSION, shippedFacts } from '../../../src/facts';
import { repoRoot } from '../../support/cases';

const STALE = 'stale: run `npm run inventory` (add `-- --mpy-dir DIR` when the MicroPython facts changed) and commit the result';

describe('committed inventory outputs', () => {
  const out = inventoryOutputs(repoRoot);

  test.each([...out.files.keys()].filter((f) => !f.endsWith('.json')))('%s is up to date', (rel) => {
    const committed = fs.readFileSync(path.join(repoRoot, rel), 'utf8');
    if (committed !== out.files.get(rel)) throw new Error(`${rel} is ${STALE}`);
  });

  test('the README carries the inventory block and links the coverage doc', () => {
    expect(out.files.has('README.md')).toBe(true);
    expect(out.files.get('README.md')).toContain('[docs/api-coverage.md](docs/api-coverage.md)');
  });

  test('the shipped data round-trips through its own writer', () => {
    const file = path.join(repoRoot, 'data', `api-v${DEFAULT_VERSION}.json`);
    expect(out.files.get(`data/api-v${DEFAULT_VERSION}.json`)).toBe(fs.readFileSync(file, 'utf8'));
  });
});

const mpyDir = process.env.MPY_DIR;
const tree = mpyDir && isMicroPythonTree(mpyDir) ? mpyDir : undefined;
if (!tree) console.warn('inventory-data: MPY_DIR is not set to a MicroPython tree; the data-vs-tree check is SKIPPED');

(tree ? describe : describe.skip)(`data/api-v${DEFAULT_VERSION}.json against MPY_DIR`, () => {
  test('equals what the tree says (same version)', () => {
    const facts = readTreeFacts(tree!);
    if (facts.micropython !== DEFAULT_VERSION) {
      console.warn(`inventory-data: MPY_DIR is v${facts.micropython}, the data is v${DEFAULT_VERSION}; compared counts only`);
      expect(facts.symbols.length).toBeGreaterThan(0);
      return;
    }
    if (JSON.stringify(facts) !== JSON.stringify(shippedFacts())) throw new Error(`data/api-v${DEFAULT_VERSION}.json is ${STALE}`);
  });
});
