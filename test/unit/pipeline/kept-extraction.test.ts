/**
 * analyse (src/pipeline/index.ts) keeps each parsed file's extraction with it: with a parse cache
 * (the language server), a file whose text did not change is not extracted again, unless a file
 * its extraction read (a header, another input) reads differently now. The analysis must be what
 * a fresh one gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyse, SourceInput } from '../../../src/pipeline';
import { ParseCache, withParseCache } from '../../../src/parse/parser';

const DIR = path.join(__dirname, '..', '..', '..', 'examples', 'multifile');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');

/** The analysis as data (sets and maps spelled out), for comparing a kept one with a fresh one. */
const data = (a: ReturnType<typeof analyse>) =>
  JSON.stringify({ models: a.value.models, module: a.value.module, diagnostics: a.diagnostics }, (_k, v: unknown) =>
    v instanceof Set ? [...v] : v instanceof Map ? [...v] : v,
  );

describe('extraction kept with a parsed file', () => {
  const module = { path: path.join(DIR, 'module.c'), text: read('module.c') };
  const shapes = { path: path.join(DIR, 'shapes.c'), text: read('shapes.c') };
  const header = path.join(DIR, 'shapes.h');

  function run(cache: ParseCache, inputs: SourceInput[], headerText: string) {
    const env = {
      includeDirs: [DIR],
      readFile: (f: string) => (f === header ? headerText : fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined),
    };
    return withParseCache(cache, () => analyse(inputs, [], new Map(), undefined, env));
  }

  test('an edit of one file extracts that file again; the other keeps its model', () => {
    const cache = new ParseCache();
    const first = run(cache, [module, shapes], read('shapes.h'));
    const edited = { ...shapes, text: shapes.text.replace('// ', '// edited: ') };
    expect(edited.text).not.toBe(shapes.text);
    const second = run(cache, [module, edited], read('shapes.h'));
    expect(second.value.models[0]).toBe(first.value.models[0]);
    expect(second.value.models[1]).not.toBe(first.value.models[1]);
    expect(data(second)).toBe(data(run(new ParseCache(), [module, edited], read('shapes.h'))));
  });

  test('a header that changed is read again by the files that include it', () => {
    const cache = new ParseCache();
    const first = run(cache, [module, shapes], read('shapes.h'));
    const header2 = read('shapes.h').replace('#endif', '#define NMG_SHAPES_EXTRA 1\n#endif');
    const second = run(cache, [module, shapes], header2);
    expect(second.value.models[0]).not.toBe(first.value.models[0]);
    expect(second.value.models[1]).not.toBe(first.value.models[1]);
    expect(data(second)).toBe(data(run(new ParseCache(), [module, shapes], header2)));
    // The same header again: kept.
    expect(run(cache, [module, shapes], header2).value.models[0]).toBe(second.value.models[0]);
  });

  test('other -D macros or another unit index extract again', () => {
    const cache = new ParseCache();
    const first = run(cache, [module, shapes], read('shapes.h'));
    const swapped = run(cache, [shapes, module], read('shapes.h'));
    expect(swapped.value.models[1]).not.toBe(first.value.models[0]);
    const env = { includeDirs: [DIR], readFile: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined) };
    const defined = withParseCache(cache, () => analyse([shapes, module], ['NMG_X=1'], new Map(), undefined, env));
    expect(defined.value.models[0]).not.toBe(swapped.value.models[0]);
  });
});
