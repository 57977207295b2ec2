// sync in a team: two branches that add entries to different tables of a synced file
// merge without a conflict, and the merged file is in sync as it stands.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';

const haveGit = spawnSync('git', ['--version']).status === 0;
if (!haveGit) process.stderr.write('test/sync/merge.test.ts: SKIPPED: git is not on PATH\n');

function git(dir: string, ...args: string[]): { code: number; out: string } {
  const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function addAfter(file: string, line: string, extra: string): void {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(`\n${line}\n`)) throw new Error(`no line ${line}`);
  fs.writeFileSync(file, text.replace(`\n${line}\n`, `\n${line}\n${extra}\n`));
}

(haveGit ? describe : describe.skip)('merging two branches of a synced file', () => {
  test('entries added to two different tables merge cleanly, and sync --check passes on the result', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-merge-'));
    const file = path.join(dir, 'classes.c');
    fs.copyFileSync(path.join(repoRoot, 'examples', 'classes', 'classes.c'), file);
    expect(git(dir, 'init', '-q').code).toBe(0);
    expect((await runCli(['sync', 'classes.c'], dir)).code).toBe(0);
    git(dir, 'add', '.');
    expect(git(dir, 'commit', '-qm', 'base').code).toBe(0);

    git(dir, 'checkout', '-qb', 'a');
    addAfter(file, '    { MP_ROM_QSTR(MP_QSTR_DIMENSIONS), MP_ROM_INT(2) },', '    { MP_ROM_QSTR(MP_QSTR_DIMS), MP_ROM_INT(2) },');
    expect((await runCli(['sync', 'classes.c'], dir)).code).toBe(0);
    expect(git(dir, 'commit', '-qam', 'a').code).toBe(0);

    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-qb', 'b');
    addAfter(
      file,
      '    { MP_ROM_QSTR(MP_QSTR_LIMIT), MP_ROM_INT(NMG_ACC_LIMIT) },',
      '    { MP_ROM_QSTR(MP_QSTR_LIMIT2), MP_ROM_INT(NMG_ACC_LIMIT) },',
    );
    expect((await runCli(['sync', 'classes.c'], dir)).code).toBe(0);
    expect(git(dir, 'commit', '-qam', 'b').code).toBe(0);

    const merge = git(dir, 'merge', '-q', 'a', '-m', 'merge');
    expect(merge).toEqual({ code: 0, out: expect.not.stringContaining('CONFLICT') });
    const check = await runCli(['sync', '--check', 'classes.c'], dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('MP_QSTR_DIMS');
    expect(text).toContain('MP_QSTR_LIMIT2');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
