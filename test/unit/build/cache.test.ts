import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { archiveSymbols } from '../../../src/build/runtime-helpers';

/** The archive symbol tables natmodgen build keeps between runs (src/build/cache.ts). */
describe('archiveSymbols cache', () => {
  let dir: string;
  const saved = process.env.NATMODGEN_CACHE_DIR;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-cache-test-'));
    process.env.NATMODGEN_CACHE_DIR = path.join(dir, 'cache');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NATMODGEN_CACHE_DIR;
    else process.env.NATMODGEN_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const archive = (fn: string) => {
    fs.writeFileSync(path.join(dir, 'a.c'), `int ${fn}(int x) { return x + 1; }\n`);
    execFileSync('gcc', ['-c', '-o', path.join(dir, 'a.o'), path.join(dir, 'a.c')]);
    const lib = path.join(dir, 'liba.a');
    fs.rmSync(lib, { force: true });
    execFileSync('ar', ['rcs', lib, path.join(dir, 'a.o')]);
    return lib;
  };

  test('the table is stored once, read back, and made again when the archive changes', async () => {
    const lib = archive('first_fn');
    const a = await archiveSymbols('', lib);
    expect(a).toEqual([{ object: 'a.o', name: 'first_fn', type: 'T' }]);
    const entries = fs.readdirSync(path.join(dir, 'cache')).filter((f) => f.startsWith('nm-'));
    expect(entries).toHaveLength(1);
    // an entry is what is read: a second process would see this table without running nm
    const entry = path.join(dir, 'cache', entries[0]);
    expect(JSON.parse(fs.readFileSync(entry, 'utf8'))).toEqual([['a.o', 'first_fn', 'T']]);

    // a rebuilt archive (other size or mtime) is another key
    const later = new Date(Date.now() + 5000);
    archive('second_function');
    fs.utimesSync(lib, later, later);
    expect(await archiveSymbols('', lib)).toEqual([{ object: 'a.o', name: 'second_function', type: 'T' }]);
    expect(fs.readdirSync(path.join(dir, 'cache')).filter((f) => f.startsWith('nm-'))).toHaveLength(2);
  });

  test('NATMODGEN_CACHE_DIR=off reads nm and writes nothing', async () => {
    const lib = archive('third_fn');
    process.env.NATMODGEN_CACHE_DIR = 'off';
    expect(await archiveSymbols('', lib)).toEqual([{ object: 'a.o', name: 'third_fn', type: 'T' }]);
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
  });
});
