/** writeIfChanged (src/io/write.ts), which `natmodgen sync` writes through. */
import * as fs from 'fs';
import * as path from 'path';
import { writeIfChanged } from '../../src/io/write';
import { ageFile, OLD_TIME, tempDir, tempLeftovers, removeTempDirs } from './helpers';

afterAll(removeTempDirs);

describe('writeIfChanged', () => {
  test('same text: returns false and leaves the file alone (mtime, inode kept)', () => {
    const dir = tempDir('write');
    const f = path.join(dir, 'a.c');
    fs.writeFileSync(f, 'int x;\n');
    ageFile(f);
    const before = fs.statSync(f);
    expect(writeIfChanged(f, 'int x;\n')).toBe(false);
    const after = fs.statSync(f);
    expect(after.mtimeMs).toBe(OLD_TIME.getTime());
    expect(after.ino).toBe(before.ino);
    expect(fs.readdirSync(dir)).toEqual(['a.c']);
  });

  test('new text: returns true, replaces the file through a rename (new inode), no temp file left', () => {
    const dir = tempDir('write');
    const f = path.join(dir, 'a.c');
    fs.writeFileSync(f, 'int x;\n');
    ageFile(f);
    const before = fs.statSync(f);
    expect(writeIfChanged(f, 'int y;\r\n')).toBe(true);
    const after = fs.statSync(f);
    expect(fs.readFileSync(f, 'utf8')).toBe('int y;\r\n');
    expect(after.mtimeMs).not.toBe(OLD_TIME.getTime());
    // A rename of a complete temp file over the old one: readers see the old or the new file, never half.
    expect(after.ino).not.toBe(before.ino);
    expect(tempLeftovers(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['a.c']);
  });

  test.each(['640', '600', '755', '444'])('keeps mode %s', (octal) => {
    const mode = parseInt(octal, 8);
    const dir = tempDir('write');
    const f = path.join(dir, 'a.c');
    fs.writeFileSync(f, 'int x;\n');
    fs.chmodSync(f, mode);
    expect(writeIfChanged(f, 'int y;\n')).toBe(true);
    expect((fs.statSync(f).mode & 0o7777).toString(8)).toBe(mode.toString(8));
    expect(fs.readFileSync(f, 'utf8')).toBe('int y;\n');
  });

  test('a file that does not exist yet is created (with its folder)', () => {
    const dir = tempDir('write');
    const f = path.join(dir, 'sub', 'new.c');
    expect(writeIfChanged(f, 'int z;\n')).toBe(true);
    expect(fs.readFileSync(f, 'utf8')).toBe('int z;\n');
  });
});
