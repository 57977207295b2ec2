/**
 * A module's `__init__` (examples/objects) over four imports of it (test/e2e/module-init/imports.py):
 *   - natmod (MPY_DIR, MICROPYTHON): once, at the first import; the loaded .mpy stays in sys.modules
 *     and later imports return it without running its code;
 *   - firmware (MICROPYTHON_USERMOD, examples/ as USER_C_MODULES; unix has MICROPY_MODULE_BUILTIN_INIT):
 *     at every import, since a built-in module is not kept in sys.modules.
 * A difference natmodgen cannot remove (MicroPython has no import hook); the README says so, and
 * this test fails when either side changes. Each is skipped loudly without its binary.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { binaryProblem, envProblems, loud, readEnv, TEST_TIMEOUT_MS } from './lib/env';
import { freshDir, runTest } from './lib/natmod';

const SOURCE = path.join(repoRoot, 'examples', 'objects', 'objects.c');
const SCRIPT = path.join(repoRoot, 'test', 'e2e', 'module-init', 'imports.py');
const env = readEnv();

if (env.skipReason) loud([`test/e2e/module-init.test.ts: SKIPPING the natmod run: ${env.skipReason}.`]);
if (!env.usermod) loud(['test/e2e/module-init.test.ts: SKIPPING the firmware run: MICROPYTHON_USERMOD is not set.']);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-module-init-'));
afterAll(() => {
  if (process.env.NATMODGEN_E2E_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
});

const lines = (stdout: string) => stdout.trim().split('\n');

(env.skipReason ? test.skip : test)(
  'the natmod runs __init__ once, at the first import',
  async () => {
    expect(envProblems(env)).toEqual([]);
    const out = path.join(work, 'build');
    const b = await runCli(['build', '--mpy-dir', env.mpyDir!, '--arch', env.arch, '-o', out, SOURCE], repoRoot);
    expect(b.code).toBe(0);
    const lib = freshDir(work, 'lib');
    const dir = fs.readdirSync(out).find((d) => d.startsWith(`${env.arch}_`))!;
    fs.copyFileSync(path.join(out, dir, 'nmg_objects.mpy'), path.join(lib, 'nmg_objects.mpy'));
    const run = await runTest(env.micropython!, SCRIPT, freshDir(work, 'run'), lib);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual(['first import 1', 'second import 1', 'from import 1', '__import__ 1', 'in sys.modules True']);
  },
  TEST_TIMEOUT_MS,
);

(env.usermod ? test : test.skip)(
  "the firmware runs a built-in module's __init__ at every import",
  async () => {
    expect(binaryProblem('MICROPYTHON_USERMOD', env.usermod!)).toBeUndefined();
    const run = await runTest(env.usermod!, SCRIPT, freshDir(work, 'fw-run'), freshDir(work, 'empty'));
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual(['first import 1', 'second import 2', 'from import 3', '__import__ 4', 'in sys.modules False']);
  },
  TEST_TIMEOUT_MS,
);
