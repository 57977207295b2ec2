import * as fs from 'fs';
import * as path from 'path';
import { lexPP, PPToken } from '../../../src/preprocess/lexer';
import { preprocess } from '../../../src/preprocess';

/** The tokens of directive lines in the whole list: from a `#` first on its line up to the next line's first token. */
function directiveLines(all: PPToken[]): PPToken[] {
  const out: PPToken[] = [];
  let inside = false;
  for (const t of all) {
    if (t.bol) inside = t.text === '#';
    if (inside) out.push(t);
  }
  return out;
}

function cFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...cFiles(p));
    else if (/\.[ch]$/.test(e.name)) out.push(p);
  }
  return out;
}

const ROOT = path.join(__dirname, '..', '..', '..');
const files = [...cFiles(path.join(ROOT, 'examples')), ...cFiles(path.join(ROOT, 'test', 'hostile', 'fixtures'))];

describe('lexPP(text, directivesOnly): the directive lines of the whole token list', () => {
  test('the repository has C files to compare on', () => expect(files.length).toBeGreaterThan(20));

  test.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', (_rel, file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(lexPP(text, true)).toEqual(directiveLines(lexPP(text)));
  });

  test.each<[string, string]>([
    ['a comment spanning lines before a #', '/* a\n b */ #define X 1\nint y;\n'],
    ['a comment from code onto the next line', 'int a; /* x\n #define NOT 1 */ #define NOT2 2\n#define Y 2\n'],
    ['an #include with nothing after it, then a comparison', '#include\nx < "/*" > y;\n#define Z 1\n'],
    ['an #include with nothing after it, then a comment after a <', '#include\nx < b /* c > d\n#define Q */\n#define R\n'],
    ['## first on a line', '## a\n#define S 1\n'],
    ['a digraph %: first on a line', '%:define T 1\n#define U 2\n'],
    ['a string with // and /*', 'char *s = "// /*";\n#define V 1\n'],
    ['an unterminated char literal', "int x = 'a;\n#define W 1\n"],
    ['a digit separator', "int n = 1'000;\n#define X2 1\n"],
    ['line splices', '#define LONG a \\\n  b\nint c \\\n = 1;\n  #  if A\n#endif\n'],
    ['CR and CRLF line ends', 'int a;\r#define B 1\r\nint c;\r\n#define D 2'],
    ['a # inside code', 'x = a # b;\n#define E\n'],
    ['the end of the text on a directive', 'int a;\n#endif'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(lexPP(text, true)).toEqual(directiveLines(lexPP(text)));
  });

  test('the preprocessor still gives every token of the main file', () => {
    const text = '#define A 1\nint x = A;\n#if A\nint y;\n#endif\n';
    expect(preprocess('m.c', text).tokens).toEqual(lexPP(text));
  });
});
