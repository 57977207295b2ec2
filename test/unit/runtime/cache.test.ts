// The build's cache of runtime/ facts (src/runtime/cache.ts): it must give what computing
// gives, and only for the files it was made from.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeRuntimeIndex, encodeRuntimeIndex, indexRuntimeDir } from '../../../src/runtime';
import {
  codeStamp,
  defaultRuntimeDir,
  fromRuntimeCache,
  RUNTIME_CACHE_VERSION,
  runtimeCacheFile,
  runtimeFilesHash,
  statStamp,
} from '../../../src/runtime/cache';
import { readRuntimeLibrary } from '../../../src/facts/runtime-lib';

const roundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

describe('runtime cache', () => {
  test('the index and the library survive the JSON round trip unchanged', () => {
    const dir = defaultRuntimeDir();
    const index = indexRuntimeDir(dir);
    expect(decodeRuntimeIndex(roundTrip(encodeRuntimeIndex(index)) as never)).toEqual(index);
    const lib = readRuntimeLibrary(dir);
    expect(new Map(roundTrip([...lib]) as never)).toEqual(lib);
  });

  test('the hash follows every file: content, name, a new file, a file in a subfolder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-rtcache-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.c'), 'int a(void) { return 1; }\n');
      const h0 = runtimeFilesHash(dir);
      expect(runtimeFilesHash(dir)).toBe(h0);
      fs.writeFileSync(path.join(dir, 'a.c'), 'int a(void) { return 2; }\n');
      const h1 = runtimeFilesHash(dir);
      expect(h1).not.toBe(h0);
      fs.renameSync(path.join(dir, 'a.c'), path.join(dir, 'b.c'));
      const h2 = runtimeFilesHash(dir);
      expect(h2).not.toBe(h1);
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'c.h'), '#define C 1\n');
      expect(runtimeFilesHash(dir)).not.toBe(h2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the stat stamp follows a file's size, modification time and name, and a new file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-rtstat-'));
    try {
      const a = path.join(dir, 'a.c');
      fs.writeFileSync(a, 'int a(void) { return 1; }\n');
      fs.utimesSync(a, 1000, 1000);
      const s0 = statStamp(dir);
      expect(s0).toBeDefined();
      expect(statStamp(dir)).toBe(s0);
      fs.utimesSync(a, 1000, 2000);
      const s1 = statStamp(dir);
      expect(s1).not.toBe(s0);
      fs.writeFileSync(a, 'int a(void) { return 10; }\n');
      fs.utimesSync(a, 1000, 2000);
      const s2 = statStamp(dir);
      expect(s2).not.toBe(s1);
      fs.renameSync(a, path.join(dir, 'b.c'));
      const s3 = statStamp(dir);
      expect(s3).not.toBe(s2);
      fs.writeFileSync(path.join(dir, 'c.h'), '#define C 1\n');
      expect(statStamp(dir)).not.toBe(s3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('another folder than the package runtime/ is always computed', () => {
    let computed = 0;
    const v = fromRuntimeCache(
      'index',
      os.tmpdir(),
      () => ++computed,
      () => -1,
    );
    expect(v).toBe(1);
    expect(computed).toBe(1);
  });

  test('code running from src/ (ts-jest) never reads the cache, even for the package runtime/', () => {
    let computed = 0;
    fromRuntimeCache(
      'index',
      defaultRuntimeDir(),
      () => ++computed,
      () => -1,
    );
    expect(computed).toBe(1);
  });

  test("the build's cache, when it matches runtime/, holds what computing gives", () => {
    const file = runtimeCacheFile();
    if (!fs.existsSync(file)) {
      console.warn(`SKIPPED: no ${file} (npm run build writes it)`);
      return;
    }
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; hash: string; code: string; values: Record<string, unknown> };
    expect(c.version).toBe(RUNTIME_CACHE_VERSION);
    if (c.hash !== runtimeFilesHash(defaultRuntimeDir()) || c.code !== codeStamp()) {
      console.warn(`SKIPPED: ${file} is from other runtime/ files or other code (stale build; it is not used)`);
      return;
    }
    const dir = defaultRuntimeDir();
    expect(decodeRuntimeIndex(c.values.index as never)).toEqual(indexRuntimeDir(dir));
    expect(new Map(c.values.library as never)).toEqual(readRuntimeLibrary(dir));
  });
});
