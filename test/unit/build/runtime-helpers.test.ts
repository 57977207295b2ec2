import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { archivesOf, droppedSections, parseNm, planHelpers } from '../../../src/build/runtime-helpers';

describe('parseNm', () => {
  test('objects and archive members, defined and undefined', () => {
    const text = [
      'build/mod.o: __aeabi_dadd U',
      'build/mod.o: mpy_init T 00000001 0000002c',
      '/usr/lib/libgcc.a[_arm_addsubdf3.o]: __aeabi_dadd T 00000000 00000360',
      '/usr/lib/libgcc.a[_arm_addsubdf3.o]: __aeabi_dsub T 00000360',
      'weird line',
    ].join('\n');
    expect(parseNm(text)).toEqual([
      { object: 'build/mod.o', name: '__aeabi_dadd', type: 'U' },
      { object: 'build/mod.o', name: 'mpy_init', type: 'T' },
      { object: '_arm_addsubdf3.o', name: '__aeabi_dadd', type: 'T' },
      { object: '_arm_addsubdf3.o', name: '__aeabi_dsub', type: 'T' },
    ]);
  });
});

describe('planHelpers', () => {
  const sym = (object: string, name: string, type: string) => ({ object, name, type });
  const libgcc = {
    path: 'libgcc.a',
    symbols: [
      sym('_addsubdf3.o', '__aeabi_dadd', 'T'),
      sym('_muldf3.o', '__aeabi_dmul', 'T'),
      sym('_muldf3.o', '__clzsi2', 'U'),
      sym('_clzsi2.o', '__clzsi2', 'T'),
      sym('_divsi3.o', '__aeabi_idiv', 'T'),
      sym('_weak.o', 'sqrt', 'W'),
    ],
  };
  const libm = { path: 'libm.a', symbols: [sym('s_sqrt.o', 'sqrt', 'T'), sym('s_sqrt.o', 'mp_fun_table', 'U')] };

  const cases: Array<[string, { objects: ReturnType<typeof sym>[]; want: ReturnType<typeof planHelpers> }]> = [
    ['nothing undefined: no members', { objects: [sym('a.o', 'mpy_init', 'T')], want: { members: [], unresolved: [] } }],
    [
      'a member and what it needs in turn, once each',
      {
        objects: [sym('a.o', '__aeabi_dmul', 'U'), sym('b.o', '__aeabi_dmul', 'U')],
        want: {
          members: [
            { archive: 'libgcc.a', member: '_muldf3.o' },
            { archive: 'libgcc.a', member: '_clzsi2.o' },
          ],
          unresolved: [],
        },
      },
    ],
    [
      'symbols the loader provides (mp_*) and ones the objects define are not searched',
      {
        objects: [sym('a.o', 'mp_fun_table', 'U'), sym('a.o', 'helper', 'U'), sym('b.o', 'helper', 'T')],
        want: { members: [], unresolved: [] },
      },
    ],
    [
      'a strong definition in a later archive beats a weak one; unknown names are left to mpy_ld',
      {
        objects: [sym('a.o', 'sqrt', 'U'), sym('a.o', 'no_such_function', 'U'), sym('a.o', 'weakref', 'w')],
        want: { members: [{ archive: 'libm.a', member: 's_sqrt.o' }], unresolved: ['no_such_function'] },
      },
    ],
  ];
  test.each(cases)('%s', (_name, { objects, want }) => {
    expect(planHelpers(objects, [libgcc, libm])).toEqual(want);
  });
});

describe('archivesOf', () => {
  test('an archive is itself; a GNU ld script gives the archives it groups; anything else none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-ar-'));
    const a = path.join(dir, 'libm-2.36.a');
    const b = path.join(dir, 'libmvec.a');
    fs.writeFileSync(a, '!<arch>\n');
    fs.writeFileSync(b, '!<arch>\n');
    const script = path.join(dir, 'libm.a');
    fs.writeFileSync(script, `/* GNU ld script\n*/\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( ${a} libmvec.a ${dir}/missing.a )\n`);
    const junk = path.join(dir, 'junk.a');
    fs.writeFileSync(junk, 'hello');
    expect(archivesOf(a)).toEqual([a]);
    expect(archivesOf(script)).toEqual([a, b]);
    expect(archivesOf(junk)).toEqual([]);
    expect(archivesOf(path.join(dir, 'none.a'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('droppedSections', () => {
  test('non-empty small-data and thread-local sections, which mpy_ld drops', () => {
    const readelf = [
      'Section Headers:',
      '  [Nr] Name              Type            Addr     Off    Size   ES Flg Lk Inf Al',
      '  [ 0]                   NULL            00000000 000000 000000 00      0   0  0',
      '  [ 1] .text             PROGBITS        00000000 000034 000000 00  AX  0   0  2',
      '  [ 3] .bss              NOBITS          00000000 000034 000000 00  WA  0   0  1',
      '  [ 4] .sbss             NOBITS          00000000 000034 000004 00  WA  0   0  4',
      '  [ 5] .sdata            PROGBITS        00000000 000034 000000 00  WA  0   0  4',
      '  [ 6] .tbss.errno       NOBITS          00000000 000034 000004 00 WAT  0   0  4',
    ].join('\n');
    expect(droppedSections(readelf)).toEqual(['.sbss', '.tbss.errno']);
  });
});
