// Outside a parse cache, parseFile keeps its last parses until the event loop next turns
// (src/parse/parser.ts, thisTurn): a loop that converts without yielding cannot free a tree
// (node-tree-sitter frees them from the event loop), so the same text of the same file parsed
// again in that loop must give back the same parse, and what is converted from it must be what a
// fresh parse gives. Once the loop turns, the parses must be dropped.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { parseFile } from '../../../src/parse/parser';
import { generate } from '../../../src/pipeline';
import { repoRoot } from '../../support/cases';

const file = path.join(repoRoot, 'examples', 'conditional', 'conditional.c');
const text = fs.readFileSync(file, 'utf8');
const turn = () => new Promise((r) => setImmediate(r));

describe('parses kept until the event loop turns', () => {
  test('the same text of the same file gives back the same parse in one turn, not after it', async () => {
    await turn();
    const first = parseFile('a.c', text);
    expect(parseFile('a.c', text)).toBe(first);
    // another file, or another text of this one, is parsed
    const other = parseFile('b.c', text);
    expect(other).not.toBe(first);
    expect(other.tokens).toEqual(first.tokens);
    const edited = parseFile('a.c', `${text}\n`);
    expect(edited).not.toBe(first);
    expect(parseFile('a.c', `${text}\n`)).toBe(edited);
    await turn();
    expect(parseFile('a.c', `${text}\n`)).not.toBe(edited);
  });

  test('conversions in one turn, with other defines in between, are those of separate turns', async () => {
    const gen = (defines: string[]) => generate([{ path: file, text }], { defines, outDir: 'out' });
    const settings = [[], ['NMG_COND_ENABLE_MATH=0'], ['NMG_COND_LEVEL=3', 'NMG_COND_LEGACY_API'], []];
    const apart: unknown[] = [];
    for (const d of settings) {
      await turn();
      apart.push(gen(d));
    }
    await turn();
    const together = settings.map(gen);
    expect(together).toEqual(apart);
    // the settings do change the output, so the comparison above tells them apart
    expect(apart[1]).not.toEqual(apart[0]);
    expect(apart[2]).not.toEqual(apart[0]);
  });

  test('a parse is not kept alive once the event loop has turned', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    await turn();
    const first = new WeakRef(parseFile('gc.c', text));
    expect(parseFile('gc.c', text)).toBe(first.deref());
    for (let k = 0; k < 3; k++) {
      await turn();
      gc();
    }
    expect(first.deref()).toBeUndefined();
  });
});
