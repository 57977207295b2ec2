/**
 * Compiler errors in statements natmodgen generates from the user's expressions (a type's slot
 * values, table entries) name the user's line of that expression, through `#line` before each
 * such statement. Built with py/dynruntime.mk (MPY_DIR); skipped loudly without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { loud, readEnv, REPO_ROOT, TEST_TIMEOUT_MS } from './lib/env';
import { makefileText } from './lib/natmod';
import { runProcess } from './lib/proc';

const env = readEnv();
const SOURCE = path.join(REPO_ROOT, 'test', 'e2e', 'line-directives', 'lm.c');
if (!env.mpyDir) loud(['test/e2e/line-directives.test.ts: SKIPPING: MPY_DIR is not set.']);

(env.mpyDir ? test : test.skip)(
  'each error names the line of the expression it is in',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-lines-'));
    const gen = await runCli(['gen', '-o', path.join(dir, 'gen'), SOURCE], REPO_ROOT);
    expect(gen.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'Makefile'), makefileText({ mpyDir: env.mpyDir!, mod: 'lm', srcs: ['gen/lm.c'], arch: env.arch }));
    const make = await runProcess('make', ['-C', dir, `PYTHON=${env.python}`], { cwd: dir, timeoutMs: 120_000 });
    const lines = fs.readFileSync(SOURCE, 'utf8').split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const errors = (make.stdout + make.stderr).split('\n').filter((l) => / error: /.test(l));
    expect(errors.length).toBe(2);
    expect(errors.find((l) => l.includes('lm_undeclared_printer'))).toMatch(
      new RegExp(`lm\\.c:${lineOf('print, lm_undeclared_printer')}:\\d+: error`),
    );
    expect(errors.find((l) => l.includes('lm_undeclared_count'))).toMatch(
      new RegExp(`lm\\.c:${lineOf('MP_ROM_INT(lm_undeclared_count)')}:\\d+: error`),
    );
  },
  TEST_TIMEOUT_MS,
);
