/**
 * `natmodgen sync` through the CLI (in-process), on a temp copy of every example: in-place
 * rewrite, idempotence (bytes and mtime), --check, hand-edited blocks (NMG5001) and --force,
 * CRLF, file mode, and --stdin/--stdin-filepath for editors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { syncSources } from '../../src/pipeline/sync';
import { runCli } from '../support/cli';
import {
  ageFile,
  bareLineFeeds,
  copyExample,
  defineArgs,
  Example,
  examples,
  expectDirUnchanged,
  read,
  removeTempDirs,
  snapshotDir,
  tempLeftovers,
  toCrlf,
  walkMarkers,
} from './helpers';
import { runCliWithStdin } from './stdin';

afterAll(removeTempDirs);

const EXAMPLES = examples();

/** What sync must produce for each file of the example (by base name), from src/sync directly. */
function expectedSync(ex: Example): Map<string, string> {
  const r = syncSources(
    ex.files.map((f) => ({ path: path.join(ex.dir, f), text: read(path.join(ex.dir, f)) })),
    { defines: ex.defines, force: false },
  );
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new Map(r.value.map((f) => [path.basename(f.path), f.text]));
}

const MARKER_OR_FENCE = /natmodgen:(begin|insert|mpy_init|original|natmod|end|was)\b|^\/\/ clang-format (off|on)\r?$/;

/** The 1-based line handEdit changes: the first content line (not a marker or fence) of the first generated block. */
function handEditLine(text: string): number {
  const lines = text.split('\n');
  const w = walkMarkers(text.replace(/\r\n/g, '\n'));
  const n = w.generatedLines.find((k) => !MARKER_OR_FENCE.test(lines[k - 1]));
  if (n === undefined) throw new Error('no generated content line to edit');
  return n;
}

/** Edits the first content line (not a marker) of the first generated block; returns the edited text. */
function handEdit(text: string): string {
  const lines = text.split('\n');
  const n = handEditLine(text);
  lines[n - 1] = lines[n - 1].replace(/(\r?)$/, ' /* edited by hand */$1');
  return lines.join('\n');
}

