/**
 * End-to-end: ulab (v923z/micropython-ulab) converted by natmodgen, next to ulab built into
 * the unix firmware, through bench/ulab.mjs (gen, build for x64, import, ulab's own tests).
 *
 * Environment (skips loudly without it; ulab is never part of this repository):
 *   ULAB_DIR          ulab clone (the latest commit supporting MicroPython v1.28.0)
 *   MPY_DIR           MicroPython v1.28.0 tree with mpy-cross built
 *   MICROPYTHON       unix port without ulab (loads natmods)
 *   MICROPYTHON_ULAB  unix port with ulab as a user C module (the reference)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { loud, REPO_ROOT } from './lib/env';

const need = ['ULAB_DIR', 'MPY_DIR', 'MICROPYTHON', 'MICROPYTHON_ULAB'];
const missing = need.filter((k) => !process.env[k]?.trim());
if (missing.length) loud([`ulab e2e: SKIPPING: ${missing.join(', ')} not set. Skipped is not passed.`]);
const d = missing.length ? describe.skip : describe;

interface BenchResult {
  gen: { exit: number; errors: number; diagnostics: Record<string, number> };
  builds: Record<string, { ok: boolean }>;
  summary: {
    tests: number;
    firmwarePass: number;
    natmodPass: number;
    passOnFirmwareOnly: string[];
    sameOutput: number;
    outputDiffers: string[];
  };
  tests: Array<{ test: string; firmware: boolean; natmod: boolean | null }>;
}

d('ulab as a natmod (bench/ulab.mjs)', () => {
  let result: BenchResult;
  beforeAll(() => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-ulab-e2e-')), 'ulab.json');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'ulab.mjs')], {
      env: { ...process.env, BENCH_JSON: json, BENCH_RUNS: '3' },
      encoding: 'utf8',
      timeout: 1_800_000,
    });
    process.stdout.write(r.stdout);
    if (r.status !== 0) throw new Error(`bench/ulab.mjs failed: ${r.stderr}`);
    result = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchResult;
  }, 1_900_000);

  test('every ulab test runs on the firmware build and is reported for both builds', () => {
    expect(result.tests.length).toBe(result.summary.tests);
    expect(result.summary.tests).toBeGreaterThan(0);
    // The reference must work for the comparison to mean anything.
    expect(result.summary.firmwarePass).toBeGreaterThan(result.summary.tests / 2);
  });

  // Issue 13's goal: ulab converts with no diagnostic and no edit, builds, and passes every
  // test the firmware build passes; here also every test prints exactly what the firmware prints.
  test('the natmod passes every test the firmware build passes, with the same output', () => {
    expect(result.gen.errors).toBe(0);
    expect(result.builds.x64?.ok).toBe(true);
    expect(result.summary.passOnFirmwareOnly).toEqual([]);
    expect(result.summary.outputDiffers).toEqual([]);
    expect(result.summary.sameOutput).toBe(result.summary.tests);
  });
});
