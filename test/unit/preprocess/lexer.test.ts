import { lexPP } from '../../../src/preprocess/lexer';

type Case = [string, { given: string; want: Array<[string, number, number]> }];

/** Each token as [text, start, end] so offsets into the original text are checked too. */
const toks = (s: string) => lexPP(s).map((t) => [t.text, t.start, t.end] as [string, number, number]);

describe('lexPP: tokens and offsets', () => {
  test.each<Case>([
    [
      'identifiers and punctuators',
      {
        given: 'a->b += 1;',
        want: [
          ['a', 0, 1],
          ['->', 1, 3],
          ['b', 3, 4],
          ['+=', 5, 7],
          ['1', 8, 9],
          [';', 9, 10],
        ],
      },
    ],
    [
      'line comment dropped',
      {
        given: 'x // y z\nw',
        want: [
          ['x', 0, 1],
          ['w', 9, 10],
        ],
      },
    ],
    [
      'block comment across lines dropped',
      {
        given: 'x /* a\r\n b */ y',
        want: [
          ['x', 0, 1],
          ['y', 14, 15],
        ],
      },
    ],
    ['backslash-newline inside an identifier', { given: 'ab\\\ncd', want: [['abcd', 0, 6]] }],
    [
      'backslash-CRLF splice',
      {
        given: 'ab\\\r\ncd e',
        want: [
          ['abcd', 0, 7],
          ['e', 8, 9],
        ],
      },
    ],
    ['backslash-CR splice (old Mac endings)', { given: 'ab\\\rcd', want: [['abcd', 0, 6]] }],
    [
      'pp-number with exponent sign',
      {
        given: '1.5e+3f 0x1Fu',
        want: [
          ['1.5e+3f', 0, 7],
          ['0x1Fu', 8, 13],
        ],
      },
    ],
    [
      'string with escaped quote and prefixed literals',
      {
        given: '"a\\"b" L"w" u8"x" \'\\\'\'',
        want: [
          ['"a\\"b"', 0, 6],
          ['L"w"', 7, 11],
          ['u8"x"', 12, 17],
          ["'\\''", 18, 22],
        ],
      },
    ],
    ['comment markers inside a string stay', { given: '"/* no */"', want: [['"/* no */"', 0, 10]] }],
    [
      '## and ... and digraph',
      {
        given: 'a ## b ... %:',
        want: [
          ['a', 0, 1],
          ['##', 2, 4],
          ['b', 5, 6],
          ['...', 7, 10],
          ['%:', 11, 13],
        ],
      },
    ],
    [
      'header name only after #include',
      {
        given: '#include <py/obj.h>\na < b',
        want: [
          ['#', 0, 1],
          ['include', 1, 8],
          ['<py/obj.h>', 9, 19],
          ['a', 20, 21],
          ['<', 22, 23],
          ['b', 24, 25],
        ],
      },
    ],
  ])('%s', (_n, { given, want }) => expect(toks(given)).toEqual(want));

  test('bol and space flags follow every line-ending convention', () => {
    const t = lexPP('a b\r\n#x\rc\nd(e');
    expect(t.map((x) => [x.text, x.bol, x.space])).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['#', true, false],
      ['x', false, false],
      ['c', true, false],
      ['d', true, false],
      ['(', false, false],
      ['e', false, false],
    ]);
  });

  test('an unterminated comment or string ends the file without throwing', () => {
    expect(lexPP('a /* never closed').map((t) => t.text)).toEqual(['a']);
    expect(lexPP('"open\nb').map((t) => t.text)).toEqual(['"open', 'b']);
  });
});
