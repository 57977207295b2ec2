import { SourceText } from '../../../src/parse/source';

describe('SourceText.span', () => {
  const text = 'ab\ncde\n\nf';
  test.each<[string, { given: [number, number]; want: { line: number; col: number } }]>([
    ['first character', { given: [0, 1], want: { line: 1, col: 1 } }],
    ['end of the first line (the newline)', { given: [2, 3], want: { line: 1, col: 3 } }],
    ['start of the second line', { given: [3, 4], want: { line: 2, col: 1 } }],
    ['middle of the second line', { given: [5, 6], want: { line: 2, col: 3 } }],
    ['an empty line', { given: [7, 7], want: { line: 3, col: 1 } }],
    ['last line without a newline', { given: [8, 9], want: { line: 4, col: 1 } }],
  ])('%s', (_name, { given, want }) => {
    expect(new SourceText('x.c', text).span(given[0], given[1])).toEqual({ file: 'x.c', ...want, start: given[0], end: given[1] });
  });
});

describe('SourceText.endOfLogicalLine', () => {
  test.each<[string, { given: string; from: number; want: string }]>([
    ['a plain line', { given: '#if A\nint x;', from: 0, want: '#if A' }],
    ['a continued line', { given: '#define M \\\n  1\nint x;', from: 0, want: '#define M \\\n  1' }],
    ['several continuations', { given: '#if A \\\n && B \\\n && C\n', from: 0, want: '#if A \\\n && B \\\n && C' }],
    ['CRLF: stops before the carriage return', { given: '#if A\r\nx', from: 0, want: '#if A' }],
    ['CRLF continuation', { given: '#if A \\\r\n && B\r\nx', from: 0, want: '#if A \\\r\n && B' }],
    ['no newline at the end of the text', { given: 'x\n#endif', from: 2, want: '#endif' }],
  ])('%s', (_name, { given, from, want }) => {
    const src = new SourceText('x.c', given);
    expect(given.slice(from, src.endOfLogicalLine(from))).toBe(want);
  });
});
