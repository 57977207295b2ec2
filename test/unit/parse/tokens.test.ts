import { parseFile } from '../../../src/parse/parser';
import { parseDirective, TokenKind } from '../../../src/parse/tokens';

type Tok = [TokenKind, string];

const tokens = (text: string): Tok[] => parseFile('t.c', text).tokens.map((t) => [t.kind, t.text]);

describe('tokenize', () => {
  test.each<[string, { given: string; want: Tok[] }]>([
    [
      'a declaration: no whitespace tokens, one token per lexeme',
      {
        given: 'int  x\t=\n 3 ;',
        want: [
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', '='],
          ['number', '3'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'comments are dropped, line and block',
      {
        given: 'int /* a */ x; // b\n/* c\n d */',
        want: [
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a string literal is one token, even with commas, comment markers and escapes inside',
      {
        given: 'const char *s = "a, b /* c */ // d \\" e";',
        want: [
          ['ident', 'const'],
          ['ident', 'char'],
          ['punct', '*'],
          ['ident', 's'],
          ['punct', '='],
          ['string', '"a, b /* c */ // d \\" e"'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'adjacent string literals are one token',
      {
        given: 'const char *s = "a" "b";',
        want: [
          ['ident', 'const'],
          ['ident', 'char'],
          ['punct', '*'],
          ['ident', 's'],
          ['punct', '='],
          ['string', '"a" "b"'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a char literal is one token',
      {
        given: "char c = ',';",
        want: [
          ['ident', 'char'],
          ['ident', 'c'],
          ['punct', '='],
          ['char', "','"],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a number with a suffix is one token',
      {
        given: 'long n = 0x10UL;',
        want: [
          ['ident', 'long'],
          ['ident', 'n'],
          ['punct', '='],
          ['number', '0x10UL'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'multi-character operators are one token',
      {
        given: 'int f(int a) { return a >= 1 && a != 2; }',
        want: [
          ['ident', 'int'],
          ['ident', 'f'],
          ['punct', '('],
          ['ident', 'int'],
          ['ident', 'a'],
          ['punct', ')'],
          ['punct', '{'],
          ['ident', 'return'],
          ['ident', 'a'],
          ['punct', '>='],
          ['number', '1'],
          ['punct', '&&'],
          ['ident', 'a'],
          ['punct', '!='],
          ['number', '2'],
          ['punct', ';'],
          ['punct', '}'],
        ],
      },
    ],
    [
      'a directive is one token for the logical line',
      {
        given: '#include "py/runtime.h"\nint x;',
        want: [
          ['directive', '#include "py/runtime.h"'],
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'backslash continuation keeps a directive in one token',
      {
        given: '#define M(a) \\\n    ((a) + 1)\nint x;',
        want: [
          ['directive', '#define M(a) \\\n    ((a) + 1)'],
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a continued #if condition is one token',
      {
        given: '#if A && \\\n    B\nint x;\n#endif',
        want: [
          ['directive', '#if A && \\\n    B'],
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
          ['directive', '#endif'],
        ],
      },
    ],
    [
      'CRLF line ends: the directive stops before the carriage return',
      {
        given: '#if A\r\nint x;\r\n#endif\r\n',
        want: [
          ['directive', '#if A'],
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
          ['directive', '#endif'],
        ],
      },
    ],
    [
      'CRLF continuation',
      {
        given: '#define M \\\r\n  1\r\nint x;\r\n',
        want: [
          ['directive', '#define M \\\r\n  1'],
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a trailing comment stays in the directive token text',
      {
        given: '#ifdef X // why\n#endif',
        want: [
          ['directive', '#ifdef X // why'],
          ['directive', '#endif'],
        ],
      },
    ],
    [
      'indented directives and space after #',
      {
        given: '  #  if X\nint y;\n  # endif',
        want: [
          ['directive', '#  if X'],
          ['ident', 'int'],
          ['ident', 'y'],
          ['punct', ';'],
          ['directive', '# endif'],
        ],
      },
    ],
    [
      'directives inside an initializer list are still one token each',
      {
        given: 'int t[] = {\n 1,\n #if A\n 2,\n #endif\n};',
        want: [
          ['ident', 'int'],
          ['ident', 't'],
          ['punct', '['],
          ['punct', ']'],
          ['punct', '='],
          ['punct', '{'],
          ['number', '1'],
          ['punct', ','],
          ['directive', '#if A'],
          ['number', '2'],
          ['punct', ','],
          ['directive', '#endif'],
          ['punct', '}'],
          ['punct', ';'],
        ],
      },
    ],
    [
      'a directive at the end of a file without a newline',
      {
        given: 'int x;\n#endif',
        want: [
          ['ident', 'int'],
          ['ident', 'x'],
          ['punct', ';'],
          ['directive', '#endif'],
        ],
      },
    ],
    [
      'the stringizing # in a macro body stays in its directive',
      {
        given: '#define S(x) #x\nint y;',
        want: [
          ['directive', '#define S(x) #x'],
          ['ident', 'int'],
          ['ident', 'y'],
          ['punct', ';'],
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(tokens(given)).toEqual(want);
  });

  // tree-sitter's error recovery reads `#include "l.h"` and the next lines inside an initialiser as
  // one concatenated_string: the directive line ends the include, the next line is the file's.
  test('a directive after an #include inside an initialiser is a directive of its own', () => {
    const text = 'static const mp_rom_map_elem_t t[] = {\n#include "l.h"\n#define F {\n};\n';
    expect(parseFile('t.c', text).tokens.map((t) => [t.kind, t.text])).toEqual([
      ['ident', 'static'],
      ['ident', 'const'],
      ['ident', 'mp_rom_map_elem_t'],
      ['ident', 't'],
      ['punct', '['],
      ['punct', ']'],
      ['punct', '='],
      ['punct', '{'],
      ['directive', '#include "l.h"'],
      ['directive', '#define F {'],
      ['punct', '}'],
      ['punct', ';'],
    ]);
  });

  test('offsets slice the token text out of the source', () => {
    const text = '#if A \\\n && B\nstatic const char *s = "x";\n#endif\n';
    for (const t of parseFile('t.c', text).tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test('tokens come in source order without overlap', () => {
    const text =
      'static const mp_rom_map_elem_t t[] = {\n #if A\n { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },\n #endif\n};\nMP_REGISTER_MODULE(MP_QSTR_m, m);\n';
    const toks = parseFile('t.c', text).tokens;
    for (let i = 1; i < toks.length; i++) expect(toks[i].start).toBeGreaterThanOrEqual(toks[i - 1].end);
  });

  test('directive tokens carry the parsed keyword and argument', () => {
    const toks = parseFile('t.c', '#if A /* x */ && \\\n B // y\n#endif\n').tokens;
    expect(toks.map((t) => t.directive)).toEqual([
      { keyword: 'if', arg: expect.stringMatching(/^A\s+&&\s+B$/) },
      { keyword: 'endif', arg: '' },
    ]);
  });

  // Regression, once a bug (src/parse/tokens.ts): a block comment that runs over a newline continues the
  // directive (C translation phase 3 replaces the comment by one space before directives
  // are read), but the directive token ends at the first newline. `&& B` then leaks into
  // the code tokens and the condition reads as `A` alone, so the liveness and #if
  // conditions computed from it are wrong.
  test('a block comment spanning lines stays inside the directive', () => {
    const toks = parseFile('t.c', '#if A /* first\n second */ && B\nint x;\n#endif\n').tokens;
    expect(toks[0].kind).toBe('directive');
    expect(toks[0].directive?.arg).toMatch(/^A\s+&&\s+B$/);
    expect(toks.slice(1).map((t) => t.text)).toEqual(['int', 'x', ';', '#endif']);
  });
});

describe('parseDirective', () => {
  test.each<[string, { given: string; want: { keyword: string; arg: string } }]>([
    ['#if with an expression', { given: '#if defined(A) && B > 1', want: { keyword: 'if', arg: 'defined(A) && B > 1' } }],
    ['space between # and keyword', { given: '#  ifdef   FOO  ', want: { keyword: 'ifdef', arg: 'FOO' } }],
    ['line comment stripped', { given: '#ifndef FOO // not yet', want: { keyword: 'ifndef', arg: 'FOO' } }],
    ['block comment stripped (becomes a space)', { given: '#if A/* x */B', want: { keyword: 'if', arg: 'A B' } }],
    ['several block comments', { given: '#elif /* a */ X /* b */ || Y /* c */', want: { keyword: 'elif', arg: 'X || Y' } }],
    ['continuation lines joined', { given: '#if A && \\\n    B', want: { keyword: 'if', arg: 'A && B' } }],
    ['CRLF continuation joined', { given: '#if A && \\\r\n B', want: { keyword: 'if', arg: 'A && B' } }],
    ['comment markers inside a string are kept', { given: '#include "a//b.h" // c', want: { keyword: 'include', arg: '"a//b.h"' } }],
    ['block comment markers inside a string are kept', { given: '#define S "/* no */"', want: { keyword: 'define', arg: 'S "/* no */"' } }],
    ['escaped quote inside a string', { given: '#define Q "a\\"//b" // c', want: { keyword: 'define', arg: 'Q "a\\"//b"' } }],
    ['char literal with a slash', { given: "#define C '/' // c", want: { keyword: 'define', arg: "C '/'" } }],
    ['system include', { given: '#include <string.h>', want: { keyword: 'include', arg: '<string.h>' } }],
    ['#else and #endif have empty arguments', { given: '#else // A', want: { keyword: 'else', arg: '' } }],
    ['#endif with a comment', { given: '#endif /* A */', want: { keyword: 'endif', arg: '' } }],
    ['the null directive', { given: '#', want: { keyword: '', arg: '' } }],
    ['an unterminated block comment drops the rest', { given: '#if A /* open', want: { keyword: 'if', arg: 'A' } }],
  ])('%s', (_name, { given, want }) => {
    // Runs of spaces left where comments and continuations were are not significant.
    const got = parseDirective(given);
    expect({ keyword: got.keyword, arg: got.arg.replace(/\s+/g, ' ') }).toEqual(want);
    expect(got.arg).toBe(got.arg.trim());
  });
});
