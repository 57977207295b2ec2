import { braceDepths } from '../../../src/extract/context';
import { parseFile } from '../../../src/parse/parser';
import { c } from '../helpers';

/** Each identifier with the brace depth the token stream gives it. */
const depthsOf = (text: string): Array<[string, number]> => {
  const toks = parseFile('t.c', text).tokens;
  const d = braceDepths(toks);
  return toks.flatMap((t, i): Array<[string, number]> => (t.kind === 'ident' ? [[t.text, d[i]]] : []));
};

describe('braceDepths', () => {
  test('nested blocks', () => {
    expect(depthsOf(c('int a;', 'void f(void) {', '    int b;', '    { int c; }', '}', 'int d;'))).toEqual([
      ['int', 0],
      ['a', 0],
      ['void', 0],
      ['f', 0],
      ['void', 0],
      ['int', 1],
      ['b', 1],
      ['int', 2],
      ['c', 2],
      ['int', 0],
      ['d', 0],
    ]);
  });

  test('#if/#else branches that each open the block count once; each branch starts at the #if depth', () => {
    const got = depthsOf(
      c('void f(int x) {', '#if A', '    if (x) {', '#else', '    while (x) {', '#endif', '        x--;', '    }', '}', 'int after;'),
    );
    expect(got.filter(([n]) => n === 'x' || n === 'after')).toEqual([
      ['x', 0],
      ['x', 1],
      ['x', 1],
      ['x', 2],
      ['after', 0],
    ]);
  });

  test('a block opened in one #if and closed in another (split loops) stays balanced', () => {
    const got = depthsOf(
      c('void f(int n) {', '#if D', '    do {', '#endif', '        n--;', '#if D', '    } while (n);', '#endif', '}', 'int after;'),
    );
    expect(got.find(([n]) => n === 'after')).toEqual(['after', 0]);
    expect(got.filter(([n]) => n === 'n').map(([, d]) => d)).toEqual([0, 2, 1]);
  });
});
