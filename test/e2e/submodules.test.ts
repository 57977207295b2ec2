/**
 * Sub-modules import by their dotted names (`import pkg.sub`, `import pkg.sub.deep`,
 * `from pkg.sub import f`; `import pkg.nope` still fails) as in a firmware built with
 * MICROPY_MODULE_BUILTIN_SUBPACKAGES: the natmod puts its sub-modules into sys.modules at import,
 * where MicroPython's import looks first. The module is test/hostile/fixtures/viamacros (every
 * construct written through macros, with a sub-module holding a sub-module).
 *   - natmod (MPY_DIR, MICROPYTHON): imports.py prints imports-expected.txt;
 *   - firmware (MICROPYTHON_SUBPACKAGES: a unix port with test/hostile/fixtures as USER_C_MODULES
 *     and CFLAGS_EXTRA=-DMICROPY_MODULE_BUILTIN_SUBPACKAGES=1): the same.
 * Each is skipped loudly without its binary.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { binaryProblem, envProblems, loud, readEnv, TEST_TIMEOUT_MS } from './lib/env';
import { checkOutput, freshDir, makeNatmod, runTest } from './lib/natmod';

const FIXTURE = path.join(repoRoot, 'test', 'hostile', 'fixtures', 'viamacros');
const SCRIPT = path.join(FIXTURE, 'imports.py');
const EXPECTED = path.join(FIXTURE, 'imports-expected.txt');
const env = readEnv();
const firmware = process.env.MICROPYTHON_SUBPACKAGES?.trim() ? path.resolve(process.env.MICROPYTHON_SUBPACKAGES.trim()) : undefined;

if (env.skipReason) loud([`test/e2e/submodules.test.ts: SKIPPING the natmod run: ${env.skipReason}.`]);
if (!firmware) loud(['test/e2e/submodules.test.ts: SKIPPING the firmware run: MICROPYTHON_SUBPACKAGES is not set.']);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-submodules-'));
afterAll(() => {
  if (process.env.NATMODGEN_E2E_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
});

(env.skipReason ? test.skip : test)(
  'the natmod imports its sub-modules by dotted name',
  async () => {
    expect(envProblems(env)).toEqual([]);
    const out = path.join(work, 'build');
    const r = await runCli(['gen', '-o', out, path.join(FIXTURE, 'viamacros.c')], repoRoot);
    expect(r.stderr).toBe('');
    const mpy = await makeNatmod(
      out,
      { mpyDir: env.mpyDir!, mod: 'hostile_viamacros', srcs: ['viamacros.c'], arch: env.arch },
      env.python,
      '',
    );
    const lib = freshDir(work, 'lib');
    fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
    const run = await runTest(env.micropython!, SCRIPT, freshDir(work, 'run'), lib);
    checkOutput(run, EXPECTED, lib, '\n  natmod of test/hostile/fixtures/viamacros');
  },
  TEST_TIMEOUT_MS,
);

(firmware ? test : test.skip)(
  'the firmware with MICROPY_MODULE_BUILTIN_SUBPACKAGES prints the same',
  async () => {
    expect(binaryProblem('MICROPYTHON_SUBPACKAGES', firmware!)).toBeUndefined();
    const empty = freshDir(work, 'empty');
    const run = await runTest(firmware!, SCRIPT, freshDir(work, 'fw-run'), empty);
    checkOutput(run, EXPECTED, empty, '\n  MICROPYTHON_SUBPACKAGES is the firmware reference');
  },
  TEST_TIMEOUT_MS,
);
