/**
 * `natmodgen lsp` end to end with a real LSP client: Neovim headless (its built-in client)
 * opens a copy of an example, receives diagnostics, formats (= sync of the buffer), then
 * an edit breaks a table entry and the diagnostics that follow must be gen's, at gen's place.
 * Needs `npm run build` (dist/) and nvim on PATH (or $NVIM); says so loudly when skipped.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, EXAMPLES_DIR } from './lib/env';
import { runProcess } from './lib/proc';

const NVIM = process.env.NVIM_BIN ?? 'nvim';
const hasNvim = spawnSync(NVIM, ['--version'], { encoding: 'utf8' }).status === 0;
const hasCli = fs.existsSync(CLI);
const skip = !hasNvim ? `no Neovim (${NVIM})` : !hasCli ? `natmodgen is not built (${CLI}); run npm run build` : undefined;
if (skip) console.warn(`SKIPPED: LSP end-to-end test: ${skip}`);
const maybe = skip ? describe.skip : describe;

interface LspDiag {
  range: { start: { line: number; character: number } };
  code: string;
  severity: number;
  message: string;
}

interface Record {
  error?: string;
  steps: string[];
  publishes: Array<{ version: number; diagnostics: LspDiag[] }>;
  formatted?: string;
  edited?: string;
}

function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

maybe('natmodgen lsp with Neovim', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-lsp-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('open → diagnostics, format → synced buffer, edit → gen diagnostics at gen positions', async () => {
    const original = fs.readFileSync(path.join(EXAMPLES_DIR, 'functions', 'functions.c'), 'utf8');
    const file = path.join(tmp, 'functions.c');
    fs.writeFileSync(file, original);
    const want = cli(['sync', '--stdin', '--stdin-filepath', file], original);
    expect(want.status).toBe(0);
    expect(want.stdout).not.toBe(original);
    // The edit: point a globals entry at an object that does not exist (in the user's own code).
    const lines = want.stdout.split('\n');
    const editLine = lines.findIndex((l) => l.includes('MP_ROM_PTR(&nmg_functions_square_obj)')) + 1;
    expect(editLine).toBeGreaterThan(0);
    const editText = lines[editLine - 1].replace('&nmg_functions_square_obj', '&nmg_functions_missing_obj');

    const result = path.join(tmp, 'result.json');
    const r = await runProcess(
      NVIM,
      ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'lsp', 'nvim-client.lua')}`],
      {
        cwd: tmp,
        timeoutMs: 110_000,
        env: {
          ...process.env,
          NMG_CMD: JSON.stringify([process.execPath, CLI, 'lsp', '--stdio']),
          NMG_FILE: file,
          NMG_EDIT_LINE: String(editLine),
          NMG_EDIT_TEXT: editText,
          NMG_RESULT: result,
        },
      },
    );
    expect(r.timedOut).toBe(false);
    expect(fs.existsSync(result)).toBe(true);
    const rec = JSON.parse(fs.readFileSync(result, 'utf8')) as Record;
    expect(rec.error).toBeUndefined();
    expect(rec.steps).toEqual(['opened', 'formatted', 'edited']);

    // Open: the example converts, so no errors were published for it.
    expect(rec.publishes[0].diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    // Formatting replaced the buffer with exactly what `sync` writes for the same text.
    expect(`${rec.formatted}\n`).toBe(want.stdout);

    // After the edit: the same diagnostics as `gen` on the edited text, at the same places.
    const edited = path.join(tmp, 'edited.c');
    fs.writeFileSync(edited, `${rec.edited}\n`);
    const gen = cli(['gen', edited]);
    expect(gen.status).toBe(2);
    const genDiags = [...gen.stderr.matchAll(/^[^\n]*edited\.c:(\d+):(\d+): (error|warning) (NMG\d+): /gm)].map(
      (m) => `${m[4]}@${m[1]}:${m[2]}`,
    );
    expect(genDiags).toContain(`NMG2005@${editLine}:${editText.indexOf('nmg_functions_missing_obj') + 1}`);
    const last = rec.publishes[rec.publishes.length - 1].diagnostics;
    const lspDiags = last.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    expect(lspDiags.sort()).toEqual(genDiags.sort());
    expect(last.find((d) => d.code === 'NMG2005')?.message).toContain('nmg_functions_missing_obj');
  }, 120_000);
});
