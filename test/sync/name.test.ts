/**
 * `natmodgen name` on synced sources. A project that adopts `natmodgen sync` keeps only the
 * synced files, so a Makefile's `MOD = $(shell natmodgen name $(SRC))` runs on them.
 */
import * as path from 'path';
import { runCli } from '../support/cli';
import { copyExample, defineArgs, examples, removeTempDirs } from './helpers';

afterAll(removeTempDirs);

const EXAMPLES = examples();

async function nameOf(dir: string, files: string[]): Promise<{ code: number; name: string; stderr: string }> {
  const r = await runCli(['name', ...files], dir);
  return { code: r.code, name: r.stdout.trim(), stderr: r.stderr };
}

// Regression, once a bug: `natmodgen name` does not remove natmodgen's blocks before analysing (src/cli/name.ts
// calls analyse() on the file as it is), so on synced sources it fails with NMG1003 ("this does
// not look like C source") for examples/classes, functions and objects (conditional and
// multifile happen to pass). It should unsync first, as `sync` does. The e2e suite takes MOD
// from the original sources because of this.
test('natmodgen name prints the same name for the synced sources of every example', async () => {
  const wrong: string[] = [];
  for (const ex of EXAMPLES) {
    const dir = copyExample(ex, 'name');
    const before = await nameOf(dir, ex.files);
    expect(before.code).toBe(0);
    const s = await runCli(['sync', ...defineArgs(ex.defines), ...ex.files], dir);
    expect(s.code).toBe(0);
    const after = await nameOf(dir, ex.files);
    if (after.code !== 0 || after.name !== before.name) {
      wrong.push(`${ex.name}: exit ${after.code}, ${JSON.stringify(after.name)} (want ${before.name}) ${after.stderr.split('\n')[0]}`);
    }
  }
  expect(wrong).toEqual([]);
});

describe.each(EXAMPLES.map((ex) => [ex.name, ex] as const))('natmodgen name, examples/%s', (_n, ex) => {
  test('works on the original sources', async () => {
    const r = await nameOf(path.join(ex.dir), ex.files);
    expect(r.code).toBe(0);
    expect(r.name).toMatch(/^[A-Za-z_]\w*$/);
  });
});
