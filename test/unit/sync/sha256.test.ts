import { createHash } from 'crypto';
import { sha256Hex } from '../../../src/sync/sha256';

const reference = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex (block checksums without node:crypto)', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it("equals node:crypto's digest at every length around the block and padding boundaries, and on non-ASCII text", () => {
    for (let n = 0; n <= 200; n++) {
      const text = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 7 + n) % 95))).join('');
      expect(sha256Hex(text)).toBe(reference(text));
    }
    for (const text of ['é', 'naïve Ω ≈ 🙂', 'x'.repeat(100_000), '// natmodgen: begin\n#else\nstatic int ø;\n'])
      expect(sha256Hex(text)).toBe(reference(text));
  });
});
