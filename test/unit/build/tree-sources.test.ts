/**
 * Files of the user's MicroPython tree compiled into a natmod (py/mpz.c): the runtime unit
 * includes the tree's file and hides, behind static renamed declarations, every function of its
 * header the module does not call. With MPY_DIR set, the unit is compiled with py/dynruntime.mk's
 * flags for x64, armv7m and rv32imc and its object must define exactly the functions asked for.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runtimeProvidable, runtimeUnitSource } from '../../../src/build/runtime-provide';
import { NmSymbol } from '../../../src/build/runtime-helpers';
import { prototypeConditions, shippedFacts, treeSourceFunctions } from '../../../src/facts';

const sym = (object: string, name: string, type: string): NmSymbol => ({ object, name, type });
const MPY_DIR = process.env.MPY_DIR;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const MPZ = [...treeSourceFunctions(shippedFacts()).keys()].filter((n) => n.startsWith('mpz_')).sort();

describe('tree sources: py/mpz.c compiled into the natmod', () => {
  test("py/mpz.h's prototypes are the tree functions; its inline functions and macros are not", () => {
    expect(MPZ).toContain('mpz_add_inpl');
    expect(MPZ).toContain('mpz_as_str_inpl');
    expect(MPZ).not.toContain('mpz_is_zero');
    expect(MPZ).not.toContain('MPZ_CONST_INT');
    expect(MPZ.length).toBe(31);
  });

  test('undefined mpz_* names are providable, with the C library functions py/mpz.c calls unless the module defines them', () => {
    const objects = [sym('m.o', 'mpz_add_inpl', 'U'), sym('m.o', 'mpz_hash', 'U'), sym('m.o', 'memcpy', 'T'), sym('m.o', 'mpz_cmp', 'T')];
    expect(runtimeProvidable(objects)).toEqual(['memmove', 'memset', 'mpz_add_inpl', 'mpz_hash', 'strlen']);
  });

  test('the unit selects mpz ahead of everything, hides the functions not asked for, then includes the tree file', () => {
    const text = runtimeUnitSource(['mpz_add_inpl', 'mpz_hash'], '/nonexistent');
    const lines = text.split('\n');
    expect(lines.indexOf('#define MICROPY_LONGINT_IMPL (MICROPY_LONGINT_IMPL_MPZ)')).toBeLessThan(
      lines.indexOf('#include "py/dynruntime.h"'),
    );
    expect(lines.indexOf('#include "py/mpz.h"')).toBeLessThan(lines.indexOf('#include "py/mpz.c"'));
    expect(text).toMatch(
      /static __attribute__\(\(unused\)\) __typeof__\(mpz_sub_inpl\) natmodgen_tree_mpz_sub_inpl;\n#define mpz_sub_inpl natmodgen_tree_mpz_sub_inpl/,
    );
    expect(text).not.toMatch(/natmodgen_tree_mpz_add_inpl|natmodgen_tree_mpz_hash/);
    // Without the tree's header, no #if is known.
    expect(text).not.toMatch(/^#if/m);
  });

  test('a prototype under an #if of the header is hidden under the same #if; the include guard is not a condition', () => {
    const header = [
      '#ifndef GUARD_H',
      '#define GUARD_H',
      'void a_fn(int x);',
      '#if HAVE_FLOAT',
      'float f_fn(int x); // comment',
      '#else',
      'int g_fn(void);',
      '#endif',
      '#ifdef EXTRA',
      'static inline int h_fn(void) { return 0; }',
      '#endif',
      '#endif',
    ].join('\n');
    const conds = prototypeConditions(header);
    expect(conds.get('a_fn')).toEqual([]);
    expect(conds.get('f_fn')).toEqual(['HAVE_FLOAT']);
    expect(conds.get('g_fn')).toEqual(['!(HAVE_FLOAT)']);
    expect(conds.has('h_fn')).toBe(false);
  });
});

/** py/dynruntime.mk v1.28.0's compiler and flags for three natmod architectures. */
const ARCHS: Record<string, { cc: string; flags: string[]; float: string }> = {
  x64: { cc: 'gcc', flags: ['-fno-stack-protector'], float: 'DOUBLE' },
  armv7m: { cc: 'arm-none-eabi-gcc', flags: ['-mthumb', '-mcpu=cortex-m3'], float: 'FLOAT' },
  rv32imc: {
    cc: 'riscv64-unknown-elf-gcc',
    flags: ['-march=rv32imac', '-mabi=ilp32', '-mno-relax', '-specs=picolibc.specs'],
    float: 'NONE',
  },
};

