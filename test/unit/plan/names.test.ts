import * as path from 'path';
import { names, outputPaths, unitIds } from '../../../src/plan/names';

describe('unitIds', () => {
  test.each<[string, { given: string[]; want: string[] }]>([
    ['one file', { given: ['src/mod.c'], want: ['mod'] }],
    ['different names', { given: ['a.c', 'b.c', 'dir/c.c'], want: ['a', 'b', 'c'] }],
    ['the same name in different folders', { given: ['a/mod.c', 'b/mod.c', 'c/mod.c'], want: ['mod', 'mod_1', 'mod_2'] }],
    ['characters that are not C identifier characters', { given: ['my-mod.c', 'x y.c'], want: ['my_mod', 'x_y'] }],
    ['only the last extension is dropped', { given: ['a.b.c'], want: ['a_b'] }],
    ['names that differ only in punctuation', { given: ['a-b.c', 'a_b.c'], want: ['a_b', 'a_b_1'] }],
    ['a name without a stem', { given: ['.c'], want: ['unit'] }],
    ['a name without an extension', { given: ['mod'], want: ['mod'] }],
  ])('%s', (_name, { given, want }) => {
    expect(unitIds(given)).toEqual(want);
  });

  test.each<[string, { given: string[] }]>([
    ['a typical module', { given: ['module.c', 'shapes.c', 'lib/shapes.c'] }],
    ['several collisions', { given: ['a/x.c', 'b/x.c', 'c/x.c', 'x.h.c', 'x-.c'] }],
  ])('ids are unique C identifier fragments: %s', (_name, { given }) => {
    const ids = unitIds(given);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\w+$/);
  });

  // Regression, once a bug (src/plan/names.ts unitIds): the `_N` suffix added to a repeated name can equal
  // another file's own name, so two units get the same id and their generated
  // external symbols (natmodgen_<id>_..., natmodgen_init_<id>) clash at link time.
  test('a suffixed id does not collide with a file named like it', () => {
    const ids = unitIds(['x.c', 'x_1.c', 'sub/x.c']);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('names', () => {
  // Files a.c and a_b.c once gave "duplicate symbol natmodgen_a_b_c" at link time: unit a's
  // table b_c and unit a_b's table c were both natmodgen_a_b_c.
  test('the names of two units never meet, however their parts split at underscores', () => {
    const ids = unitIds(['a.c', 'a_b.c', 'a_b_c.c', 'type_x.c', 'b.c']);
    const words = ['b', 'c', 'b_c', 'c_d', 'x', 'type_x', 'initial', 'x_initial', '_b', 'store_globals', 'f', 'f_g', 'g_x'];
    const seen = new Map<string, string>();
    const add = (symbol: string, what: string) => {
      expect([symbol, seen.get(symbol) ?? what]).toEqual([symbol, what]);
      seen.set(symbol, what);
    };
    for (const id of ids) {
      add(names.unitInit(id), `unitInit ${id}`);
      for (const w of words) {
        add(names.tableStorage(w, id), `storage ${id} ${w}`); // tables, data and objects share the user's one namespace
        add(names.dataInit(w, id), `dataInit ${id} ${w}`);
        add(names.typeStorage(w, id), `static type ${id} ${w}`);
        for (const fn of words) add(names.staticLocal(w, fn, id), `staticLocal ${id} ${fn} ${w}`);
      }
    }
    for (const w of words) {
      add(names.typeStorage(w, undefined), `type ${w}`);
      add(names.typeInit(w), `typeInit ${w}`);
      add(names.tableFill(w), `fill ${w}`);
      add(names.objInit(w), `objInit ${w}`);
      add(names.rootPointer(w), `root ${w}`);
      add(names.globals(w), `globals ${w}`);
    }
  });
});

describe('outputPaths', () => {
  const cwd = process.cwd();
  test.each<[string, { given: string[]; want: string[] }]>([
    ['one file: its name', { given: ['src/mod.c'], want: ['mod.c'] }],
    ['distinct names: names only, folders dropped', { given: ['src/a.c', 'lib/b.c'], want: ['a.c', 'b.c'] }],
    [
      'same names in different folders keep their relative folders',
      { given: ['src/a/mod.c', 'src/b/mod.c'], want: ['a/mod.c', 'b/mod.c'] },
    ],
    [
      'with a shared name, every file keeps its folder relative to the common one',
      { given: ['src/a/mod.c', 'src/b/mod.c', 'src/other.c'], want: ['a/mod.c', 'b/mod.c', 'other.c'] },
    ],
    ['one of them at the common folder', { given: ['mod.c', 'sub/mod.c'], want: ['mod.c', 'sub/mod.c'] }],
    ['deeper folders', { given: ['x/a/b/mod.c', 'x/a/c/d/mod.c'], want: ['b/mod.c', 'c/d/mod.c'] }],
    ['folder names that share a prefix', { given: ['x/ab/m.c', 'x/abc/m.c'], want: ['ab/m.c', 'abc/m.c'] }],
    ['absolute paths from the root', { given: ['/a/x.c', '/b/x.c'], want: ['a/x.c', 'b/x.c'] }],
    [
      'relative and absolute spellings of the same folder',
      { given: ['a/mod.c', path.join(cwd, 'b', 'mod.c')], want: ['a/mod.c', 'b/mod.c'] },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(outputPaths(given)).toEqual(want);
  });

  test('outputs are distinct whenever the inputs are', () => {
    const given = ['p/q/mod.c', 'p/r/mod.c', 'p/q/other.c', 'p/mod.c'];
    const out = outputPaths(given);
    expect(new Set(out).size).toBe(given.length);
    for (const o of out) expect(o).not.toMatch(/^(\/|\.\.)/);
  });
});
