/**
 * Golden tests: every example under examples/ is generated into a temporary
 * folder and compared byte for byte with test/golden/examples/<name>/. The end-to-end
 * suite (test/e2e) compiles and runs the same examples, so these files are known to
 * build. UPDATE_GOLDEN=1 rewrites the expected files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generate } from '../../src/pipeline';
import { syncSources } from '../../src/pipeline/sync';
import { exampleCases, repoRoot } from '../support/cases';

const GOLDEN = path.join(repoRoot, 'test', 'golden', 'examples');
const update = process.env.UPDATE_GOLDEN === '1';

describe.each(exampleCases())('golden: examples/%s', (name, c) => {
  const expectedDir = path.join(GOLDEN, name);
  const result = generate(
    c.files.map((f) => ({ path: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') })),
    { defines: c.defines, outDir: path.relative(repoRoot, expectedDir) },
  );

  test('generates without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  test.each(result.value.map((f) => [f.rel, f.text] as const))('%s matches the golden file', (rel, text) => {
    const file = path.join(expectedDir, rel);
    if (update) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  test('generating twice gives the same bytes', () => {
    const again = generate(
      c.files.map((f) => ({ path: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') })),
      { defines: c.defines, outDir: path.relative(repoRoot, expectedDir) },
    );
    expect(again.value).toEqual(result.value);
  });
});

/**
 * `sync` goldens: each example synced in place (as a user would), compared byte for byte
 * with test/golden/sync/<name>/. The end-to-end suite builds these both ways.
 */
const SYNC_GOLDEN = path.join(repoRoot, 'test', 'golden', 'sync');

describe.each(exampleCases())('golden: sync examples/%s', (name, c) => {
  const inputs = c.files.map((f) => ({ path: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') }));
  const result = syncSources(inputs, { defines: c.defines, force: false });

  test('syncs without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  test.each(result.value.map((f) => [path.basename(f.path), f.text] as const))('%s matches the golden file', (base, text) => {
    const file = path.join(SYNC_GOLDEN, name, base);
    if (update) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  test('syncing the synced files again changes nothing', () => {
    const again = syncSources(
      result.value.map((f) => ({ path: f.path, text: f.text })),
      { defines: c.defines, force: false },
    );
    expect(again.diagnostics).toEqual([]);
    expect(again.value.map((f) => f.changed)).toEqual(result.value.map(() => false));
  });
});