function problem(arch: string): string | undefined {
  if (!MPY_DIR || !fs.existsSync(path.join(MPY_DIR, 'py', 'mpz.c'))) return 'MPY_DIR is not set to a MicroPython tree';
  if (spawnSync(ARCHS[arch].cc, ['--version']).status !== 0) return `${ARCHS[arch].cc} is not installed`;
  return undefined;
}

const skipped = Object.keys(ARCHS).flatMap((a) => (problem(a) ? [`${a}: ${problem(a)}`] : []));
if (skipped.length) process.stderr.write(`\n!! py/mpz.c compile checks SKIPPED for:\n${skipped.map((s) => `!!   ${s}`).join('\n')}\n\n`);

describe("the unit compiles with the tree's py/mpz.c and defines only what was asked for", () => {
  const asked = ['mpz_init_zero', 'mpz_set_from_str', 'mpz_mul_inpl', 'mpz_as_str_inpl', 'mpz_deinit', 'mpz_as_float'];
  for (const arch of Object.keys(ARCHS)) {
    const why = problem(arch);
    (why ? test.skip : test)(
      `ARCH=${arch}${why ? ` (SKIPPED: ${why})` : ''}`,
      () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nmg-mpz-${arch}-`));
        const unit = path.join(dir, 'natmodgen-runtime.c');
        fs.writeFileSync(unit, runtimeUnitSource([...asked, 'strlen', 'memcpy', 'memmove', 'memset'], MPY_DIR));
        const pre = spawnSync(
          PYTHON,
          [path.join(MPY_DIR!, 'tools', 'mpy_ld.py'), '--arch', arch, '--preprocess', '-o', path.join(dir, 'config.h'), unit],
          {
            encoding: 'utf8',
          },
        );
        expect(pre.stderr).toBe('');
        const { cc, flags, float } = ARCHS[arch];
        const obj = path.join(dir, 'unit.o');
        const r = spawnSync(
          cc,
          [
            `-I${dir}`,
            `-I${MPY_DIR}`,
            '-std=c99',
            '-Os',
            '-Wall',
            '-Werror',
            '-DNDEBUG',
            '-DNO_QSTR',
            '-DMICROPY_ENABLE_DYNRUNTIME',
            `-DMP_CONFIGFILE=<${path.join(dir, 'config.h')}>`,
            '-fpic',
            '-fno-common',
            '-U_FORTIFY_SOURCE',
            ...flags,
            `-DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_${float}`,
            '-o',
            obj,
            '-c',
            unit,
          ],
          { encoding: 'utf8' },
        );
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        const cross = cc.replace(/gcc$/, '');
        const nm = spawnSync(`${cross}nm`, ['-g', '--defined-only', obj], { encoding: 'utf8' });
        fs.rmSync(dir, { recursive: true, force: true });
        const defined = nm.stdout
          .split('\n')
          .map((l) => l.trim().split(/\s+/)[2])
          .filter((n) => n && n.startsWith('mpz_'))
          .sort();
        // mpz_as_float exists only where the build has floats (rv32imc's dynruntime.mk has none).
        const expected = asked.filter((n) => float !== 'NONE' || n !== 'mpz_as_float').sort();
        expect(defined).toEqual(expected);
      },
      120_000,
    );
  }
});
