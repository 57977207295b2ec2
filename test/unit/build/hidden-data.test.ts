import { hiddenRedeclarations, hidesReadOnlyData, readOnlyGlobals } from '../../../src/build/hidden-data';

// `objdump -t` of extmod/moddeflate.c as natmodgen builds it (dynruntime.mk, -Os -fpic, GCC 12), trimmed.
const x64 = `
build/moddeflate.o:     file format elf64-x86-64

SYMBOL TABLE:
0000000000000000 l    df *ABS*\t0000000000000000 moddeflate.c
0000000000000000 l     O .rodata\t0000000000000010 mirrornibbles
0000000000000000 l     O .data.rel.ro.local\t0000000000000020 deflateio_stream_p
0000000000000038 l     O .data.rel.ro\t0000000000000010 natmodgen_s_mp_stream_close_obj
00000000000003ff g     F .text\t0000000000000039 uzlib_get_byte
0000000000000050 g     O .rodata\t0000000000000013 clcidx
0000000000000070 g     O .rodata\t0000000000000078 lookup_table
0000000000000000 g     O .bss\t0000000000000070 natmodgen_type_10_moddeflate_deflateio_type
0000000000000070 g     O .bss\t0000000000000070 natmodgen_10_moddeflate_deflateio_locals_dict_table
0000000000000000         *UND*\t0000000000000000 mp_fun_table
`;

describe('readOnlyGlobals', () => {
  test('global objects in read-only sections, not locals, functions, writable data or undefined names (x64)', () => {
    expect(readOnlyGlobals(x64)).toEqual(['clcidx', 'lookup_table']);
  });

  test('32-bit columns (armv7m), and .data.rel.ro objects (tables of pointers)', () => {
    const dump = `SYMBOL TABLE:
0000005a g     O .rodata\t00000013 clcidx
00000000 g     O .data.rel.ro\t00000010 names
00000000 g     O .data.rel.ro.local\t00000008 handlers
00000000 g     O .bss\t00000040 natmodgen_type_10_moddeflate_deflateio_type
00000000 g     O .data\t00000004 counter
`;
    expect(readOnlyGlobals(dump)).toEqual(['clcidx', 'names', 'handlers']);
  });

  test('already hidden (a second run), or named by an asm label that is no C name: left out', () => {
    const dump = `SYMBOL TABLE:
0000005a g     O .rodata\t00000013 .hidden clcidx
00000000 g     O .rodata\t00000010 table.0
00000000 g     O .rodata\t00000010 kept
`;
    expect(readOnlyGlobals(dump)).toEqual(['kept']);
  });

  test('no symbol table: nothing', () => {
    expect(readOnlyGlobals('build/x.o:     file format elf64-x86-64\n')).toEqual([]);
  });
});

describe('hiddenRedeclarations', () => {
  test('one extern redeclaration per name, after the definitions', () => {
    const text = hiddenRedeclarations(['clcidx', 'lookup_table']);
    expect(text.split('\n').filter((l) => l.startsWith('extern'))).toEqual([
      'extern __typeof__(clcidx) clcidx __attribute__((visibility("hidden")));',
      'extern __typeof__(lookup_table) lookup_table __attribute__((visibility("hidden")));',
    ]);
    expect(text.startsWith('\n')).toBe(true);
  });

  test('every architecture but the xtensa ones', () => {
    expect(['x86', 'x64', 'armv6m', 'armv7m', 'armv7emsp', 'armv7emdp', 'rv32imc', 'rv64imc'].every(hidesReadOnlyData)).toBe(true);
    expect(['xtensa', 'xtensawin'].some(hidesReadOnlyData)).toBe(false);
  });
});
