import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeIfChanged } from '../../../src/io/write';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-write-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const PAST = new Date('2001-02-03T04:05:06Z');

describe('writeIfChanged', () => {
  test.each<[string, { before: string | undefined; text: string; wrote: boolean }]>([
    ['a new file', { before: undefined, text: 'int x;\n', wrote: true }],
    ['different content', { before: 'int x;\n', text: 'int y;\n', wrote: true }],
    ['the same content', { before: 'int x;\n', text: 'int x;\n', wrote: false }],
    ['an empty file made non-empty', { before: '', text: 'x', wrote: true }],
    ['content emptied', { before: 'x', text: '', wrote: true }],
    ['only a trailing newline differs', { before: 'int x;', text: 'int x;\n', wrote: true }],
  ])('%s', (_name, { before, text, wrote }) => {
    const file = path.join(dir, 'out.c');
    if (before !== undefined) {
      fs.writeFileSync(file, before);
      fs.utimesSync(file, PAST, PAST);
    }
    expect(writeIfChanged(file, text)).toBe(wrote);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    const mtime = fs.statSync(file).mtime.getTime();
    if (wrote) expect(mtime).not.toBe(PAST.getTime());
    else expect(mtime).toBe(PAST.getTime());
  });

  test('unchanged content keeps the file itself (same inode)', () => {
    const file = path.join(dir, 'out.c');
    fs.writeFileSync(file, 'same');
    const ino = fs.statSync(file).ino;
    expect(writeIfChanged(file, 'same')).toBe(false);
    expect(fs.statSync(file).ino).toBe(ino);
  });

  test.each<[string, { mode: number }]>([
    ['read-only for others', { mode: 0o640 }],
    ['executable', { mode: 0o755 }],
    ['owner only', { mode: 0o600 }],
  ])('keeps the mode of an existing file: %s', (_name, { mode }) => {
    const file = path.join(dir, 'out.c');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, mode);
    expect(writeIfChanged(file, 'new')).toBe(true);
    expect(fs.statSync(file).mode & 0o7777).toBe(mode);
  });

  test('creates missing folders', () => {
    const file = path.join(dir, 'a', 'b', 'out.c');
    expect(writeIfChanged(file, 'x')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  test('atomic: the old file is replaced by a rename, and no temporary file is left', () => {
    const file = path.join(dir, 'out.c');
    fs.writeFileSync(file, 'old');
    // A reader holding the old file keeps seeing the whole old content.
    const fd = fs.openSync(file, 'r');
    try {
      expect(writeIfChanged(file, 'new content')).toBe(true);
      const buf = Buffer.alloc(64);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      expect(buf.subarray(0, n).toString()).toBe('old');
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('new content');
    expect(fs.readdirSync(dir)).toEqual(['out.c']);
  });

  test('no temporary file is left after writing a new file or an unchanged one', () => {
    const file = path.join(dir, 'out.c');
    writeIfChanged(file, 'a');
    writeIfChanged(file, 'a');
    writeIfChanged(file, 'b');
    expect(fs.readdirSync(dir)).toEqual(['out.c']);
  });

  test('other files in the folder are untouched', () => {
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'keep');
    writeIfChanged(path.join(dir, 'out.c'), 'x');
    expect(fs.readdirSync(dir).sort()).toEqual(['keep.txt', 'out.c']);
    expect(fs.readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('keep');
  });
});
