/**
 * Escaped qstrs of the firmware (`MP_QSTR__lt_lambda_gt_` is '<lambda>' in py/qstrdefs.h) get
 * their text with or without a MicroPython tree: `gen` with no --mpy-dir and no MPY_DIR writes
 * the same files as with the tree, whose conversion firmware.test.ts builds and runs against the
 * firmware (fixture qstresc).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { loud } from '../e2e/lib/env';

const FIXTURE = path.join(repoRoot, 'test', 'hostile', 'fixtures', 'qstresc');
const mpyDir = process.env.MPY_DIR?.trim();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-qstresc-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function gen(out: string, tree: string | undefined): Promise<string> {
  const saved = process.env.MPY_DIR;
  delete process.env.MPY_DIR;
  try {
    const args = ['gen', ...(tree ? ['--mpy-dir', tree] : []), '-o', path.join(work, out), path.join(FIXTURE, 'qstresc.c')];
    const r = await runCli(args, repoRoot);
    expect([r.code, r.stderr]).toEqual([0, '']);
    return fs.readFileSync(path.join(work, out, 'qstresc.c'), 'utf8');
  } finally {
    if (saved !== undefined) process.env.MPY_DIR = saved;
  }
}

test('without a tree, the firmware qstrs the fixture names are interned with their text', async () => {
  const text = await gen('notree', undefined);
  for (const q of ['<lambda>', '<genexpr>', '<string>', '<setcomp>', '<dictcomp>']) expect(text).toContain(`"${q}"`);
});

if (!mpyDir)
  loud(['test/hostile/qstresc-tree.test.ts: SKIPPING the comparison with a conversion that reads the tree: MPY_DIR is not set.']);
(mpyDir ? test : test.skip)('without a tree, gen writes what it writes with the tree (MPY_DIR)', async () => {
  expect(await gen('notree2', undefined)).toBe(await gen('tree', mpyDir));
});
