/**
 * `natmodgen sync` on every example, through src/sync directly: what it adds is only whole
 * lines between natmodgen markers (checked by an independent line walk and by `unsync`),
 * running it again changes nothing, and every generated line is covered by the checksum.
 */
import * as fs from 'fs';
import * as path from 'path';
import { syncSources, SyncedFile } from '../../src/pipeline/sync';
import { unsync } from '../../src/sync/unsync';
import { examples, walkMarkers } from './helpers';

const EXAMPLES = examples();

test('examples/ holds examples to sync', () => {
  expect(EXAMPLES.length).toBeGreaterThan(0);
  for (const ex of EXAMPLES) expect(ex.files.length).toBeGreaterThan(0);
});

describe.each(EXAMPLES.map((ex) => [ex.name, ex] as const))('sync examples/%s', (_name, ex) => {
  const inputs = ex.files.map((f) => ({ path: path.join(ex.dir, f), text: fs.readFileSync(path.join(ex.dir, f), 'utf8') }));
  const original = new Map(inputs.map((i) => [i.path, i.text]));
  const result = syncSources(inputs, { defines: ex.defines, force: false });
  const synced: SyncedFile[] = result.value;
  const cases = synced.map((f) => [path.basename(f.path), f] as const);

  test('syncs without errors, one output per input, in order, all changed', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(synced.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
    for (const f of synced) expect(f.changed).toBe(true);
  });

  test.each(cases)('%s: unsync gives back the original exactly', (_f, f) => {
    const u = unsync(f.text);
    expect(u.text).toBe(original.get(f.path));
    expect(u.synced).toBe(true);
    expect(u.storedSum).toMatch(/^[0-9a-f]{12}( [0-9a-f]{12})*$/);
    expect(u.actualSum).toBe(u.storedSum);
  });

  test.each(cases)('%s: every generated line sits between natmodgen markers (independent line walk)', (_f, f) => {
    const w = walkMarkers(f.text);
    expect(w.problems).toEqual([]);
    expect(w.text).toBe(original.get(f.path));
    // One prelude and one tail per file; every original side has its natmod side; each block has its checksum.
    expect(w.blocks.prelude).toBe(1);
    expect(w.blocks.tail).toBe(1);
    expect(w.blocks.natmod).toBe(w.blocks.original);
    expect(w.sums.join(' ')).toEqual(unsync(f.text).storedSum);
    expect(w.firstMarker).toBe(unsync(f.text).markerLine);
  });

  test.each(cases)('%s: the result ends with one line feed and has no CR (LF input)', (_f, f) => {
    expect(f.text.endsWith('\n')).toBe(true);
    expect(f.text.endsWith('\n\n')).toBe(false);
    expect(f.text).not.toContain('\r');
  });

  test('a second sync gives the same bytes and reports nothing changed', () => {
    const again = syncSources(
      synced.map((f) => ({ path: f.path, text: f.text })),
      { defines: ex.defines, force: false },
    );
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.value.map((f) => f.text)).toEqual(synced.map((f) => f.text));
    expect(again.value.map((f) => f.changed)).toEqual(synced.map(() => false));
  });

  if (inputs.length > 1) {
    test.each(inputs.map((i, k) => [path.basename(i.path), k] as const))('with only %s synced before, the result is the same', (_f, k) => {
      const mixed = inputs.map((i, j) => ({ path: i.path, text: j === k ? synced[j].text : i.text }));
      const r = syncSources(mixed, { defines: ex.defines, force: false });
      expect(r.value.map((f) => f.text)).toEqual(synced.map((f) => f.text));
      expect(r.value.map((f) => f.changed)).toEqual(inputs.map((_i, j) => j !== k));
    });
  }

  test.each(cases)('%s: unsync of the original leaves it alone and says it was not synced', (_f, f) => {
    const u = unsync(original.get(f.path)!);
    expect(u.text).toBe(original.get(f.path));
    expect(u.synced).toBe(false);
    expect(u.markerLine).toBeUndefined();
  });

  test.each(cases)('%s: the checksum covers every generated line (changing any one of them is detected)', (_f, f) => {
    const lines = f.text.split('\n');
    const w = walkMarkers(f.text);
    const markerRe = /natmodgen:(begin|insert|mpy_init|original|natmod|end)\b/;
    const content = w.generatedLines.filter((n) => !markerRe.test(lines[n - 1]));
    expect(content.length).toBeGreaterThan(0);
    const undetected = content.filter((n) => {
      const edited = [...lines];
      edited[n - 1] = `${edited[n - 1]} /* edited */`;
      const u = unsync(edited.join('\n'));
      return u.actualSum === u.storedSum;
    });
    expect(undetected).toEqual([]);
  });

  test.each(cases)('%s: a changed checksum in an end marker is detected', (_f, f) => {
    const u = unsync(
      f.text.replace(/natmodgen:end ([0-9a-f]{12})/, (_m, s: string) => `natmodgen:end ${s.startsWith('0') ? '1' : '0'}${s.slice(1)}`),
    );
    expect(u.actualSum).not.toBe(u.storedSum);
  });

  test.each(cases)('%s: editing the original side is not a hand edit of generated lines', (_f, f) => {
    const w = walkMarkers(f.text);
    if (w.blocks.original === 0) return;
    const lines = f.text.split('\n');
    const at = lines.findIndex((l) => l.includes('natmodgen:original')) + 1; // first line of the original side
    lines.splice(at, 0, '// a note the user added');
    const u = unsync(lines.join('\n'));
    expect(u.actualSum).toBe(u.storedSum);
    expect(u.text).toContain('// a note the user added');
  });
});
