import { Elf32, Elf32Section, Elf32Symbol, planTrim, readElf32, staysBelow } from '../../../src/build/helper-trim';

const text: Elf32Section = { index: 1, name: '.text', type: 1, flags: 0x6, offset: 0x34, size: 0x2a0, info: 0 };
const attrs: Elf32Section = { index: 4, name: '.ARM.attributes', type: 0x70000003, flags: 0, offset: 0x300, size: 0x1d, info: 0 };
const fn = (name: string, value: number, size: number, shndx = 1): Elf32Symbol => ({ name, value, size, bind: 1, shndx });
/** The shape of libgcc's _arm_muldivsf3.o on Thumb-2: fmul, then fdiv, each under two names. */
const muldiv = (over: Partial<Elf32> = {}): Elf32 => ({
  machine: 40,
  sections: [{ index: 0, name: '', type: 0, flags: 0, offset: 0, size: 0, info: 0 }, text, attrs],
  symbols: [
    { name: '$t', value: 0, size: 0, bind: 0, shndx: 1 },
    fn('__aeabi_fmul', 0x1, 0x168),
    fn('__mulsf3', 0x1, 0x168),
    fn('__aeabi_fdiv', 0x169, 0x136),
    fn('__divsf3', 0x169, 0x136),
  ],
  ...over,
});

describe('planTrim', () => {
  test.each<[string, Elf32, string[], ReturnType<typeof planTrim>]>([
    ['only the first function needed: the rest goes', muldiv(), ['__aeabi_fmul'], { cut: 0x168, strip: ['__aeabi_fdiv', '__divsf3'] }],
    ['the last function needed: only the padding after it goes', muldiv(), ['__aeabi_fdiv'], { cut: 0x29e, strip: [] }],
    [
      'both needed, and the section ends with the last',
      muldiv({ sections: [muldiv().sections[0], { ...text, size: 0x29e }, attrs] }),
      ['__aeabi_fmul', '__aeabi_fdiv'],
      undefined,
    ],
    ['nothing of it needed: left alone', muldiv(), ['memcpy'], undefined],
    ['not ARM', muldiv({ machine: 62 }), ['__aeabi_fmul'], undefined],
    [
      'relocations against .text',
      muldiv({ sections: [...muldiv().sections, { index: 5, name: '.rel.text', type: 9, flags: 0, offset: 0x400, size: 8, info: 1 }] }),
      ['__aeabi_fmul'],
      undefined,
    ],
    [
      'a second allocated section (data the code may read)',
      muldiv({ sections: [...muldiv().sections, { index: 6, name: '.rodata', type: 1, flags: 0x2, offset: 0x400, size: 8, info: 0 }] }),
      ['__aeabi_fmul'],
      undefined,
    ],
    [
      'a needed symbol without a size',
      muldiv({ symbols: [fn('__aeabi_fmul', 0x1, 0), fn('__aeabi_fdiv', 0x169, 0x136)] }),
      ['__aeabi_fmul'],
      undefined,
    ],
    [
      'a function that starts before the cut and ends after it',
      muldiv({ symbols: [fn('a', 0x1, 0x100), fn('b', 0x81, 0x100), fn('c', 0x201, 0x90)] }),
      ['a'],
      undefined,
    ],
  ])('%s', (_n, elf, needed, want) => {
    expect(planTrim(elf, new Set(needed))).toEqual(want);
  });
});

