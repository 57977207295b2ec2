// identifiersOutside (src/extract/index.ts): one sweep gives what checking every range for
// every token gives, with nested, overlapping, touching and unsorted ranges.
import { identifiersOutside } from '../../../src/extract';
import { Token } from '../../../src/parse/tokens';

function brute(tokens: Token[], ranges: Array<{ start: number; end: number }>): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'ident') continue;
    if (ranges.some((s) => t.start >= s.start && t.end <= s.end)) continue;
    out.add(t.text);
  }
  return out;
}

describe('identifiersOutside', () => {
  test('a token exactly on a range edge is inside; one crossing the edge is outside', () => {
    const tok = (text: string, start: number): Token => ({ kind: 'ident', text, start, end: start + text.length, nodeType: 'identifier' });
    const tokens = [tok('a', 0), tok('bb', 5), tok('cc', 9), tok('d', 20)];
    expect([...identifiersOutside(tokens, [{ start: 5, end: 10 }])].sort()).toEqual(['a', 'cc', 'd']);
    expect([...identifiersOutside(tokens, [{ start: 5, end: 11 }])].sort()).toEqual(['a', 'd']);
  });

  test('agrees with the pairwise check on random files', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const tokens: Token[] = [];
      let at = 0;
      for (let i = 0; i < 40; i++) {
        at += rnd(4);
        const len = 1 + rnd(3);
        const kind = rnd(4) === 0 ? 'punct' : 'ident';
        tokens.push({ kind, text: `t${rnd(15)}`, start: at, end: at + len, nodeType: '' });
        at += len;
      }
      const ranges = Array.from({ length: rnd(6) }, () => {
        const start = rnd(at + 2);
        return { start, end: start + rnd(30) };
      });
      expect(identifiersOutside(tokens, ranges)).toEqual(brute(tokens, ranges));
    }
  });
});
