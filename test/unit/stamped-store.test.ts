import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stamped, useStampedStore } from '../../src/stamped-store';

describe('stamped store (results of unchanged files kept across cold starts)', () => {
  let dir: string;
  let input: string;
  let calls: number;
  const compute = () =>
    stamped('test', 'key', (read) => {
      calls++;
      return { text: read(input), missing: read(path.join(dir, 'absent.h')) ?? null };
    });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-stamped-'));
    input = path.join(dir, 'config.h');
    fs.writeFileSync(input, '#define A 1\n');
    calls = 0;
  });
  afterEach(() => {
    useStampedStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('computes every time when no store is set (the library, the tests)', () => {
    compute();
    compute();
    expect(calls).toBe(2);
  });

  it('answers from the store while every file read (and one found missing) keeps its stamp', () => {
    useStampedStore({ dir: path.join(dir, 'cache'), code: 'c1', settledMs: 0 });
    expect(compute()).toEqual({ text: '#define A 1\n', missing: null });
    expect(compute()).toEqual({ text: '#define A 1\n', missing: null });
    expect(calls).toBe(1);
    // Edited: computed again, and the new result kept.
    fs.writeFileSync(input, '#define A 22\n');
    expect(compute().text).toBe('#define A 22\n');
    expect(calls).toBe(2);
    // A file that was missing appears.
    fs.writeFileSync(path.join(dir, 'absent.h'), 'x');
    expect(compute().missing).toBe('x');
    expect(calls).toBe(3);
    compute();
    expect(calls).toBe(3);
  });

  it('does not use a result made by other code, or for another key', () => {
    useStampedStore({ dir: path.join(dir, 'cache'), code: 'c1', settledMs: 0 });
    compute();
    useStampedStore({ dir: path.join(dir, 'cache'), code: 'c2', settledMs: 0 });
    compute();
    expect(calls).toBe(2);
    stamped('test', 'other key', () => calls++);
    expect(calls).toBe(3);
  });

  it('keeps no result that read a file changed within the last seconds (its stamp may not show the next change)', () => {
    useStampedStore({ dir: path.join(dir, 'cache'), code: 'c1' });
    compute();
    compute();
    expect(calls).toBe(2);
    expect(fs.existsSync(path.join(dir, 'cache', 'stamped'))).toBe(false);
  });
});
