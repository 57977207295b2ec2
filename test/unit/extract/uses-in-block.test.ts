import { Cursor } from '../../../src/extract/cursor';
import { declarationsOf, usesInBlock } from '../../../src/extract/scope';
import { enclosingFunction } from '../../../src/extract/declarator';
import { parseFile } from '../../../src/parse/parser';
import { c } from '../helpers';

/**
 * The uses of the object `static MP_DEFINE_STR_OBJ(s, ...)` defines (tree-sitter misreads the
 * statement, so the tokens decide), each as its line number and the text around it.
 */
function uses(...body: string[]): string[] {
  const text = c('static mp_obj_t f(mp_obj_t a) {', ...body.map((l) => `    ${l}`), '}');
  const file = parseFile('t.c', text);
  const cur = new Cursor(file);
  const first = cur.tokens.findIndex((t) => t.text === 'static' && cur.is(cur.tokens.indexOf(t) + 1, 'MP_DEFINE_STR_OBJ'));
  const last = cur.tokens.findIndex((t, k) => k > first && t.text === ';');
  const fn = enclosingFunction(file.tree.rootNode.descendantForIndex(cur.tokens[first].start))!;
  return usesInBlock(cur, first, last, 's', declarationsOf(cur, fn, 's')).map((u) => {
    const line = text.slice(0, u.start).split('\n').length - 1;
    return `${line}: ${text.slice(u.start - 2, u.end + 1)}`;
  });
}

describe('usesInBlock', () => {
  test.each<[string, string[], string[]]>([
    [
      'uses after the definition, in nested blocks too',
      ['static MP_DEFINE_STR_OBJ(s, "x");', 'g(&s);', 'if (a) { g(&s); }'],
      ['2: (&s)', '3: (&s)'],
    ],
    [
      'a nested declaration of the name shadows it to the end of its block',
      ['static MP_DEFINE_STR_OBJ(s, "x");', '{ int s = 1; g(s); }', 'g(&s);'],
      ['3: (&s)'],
    ],
    [
      'a for loop variable of the name shadows it in the loop',
      ['static MP_DEFINE_STR_OBJ(s, "x");', 'for (int s = 0; s < 2; s++) g(s);', 'g(&s);'],
      ['3: (&s)'],
    ],
    [
      'members and labels of the name are other names',
      ['static MP_DEFINE_STR_OBJ(s, "x");', 'p.s = q->s;', 'goto s;', 's: g(&s);'],
      ['4: (&s)'],
    ],
    ['nothing before the definition', ['g(s);', 'static MP_DEFINE_STR_OBJ(s, "x");', 'g(&s);'], ['3: (&s)']],
  ])('%s', (_name, body, want) => {
    expect(uses(...body)).toEqual(want);
  });
});
