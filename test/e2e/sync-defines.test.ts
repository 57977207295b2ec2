/**
 * End-to-end for `natmodgen sync -D`: the -D flags must be in force where py/dynruntime.h (and its
 * py/mpconfig.h, which defaults every MICROPY_PY_* feature to 0) reads them. Each extmod case of
 * test/e2e/extmod/flags.json (extmod/modframebuf.c with -D MICROPY_PY_FRAMEBUF=1, ...) is copied
 * from MPY_DIR, synced in place with its flags, and the synced file itself is built with a plain
 * py/dynruntime.mk (no -D on the make command line), loaded by MICROPYTHON, and its test.py output
 * compared with expected.txt, which MICROPYTHON_EXTREF (the modules built into the firmware with
 * the same flags) prints in test/e2e/natmods.test.ts. Then `sync --check` with the same flags
 * must find the synced file current.
 *
 * Environment: MPY_DIR and MICROPYTHON as for natmods.test.ts, else skipped loudly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { discoverExtmod } from './lib/discover';
import { envProblems, loud, readEnv, TEST_TIMEOUT_MS } from './lib/env';
import { buildNatmodgen, checkOutput, checkProvenance, freshDir, makeNatmod, makeWorkDir, moduleName, runTest } from './lib/natmod';
import { describeRun } from './lib/proc';
import { syncInPlace } from './lib/sync';

const env = readEnv();
const cases = discoverExtmod().filter((c) => !c.skip && !c.problem && c.sources.kind === 'mpy');
if (env.skipReason) loud([`natmodgen sync -D e2e: SKIPPING ${cases.length} test(s): ${env.skipReason}. Skipped is not passed.`]);

describe('sync -D on MicroPython extmod modules, the synced file built with a plain dynruntime.mk', () => {
  test('there are extmod cases with -D flags', () => {
    expect(cases.filter((c) => c.defines.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  (env.skipReason ? test.skip : test).each(cases.map((c) => [c.label, c] as const))(
    '%s',
    async (_label, c) => {
      expect(envProblems(env)).toEqual([]);
      await buildNatmodgen();
      const rel = (c.sources as { rel: string }).rel;
      const work = makeWorkDir(`sync-defines-${path.basename(c.label)}`);
      const src = freshDir(work, 'src');
      const file = path.basename(rel);
      fs.copyFileSync(path.join(env.mpyDir!, rel), path.join(src, file));
      const r = await syncInPlace(src, [file], c.defines);
      if (r.code !== 0) throw new Error(`natmodgen sync ${c.defines.map((d) => `-D ${d}`).join(' ')} failed:\n${describeRun(r)}`);
      const check = await syncInPlace(src, [file], c.defines, ['--check']);
      expect([check.code, check.stderr]).toEqual([0, '']);
      const mod = await moduleName([path.join(src, file)]);
      const context = `\n  synced copy of ${rel} in ${src}`;
      const mpy = await makeNatmod(src, { mpyDir: env.mpyDir!, mod, srcs: [file], arch: env.arch }, env.python, context);
      const lib = freshDir(work, 'lib');
      fs.copyFileSync(mpy, path.join(lib, path.basename(mpy)));
      await checkProvenance(env.micropython!, mod, freshDir(work, 'probe'), lib, context);
      const run = await runTest(env.micropython!, c.testPy, freshDir(work, 'run'), lib);
      checkOutput(run, c.expected, lib, context);
      if (!env.keepTmp) fs.rmSync(work, { recursive: true, force: true });
    },
    TEST_TIMEOUT_MS * 2,
  );
});
