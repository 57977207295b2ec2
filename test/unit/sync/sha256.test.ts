// sync's own SHA-256 must give exactly node:crypto's digests: checksums already written into
// users' files are compared with it.
import { createHash } from 'crypto';
import { sha256Hex } from '../../../src/sync/sha256';

const reference = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('sha256Hex', () => {
  test('the FIPS 180-4 examples', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('every length around the block and padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const s = 'x'.repeat(n);
      expect(sha256Hex(s)).toBe(reference(s));
    }
  });

  test('random texts, with multi-byte UTF-8 and lone surrogates, as node:crypto hashes them', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const alphabet = ['a', 'Z', '\n', '\t', '{', 'é', '€', '\u{1F600}', '\uD800', '\0', '"'];
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = rand() % 3000;
      for (let j = 0; j < n; j++) s += alphabet[rand() % alphabet.length];
      expect(sha256Hex(s)).toBe(reference(s));
    }
  });
});
