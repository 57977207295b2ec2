/**
 * Every query in grammar-queries/ compiles, and captures exactly what its fixtures mark.
 *
 * Fixtures live in fixtures/<query>.c (and fixtures/<query>--<case>.c). A marker line
 * is a comment that points at the nearest code line above it:
 *
 *     static MP_DEFINE_CONST_FUN_OBJ_2(f_obj, f);
 *     //     ^ fun_obj.macro
 *     MP_REGISTER_MODULE(MP_QSTR_m, m_module);
 *     // <- registration.macro
 *
 * `^ names...` marks the column of the caret; `<- names...` marks the column where the
 * comment starts. Several carets may share a line, several names may follow a caret.
 * The query must capture a node starting at every mark, with that capture name, and
 * nothing else. A fixture whose first line is `// test.failing: <why>` documents a known
 * bug and runs as test.failing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { C, Parser } from '../../../src/parse/native';
import { parseFile } from '../../../src/parse/parser';
import { loadQuery, QUERY_DIR, queryNames } from '../../../src/parse/queries';

const FIXTURES = path.join(__dirname, 'fixtures');

interface Mark {
  line: number;
  col: number;
  capture: string;
}

const key = (m: Mark): string => `${m.line}:${m.col} ${m.capture}`;

/** Marks in a fixture; line/col are 1-based line, 0-based column (tree-sitter's column). */
function readMarks(text: string): Mark[] {
  const out: Mark[] = [];
  let codeLine = 0;
  text.split('\n').forEach((line, row) => {
    const m = /^(\s*)\/\/\s*(\^|<-)/.exec(line);
    if (!m) {
      codeLine = row + 1;
      return;
    }
    if (codeLine === 0) throw new Error(`marker on line ${row + 1} has no code line above it`);
    if (m[2] === '<-') {
      for (const capture of line
        .slice(line.indexOf('<-') + 2)
        .trim()
        .split(/\s+/))
        out.push({ line: codeLine, col: m[1].length, capture });
      return;
    }
    const re = /\^((?:[ \t]+[\w.]+)+)/g;
    for (let mm = re.exec(line); mm; mm = re.exec(line)) {
      for (const capture of mm[1].trim().split(/\s+/)) out.push({ line: codeLine, col: mm.index, capture });
    }
  });
  return out;
}

function captured(query: string, file: string, text: string): Mark[] {
  const tree = parseFile(file, text).tree;
  return loadQuery(query)
    .captures(tree.rootNode)
    .map((c) => ({ line: c.node.startPosition.row + 1, col: c.node.startPosition.column, capture: c.name }));
}

/** `@name` captures a query declares (node-tree-sitter does not expose them). */
function captureNames(query: string): Set<string> {
  const text = fs.readFileSync(path.join(QUERY_DIR, `${query}.scm`), 'utf8').replace(/;.*$/gm, '');
  return new Set([...text.matchAll(/@([\w.]+)/g)].map((m) => m[1]));
}

const fixtureFiles = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.c'))
  .sort();
const queryOf = (fixture: string): string => fixture.replace(/(--[\w-]+)?\.c$/, '');

describe('grammar-queries', () => {
  test('there are queries', () => {
    expect(queryNames().length).toBeGreaterThan(0);
  });

  test.each(queryNames().map((q) => [q]))('%s.scm compiles against the C grammar', (q) => {
    const text = fs.readFileSync(path.join(QUERY_DIR, `${q}.scm`), 'utf8');
    expect(() => new Parser.Query(C as never, text)).not.toThrow();
    expect(captureNames(q).size).toBeGreaterThan(0);
  });

  test.each(queryNames().map((q) => [q]))('%s has a fixture', (q) => {
    expect(fixtureFiles).toContain(`${q}.c`);
  });

  test.each(fixtureFiles.map((f) => [f]))('fixture %s belongs to a query and marks only its capture names', (f) => {
    const q = queryOf(f);
    expect(queryNames()).toContain(q);
    const names = captureNames(q);
    const marks = readMarks(fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.map((m) => m.capture).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe('query captures match the fixture marks', () => {
  for (const f of fixtureFiles) {
    const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
    const failing = /^\/\/ test\.failing:/.test(text);
    (failing ? test.failing : test)(`${f}${failing ? ' (known bug, see the fixture header)' : ''}`, () => {
      const want = readMarks(text).map(key).sort();
      const got = captured(queryOf(f), f, text).map(key).sort();
      expect(got).toEqual(want);
    });
  }
});

describe('readMarks (the fixture format itself)', () => {
  test.each<[string, { given: string; want: string[] }]>([
    ['a caret under the code line above', { given: 'static F(x);\n//     ^ a.b\n', want: ['1:7 a.b'] }],
    ['an arrow marks the comment start column', { given: 'F(x);\n// <- a\n', want: ['1:0 a'] }],
    ['an indented arrow', { given: '    F(x);\n    // <- a\n', want: ['1:4 a'] }],
    ['two carets on a line', { given: 'F(x); G(y);\n//    ^ a ^ b\n', want: ['1:6 a', '1:10 b'] }],
    ['two names on one caret', { given: 'static F(x);\n//  ^ a b\n', want: ['1:4 a', '1:4 b'] }],
    ['consecutive marker lines point at the same code line', { given: 'x y;\n// <- a\n//^ b\n', want: ['1:0 a', '1:2 b'] }],
    ['ordinary comments are code lines', { given: 'x;\n// plain\n//^ a\n', want: ['2:2 a'] }],
  ])('%s', (_name, { given, want }) => {
    expect(readMarks(given).map(key)).toEqual(want);
  });
});