describe.each(EXAMPLES.map((ex) => [ex.name, ex] as const))('natmodgen sync examples/%s', (_name, ex) => {
  const expected = expectedSync(ex);
  const D = defineArgs(ex.defines);
  const files = ex.files.map((f) => [f] as const);

  /** A temp copy of the example whose .c files are already synced. */
  function syncedCopy(transform: (t: string) => string = (t) => t): string {
    const dir = copyExample(ex);
    for (const f of ex.files) fs.writeFileSync(path.join(dir, f), transform(expected.get(f)!));
    return dir;
  }

  test('rewrites every .c file in place (exit 0), and writes nothing else', async () => {
    const dir = copyExample(ex);
    const before = snapshotDir(dir);
    const r = await runCli(['sync', ...D, ...ex.files], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    for (const f of ex.files) expect({ f, text: read(path.join(dir, f)) }).toEqual({ f, text: expected.get(f) });
    // Same file names (no temp file left behind by the atomic write), other files untouched.
    expect(fs.readdirSync(dir).sort()).toEqual([...before.keys()]);
    expect(tempLeftovers(dir)).toEqual([]);
    const after = snapshotDir(dir);
    for (const [f, b] of before) {
      if (ex.files.includes(f)) continue;
      expect({ f, text: after.get(f)!.bytes.toString('utf8'), mtimeMs: after.get(f)!.mtimeMs }).toEqual({
        f,
        text: b.bytes.toString('utf8'),
        mtimeMs: b.mtimeMs,
      });
    }
  });

  test('a second run changes nothing and does not touch the files (mtime kept)', async () => {
    const dir = copyExample(ex);
    expect((await runCli(['sync', ...D, ...ex.files], dir)).code).toBe(0);
    for (const f of ex.files) ageFile(path.join(dir, f));
    const before = snapshotDir(dir);
    const r = await runCli(['sync', ...D, ...ex.files], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectDirUnchanged(dir, before);
  });

  test('--check on the synced copy exits 0 and writes nothing', async () => {
    const dir = syncedCopy();
    for (const f of ex.files) ageFile(path.join(dir, f));
    const before = snapshotDir(dir);
    const r = await runCli(['sync', '--check', ...D, ...ex.files], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectDirUnchanged(dir, before);
  });

  test('--check on the original exits 1, names every stale file, and writes nothing', async () => {
    const dir = copyExample(ex);
    for (const f of ex.files) ageFile(path.join(dir, f));
    const before = snapshotDir(dir);
    const r = await runCli(['sync', '--check', ...D, ...ex.files], dir);
    expect(r.code).toBe(1);
    for (const f of ex.files) expect(r.stderr).toContain(f);
    expectDirUnchanged(dir, before);
  });

  if (ex.files.length > 1) {
    test('--check with only one file stale exits 1 and names only that file', async () => {
      const dir = syncedCopy();
      const [stale, ...fresh] = ex.files;
      fs.copyFileSync(path.join(ex.dir, stale), path.join(dir, stale));
      const before = snapshotDir(dir);
      const r = await runCli(['sync', '--check', ...D, ...ex.files], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(stale);
      for (const f of fresh) expect(r.stderr).not.toContain(`${f}:`);
      expectDirUnchanged(dir, before);
    });
  }

  test.each(files)('a hand edit inside a generated block of %s: exit 2, NMG5001 at the edited line, nothing written', async (f) => {
    const dir = syncedCopy();
    const edited = handEdit(expected.get(f)!);
    fs.writeFileSync(path.join(dir, f), edited);
    // Make the other files stale too: an error must stop every write, not just this file's.
    for (const other of ex.files.filter((o) => o !== f)) fs.copyFileSync(path.join(ex.dir, other), path.join(dir, other));
    for (const x of ex.files) ageFile(path.join(dir, x));
    const before = snapshotDir(dir);

    const r = await runCli(['sync', ...D, ...ex.files], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:${handEditLine(edited)}:1: error NMG5001`);
    expect(r.stdout).toBe('');
    expectDirUnchanged(dir, before);

    const check = await runCli(['sync', '--check', ...D, ...ex.files], dir);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('NMG5001');
    expectDirUnchanged(dir, before);
  });

  test.each(files)('--force regenerates a hand-edited %s and succeeds', async (f) => {
    const dir = syncedCopy();
    fs.writeFileSync(path.join(dir, f), handEdit(expected.get(f)!));
    const r = await runCli(['sync', '--force', ...D, ...ex.files], dir);
    expect(r.code).toBe(0);
    for (const x of ex.files) expect({ x, text: read(path.join(dir, x)) }).toEqual({ x, text: expected.get(x) });
    // And the result is in sync again, without --force.
    expect((await runCli(['sync', '--check', ...D, ...ex.files], dir)).code).toBe(0);
  });

  test('a block with a changed checksum but the content natmodgen generates now is not a hand edit (after a merge)', async () => {
    const f = ex.files[0];
    const dir = syncedCopy();
    const text = expected.get(f)!.replace(/natmodgen:end ([0-9a-f])/, (_m, c: string) => `natmodgen:end ${c === '0' ? '1' : '0'}`);
    expect(text).not.toBe(expected.get(f));
    fs.writeFileSync(path.join(dir, f), text);
    const check = await runCli(['sync', '--check', ...D, ...ex.files], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).not.toContain('NMG5001');
    const r = await runCli(['sync', ...D, ...ex.files], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(path.join(dir, f))).toBe(expected.get(f));
  });

  test('edits outside the markers are kept by the next sync', async () => {
    const f = ex.files[0];
    const dir = syncedCopy();
    const note = '// a line the user added after syncing';
    fs.writeFileSync(path.join(dir, f), `${note}\n${expected.get(f)!}`);
    const r = await runCli(['sync', ...D, ...ex.files], dir);
    expect(r.code).toBe(0);
    const w = walkMarkers(read(path.join(dir, f)));
    expect(w.problems).toEqual([]);
    expect(w.text).toBe(`${note}\n${read(path.join(ex.dir, f))}`);
    expect((await runCli(['sync', '--check', ...D, ...ex.files], dir)).code).toBe(0);
  });

  describe('CRLF input', () => {
    function crlfCopy(): string {
      const dir = copyExample(ex);
      for (const f of ex.files) fs.writeFileSync(path.join(dir, f), toCrlf(read(path.join(ex.dir, f))));
      return dir;
    }

    test('stays CRLF everywhere (no bare LF) and is the LF result with CRLF endings', async () => {
      const dir = crlfCopy();
      const r = await runCli(['sync', ...D, ...ex.files], dir);
      expect(r.code).toBe(0);
      for (const f of ex.files) {
        const text = read(path.join(dir, f));
        expect({ f, bare: bareLineFeeds(text) }).toEqual({ f, bare: 0 });
        expect({ f, text }).toEqual({ f, text: toCrlf(expected.get(f)!) });
      }
    });

    test('a second run and --check leave the CRLF files untouched', async () => {
      const dir = crlfCopy();
      expect((await runCli(['sync', ...D, ...ex.files], dir)).code).toBe(0);
      for (const f of ex.files) ageFile(path.join(dir, f));
      const before = snapshotDir(dir);
      expect((await runCli(['sync', ...D, ...ex.files], dir)).code).toBe(0);
      expectDirUnchanged(dir, before);
      expect((await runCli(['sync', '--check', ...D, ...ex.files], dir)).code).toBe(0);
      expectDirUnchanged(dir, before);
    });

    test('a hand edit is located at the edited line; --force regenerates with CRLF', async () => {
      const f = ex.files[0];
      const dir = syncedCopy(toCrlf);
      const edited = handEdit(toCrlf(expected.get(f)!));
      fs.writeFileSync(path.join(dir, f), edited);
      const before = snapshotDir(dir);
      const r = await runCli(['sync', ...D, ...ex.files], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${f}:${handEditLine(edited)}:1: error NMG5001`);
      expectDirUnchanged(dir, before);
      expect((await runCli(['sync', '--force', ...D, ...ex.files], dir)).code).toBe(0);
      for (const x of ex.files) expect({ x, text: read(path.join(dir, x)) }).toEqual({ x, text: toCrlf(expected.get(x)!) });
    });
  });

  test('keeps file mode 0640 (sync, then --force)', async () => {
    const dir = copyExample(ex);
    for (const f of ex.files) fs.chmodSync(path.join(dir, f), 0o640);
    expect((await runCli(['sync', ...D, ...ex.files], dir)).code).toBe(0);
    for (const f of ex.files) expect({ f, mode: (fs.statSync(path.join(dir, f)).mode & 0o7777).toString(8) }).toEqual({ f, mode: '640' });
    const f = ex.files[0];
    fs.writeFileSync(path.join(dir, f), handEdit(read(path.join(dir, f))));
    fs.chmodSync(path.join(dir, f), 0o640);
    expect((await runCli(['sync', '--force', ...D, ...ex.files], dir)).code).toBe(0);
    expect((fs.statSync(path.join(dir, f)).mode & 0o7777).toString(8)).toBe('640');
    expect(tempLeftovers(dir)).toEqual([]);
  });

  describe('--stdin --stdin-filepath', () => {
    test.each(files)('%s: prints the synced text (the other files read from disk) and writes nothing', async (f) => {
      const dir = copyExample(ex);
      for (const x of ex.files) ageFile(path.join(dir, x));
      const before = snapshotDir(dir);
      const r = await runCliWithStdin(['sync', ...D, '--stdin', '--stdin-filepath', f, ...ex.files], dir, read(path.join(ex.dir, f)));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdinReads).toBe(1);
      expect(r.stdout).toBe(expected.get(f));
      expectDirUnchanged(dir, before);
    });

    test.each(files)('%s: the text on stdin wins over the file on disk', async (f) => {
      // The file on disk is stale (the original); stdin holds the synced text: the output is in sync.
      const dir = copyExample(ex);
      const before = snapshotDir(dir);
      const r = await runCliWithStdin(['sync', ...D, '--stdin', '--stdin-filepath', f, ...ex.files], dir, expected.get(f)!);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected.get(f));
      expectDirUnchanged(dir, before);
    });

    test('CRLF on stdin gives CRLF on stdout', async () => {
      const f = ex.files[0];
      const dir = copyExample(ex);
      const r = await runCliWithStdin(
        ['sync', ...D, '--stdin', '--stdin-filepath', f, ...ex.files],
        dir,
        toCrlf(read(path.join(ex.dir, f))),
      );
      expect(r.code).toBe(0);
      expect(bareLineFeeds(r.stdout)).toBe(0);
      expect(r.stdout).toBe(toCrlf(expected.get(f)!));
    });

    test('a hand-edited block on stdin: exit 2 with NMG5001, nothing on stdout, nothing written', async () => {
      const f = ex.files[0];
      const dir = syncedCopy();
      const before = snapshotDir(dir);
      const edited = handEdit(expected.get(f)!);
      const r = await runCliWithStdin(['sync', ...D, '--stdin', '--stdin-filepath', f, ...ex.files], dir, edited);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${f}:${handEditLine(edited)}:1: error NMG5001`);
      expect(r.stdout).toBe('');
      expectDirUnchanged(dir, before);
    });

    test('without --stdin-filepath: exit 2 (NMG5002), nothing on stdout, nothing written', async () => {
      const dir = copyExample(ex);
      const before = snapshotDir(dir);
      const r = await runCliWithStdin(['sync', ...D, '--stdin', ...ex.files], dir, read(path.join(ex.dir, ex.files[0])));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('NMG5002');
      expect(r.stdout).toBe('');
      expectDirUnchanged(dir, before);
    });
  });
});

describe('sync usage', () => {
  test('no files: exit 2', async () => {
    const dir = copyExample(EXAMPLES[0]);
    const r = await runCli(['sync'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  test('--stdin-filepath naming a file that does not exist yet (unsaved editor buffer) works and creates nothing', async () => {
    const ex = EXAMPLES.find((e) => e.files.length === 1) ?? EXAMPLES[0];
    const dir = copyExample(ex);
    const others = ex.files.slice(1);
    const before = snapshotDir(dir);
    const r = await runCliWithStdin(
      ['sync', ...defineArgs(ex.defines), '--stdin', '--stdin-filepath', 'unsaved.c', ...others],
      dir,
      read(path.join(ex.dir, ex.files[0])),
    );
    expect(r.code).toBe(0);
    expect(walkMarkers(r.stdout).text).toBe(read(path.join(ex.dir, ex.files[0])));
    expectDirUnchanged(dir, before);
  });
});
