import { coverage } from '../../../src/extract/syntax';

/** The question checkSyntax asked of every span before: does one of them hold [start, end]? */
const bySearch = (spans: Array<{ start: number; end: number }>, start: number, end: number) =>
  spans.some((s) => start >= s.start && end <= s.end);

describe('coverage (checkSyntax: is an error inside a claimed span or a directive?)', () => {
  test('nested, overlapping and unsorted spans answer as asking each span', () => {
    const spans = [
      { start: 50, end: 60 },
      { start: 0, end: 100 },
      { start: 10, end: 20 },
      { start: 120, end: 130 },
      { start: 125, end: 140 },
      { start: 200, end: 200 },
    ];
    const c = coverage(spans);
    for (let start = -2; start < 210; start += 3)
      for (let end = start; end < start + 30; end += 4)
        expect([start, end, c.covers(start, end)]).toEqual([start, end, bySearch(spans, start, end)]);
    expect(c.covers(0, 100)).toBe(true);
    expect(c.covers(121, 135)).toBe(false);
    expect(c.covers(126, 140)).toBe(true);
    expect(c.covers(200, 200)).toBe(true);
  });

  test('random spans', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 20; round++) {
      const spans = Array.from({ length: rnd(30) }, () => {
        const start = rnd(500);
        return { start, end: start + rnd(80) };
      });
      const c = coverage(spans);
      for (let k = 0; k < 200; k++) {
        const start = rnd(600);
        const end = start + rnd(60);
        expect(c.covers(start, end)).toBe(bySearch(spans, start, end));
      }
    }
  });

  test('no spans cover nothing', () => {
    expect(coverage([]).covers(0, 0)).toBe(false);
  });
});
