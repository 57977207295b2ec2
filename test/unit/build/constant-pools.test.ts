import { dataIsConstantPool } from '../../../src/build/constant-pools';

// `objdump -h -t` of objects compiled with dynruntime.mk's -Os -fpic (GCC 12), trimmed.
const sections = (dataSize: string, wide = true) =>
  [
    'Sections:',
    'Idx Name          Size      VMA               LMA               File off  Algn',
    `  0 .text         00000047  0000000000000000  0000000000000000  00000040  2**0`,
    '                  CONTENTS, ALLOC, LOAD, RELOC, READONLY, CODE',
    `  1 .data         ${wide ? dataSize : dataSize.slice(-8)}  0000000000000000  0000000000000000  000000a0  2**5`,
    '                  CONTENTS, ALLOC, LOAD, RELOC, DATA',
    '  3 .rodata.str1.1 00000042  0000000000000000  0000000000000000  000000e0  2**0',
    '',
  ].join('\n');

describe('dataIsConstantPool', () => {
  test('a local pointer array: .data holds only the section symbol (x64)', () => {
    const dump = `${sections('00000040')}SYMBOL TABLE:
0000000000000000 l    df *ABS*\t0000000000000000 c8d.c
0000000000000000 l    d  .text\t0000000000000000 .text
0000000000000000 l    d  .data\t0000000000000000 .data
0000000000000000 l    d  .rodata.str1.1\t0000000000000000 .rodata.str1.1
0000000000000000 g     F .text\t0000000000000047 f
0000000000000000         *UND*\t0000000000000000 strlen
`;
    expect(dataIsConstantPool(dump)).toBe(true);
  });

  test('the same on a 32-bit target (armv7m objdump columns)', () => {
    const dump = `Sections:
Idx Name          Size      VMA       LMA       File off  Algn
  1 .data         00000020  00000000  00000000  00000070  2**2
SYMBOL TABLE:
00000000 l    d  .data\t00000000 .data
00000000 l    d  .rodata.str1.1\t00000000 .rodata.str1.1
00000001 g     F .text\t0000003c f
`;
    expect(dataIsConstantPool(dump)).toBe(true);
  });

  test('a variable in .data (global or function-local static) is writable data: left alone', () => {
    const global = `${sections('00000004')}SYMBOL TABLE:
0000000000000000 g     O .data\t0000000000000004 counter
`;
    const local = `${sections('00000044')}SYMBOL TABLE:
0000000000000000 l    d  .data\t0000000000000000 .data
0000000000000040 l     O .data\t0000000000000004 n.0
`;
    expect(dataIsConstantPool(global)).toBe(false);
    expect(dataIsConstantPool(local)).toBe(false);
  });

  test('no .data, or an empty one, needs nothing', () => {
    expect(dataIsConstantPool(`${sections('00000000')}SYMBOL TABLE:\n`)).toBe(false);
    expect(dataIsConstantPool('Sections:\nIdx Name Size\nSYMBOL TABLE:\n')).toBe(false);
  });
});