describe('staysBelow', () => {
  // lines as arm-none-eabi-objdump -d prints them
  const head = ['', '00000000 <__aeabi_fmul>:'];
  test.each<[string, string[], number, boolean]>([
    [
      'branches and a literal below the cut',
      [
        '   0:\tf04f 0cff \tmov.w\tip, #255\t@ 0xff',
        '  1c:\td20b      \tbcs.n\t36 <__aeabi_fmul+0x36>',
        '  20:\t4b06      \tldr\tr3, [pc, #24]\t@ (3c <__aeabi_fmul+0x3c>)',
        '  22:\tbd10      \tpop\t{r4, pc}',
        '  3c:\t00000014 \t.word\t0x00000014',
      ],
      0x40,
      true,
    ],
    ['a branch past the cut', ['  1c:\td20b      \tbcs.n\t168 <__aeabi_fdiv>'], 0x100, false],
    ['a literal past the cut', ['  20:\t4b06      \tldr\tr3, [pc, #24]\t@ (13c <__aeabi_fdiv+0x8>)'], 0x100, false],
    ['a table branch', ['  20:\te8df f003 \ttbb\t[pc, r3]'], 0x100, false],
    ['an address computed from pc', ['  20:\t447b      \tadd\tr3, pc'], 0x100, false],
    [
      'returns write pc',
      [
        '  20:\tbd10      \tpop\t{r4, pc}',
        '  22:\tf85d fb04 \tldr.w\tpc, [sp], #4',
        '  26:\te8bd 87f0 \tldmia.w\tsp!, {r4, r5, r6, r7, r8, r9, sl, pc}',
        '  2a:\t4770      \tbx\tlr',
      ],
      0x100,
      true,
    ],
    ['lines past the cut are not read', ['  20:\t4770      \tbx\tlr', ' 120:\te8df f003 \ttbb\t[pc, r3]'], 0x100, true],
    ['no instruction below the cut', [' 120:\t4770      \tbx\tlr'], 0x100, false],
  ])('%s', (_n, lines, cut, want) => {
    expect(staysBelow([...head, ...lines, ''].join('\n'), cut)).toBe(want);
  });
});

describe('readElf32', () => {
  /** A minimal ELF32 ARM object: null, .text (8 bytes), .symtab (null + one global), .strtab, .shstrtab. */
  function object(): Buffer {
    const shstr = Buffer.from('\0.text\0.symtab\0.strtab\0.shstrtab\0', 'latin1');
    const str = Buffer.from('\0f\0', 'latin1');
    const code = Buffer.from([0x70, 0x47, 0x00, 0xbf, 0x70, 0x47, 0x00, 0xbf]);
    const sym = Buffer.alloc(32);
    sym.writeUInt32LE(1, 16); // name "f"
    sym.writeUInt32LE(1, 20); // value 1 (Thumb)
    sym.writeUInt32LE(4, 24); // size
    sym[28] = 0x12; // GLOBAL FUNC
    sym.writeUInt16LE(1, 30); // .text
    const body = [code, sym, str, shstr];
    const offsets: number[] = [];
    let at = 52;
    for (const b of body) {
      offsets.push(at);
      at += b.length;
    }
    const shoff = at;
    const h = Buffer.alloc(52);
    h.writeUInt32BE(0x7f454c46, 0);
    h[4] = 1;
    h[5] = 1;
    h[6] = 1;
    h.writeUInt16LE(1, 16);
    h.writeUInt16LE(40, 18);
    h.writeUInt32LE(shoff, 32);
    h.writeUInt16LE(52, 40);
    h.writeUInt16LE(40, 46);
    h.writeUInt16LE(5, 48);
    h.writeUInt16LE(4, 50);
    const sh = (name: number, type: number, flags: number, i: number, link = 0, entsize = 0) => {
      const b = Buffer.alloc(40);
      b.writeUInt32LE(name, 0);
      b.writeUInt32LE(type, 4);
      b.writeUInt32LE(flags, 8);
      b.writeUInt32LE(offsets[i], 16);
      b.writeUInt32LE(body[i].length, 20);
      b.writeUInt32LE(link, 24);
      b.writeUInt32LE(entsize, 36);
      return b;
    };
    return Buffer.concat([h, ...body, Buffer.alloc(40), sh(1, 1, 0x6, 0), sh(7, 2, 0, 1, 3, 16), sh(15, 3, 0, 2), sh(23, 3, 0, 3)]);
  }
  test('sections and symbols of an ARM object', () => {
    const elf = readElf32(object())!;
    expect(elf.machine).toBe(40);
    expect(elf.sections.map((s) => [s.name, s.size])).toEqual([
      ['', 0],
      ['.text', 8],
      ['.symtab', 32],
      ['.strtab', 3],
      ['.shstrtab', 33],
    ]);
    expect(elf.symbols.find((s) => s.name === 'f')).toEqual({ name: 'f', value: 1, size: 4, bind: 1, shndx: 1 });
    expect(planTrim(elf, new Set(['f']))).toEqual({ cut: 4, strip: [] });
  });
  test('not an ELF32 little-endian object', () => {
    expect(readElf32(Buffer.from('!<arch>\n'))).toBeUndefined();
    const b = object();
    b[4] = 2;
    expect(readElf32(b)).toBeUndefined();
  });
});
