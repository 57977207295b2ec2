/**
 * Constructs found in real user C modules (bench/corpus, `npm run corpus`) that natmodgen refuses
 * although the firmware build accepts them. Each folder under test/corpus-cases holds a small
 * self-written input.c reproducing one of them and a case.json: the -D flags, the corpus files it
 * stands for, the diagnostic seen today and the owner of the fix.
 *
 * A case with "status": "open" runs as test.failing: it passes while natmodgen still refuses the
 * input, and fails once the input converts, telling whoever fixed it to set "status": "fixed",
 * which turns it into an ordinary test that must convert it. Cases with "stage": "build" convert
 * today (an ordinary test here); their open failure is in building or running the natmod, which
 * test/e2e/corpus-build.test.ts checks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';

interface CorpusCase {
  status: 'open' | 'fixed';
  /** "build": natmodgen converts it; the natmod fails to build or run (test/e2e/corpus-build.test.ts). */
  stage?: 'gen' | 'build';
  defines: string[];
  diagnostic: string;
  corpus: string;
  owner: string;
}

const CASES = path.join(repoRoot, 'test', 'corpus-cases');
const names = fs
  .readdirSync(CASES)
  .filter((n) => fs.existsSync(path.join(CASES, n, 'case.json')))
  .sort();

describe.each(names)('corpus case %s', (name) => {
  const dir = path.join(CASES, name);
  const c = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CorpusCase;
  const run = c.status === 'open' && c.stage !== 'build' ? test.failing : test;
  const state = c.stage === 'build' ? 'converts; build or run checked end to end' : `${c.status}: ${c.diagnostic}`;

  run(`converts with no diagnostics (${state})`, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-corpus-case-'));
    const r = await runCli(['gen', ...c.defines.flatMap((d) => ['-D', d]), '-o', out, 'input.c'], dir);
    expect(r.stderr).not.toMatch(/ (error|warning) NMG\d{4}:/);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'input.c'), 'utf8')).toContain('mpy_init');
  });
});

test('every corpus case names its status, corpus source and owner', () => {
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    const c = JSON.parse(fs.readFileSync(path.join(CASES, name, 'case.json'), 'utf8')) as CorpusCase;
    expect(['open', 'fixed']).toContain(c.status);
    expect(c.corpus.length).toBeGreaterThan(0);
    expect(c.owner.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(CASES, name, 'input.c'))).toBe(true);
  }
});
