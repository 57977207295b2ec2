import {
  locateCall,
  moduleDefinitions,
  runtimeProvidable,
  runtimeUnitNames,
  runtimeUnitNext,
  runtimeUnitSource,
  unlinkableHelpers,
  unlinkableMessage,
} from '../../../src/build/runtime-provide';
import { NmSymbol } from '../../../src/build/runtime-helpers';

const sym = (object: string, name: string, type: string): NmSymbol => ({ object, name, type });

describe('runtimeProvidable: undefined names of compiled objects that the runtime library defines', () => {
  test('compiler-emitted libc calls are found; loader names, defined names and unknown names are not', () => {
    const objects = [
      sym('m.o', 'memset', 'U'),
      sym('m.o', 'strlen', 'U'),
      sym('m.o', 'memcpy', 'U'),
      sym('m.o', 'mp_fun_table', 'U'),
      sym('m.o', 'sqrtf', 'U'),
      sym('m.o', 'memcmp', 'U'),
      sym('n.o', 'memcmp', 'T'),
      sym('m.o', 'mpy_init', 'T'),
    ];
    expect(runtimeProvidable(objects)).toEqual(['memcpy', 'memset', 'strlen']);
  });
  test("an mp_ name the runtime defines is the runtime's, not the loader's (a call made in a module header)", () => {
    const objects = [sym('m.o', 'mp_stack_check', 'U'), sym('m.o', 'mp_type_str', 'U'), sym('m.o', 'mp_native_qstr_table', 'U')];
    expect(runtimeProvidable(objects)).toEqual(['mp_stack_check']);
  });
  test("glibc's renamed scanf symbols are answered by the runtime's sscanf and vsscanf; link-only setjmp too", () => {
    const objects = [
      sym('m.o', '__isoc99_sscanf', 'U'),
      sym('m.o', '__isoc99_vsscanf', 'U'),
      sym('m.o', '_setjmp', 'U'),
      sym('m.o', 'longjmp', 'U'),
    ];
    expect(runtimeProvidable(objects)).toEqual(['_setjmp', 'longjmp', 'sscanf', 'vsscanf']);
    const text = runtimeUnitSource(['sscanf']);
    expect(text).toMatch(/^#include <stdio.h>$/m);
    expect(text).toMatch(/^int sscanf\(const char \*str, const char \*format, \.\.\.\) \{/m);
  });
  test('the unit holds their definitions (external: the compiler calls them by name) and nothing else', () => {
    const text = runtimeUnitSource(['strlen']);
    expect(text).toMatch(/^#include "py\/dynruntime.h"$/m);
    expect(text).toMatch(/size_t strlen\(const char \*s\) \{/);
    expect(text).not.toMatch(/\bstatic\b[^\n]*strlen/);
    expect(text).not.toMatch(/\bmemcpy\b/);
  });
});

describe("runtimeUnitNext: what the runtime unit's own compiled code still calls", () => {
  test('a compiler-introduced memset in the unit (sscanf on ARM) adds memset to the names the unit was written for', () => {
    const symbols = [
      sym('m.o', 'sscanf', 'U'),
      sym('natmodgen-runtime.o', 'sscanf', 'T'),
      sym('natmodgen-runtime.o', 'vsscanf', 'T'),
      sym('natmodgen-runtime.o', 'memset', 'U'),
      sym('natmodgen-runtime.o', 'mp_fun_table', 'U'),
    ];
    expect(runtimeUnitNext(symbols, 'natmodgen-runtime.o', ['sscanf'])).toEqual(['memset', 'sscanf']);
    const text = runtimeUnitSource(['memset', 'sscanf']);
    expect(text).toMatch(/void \*memset\(void \*s, int c, size_t n\) \{/);
    expect(text).toMatch(/^int sscanf\(const char \*str, const char \*format, \.\.\.\) \{/m);
    expect(runtimeUnitNames(text)).toEqual(['memset', 'sscanf']);
  });
  test('nothing more when every name is defined (the unit is complete), or the module defines it itself', () => {
    const complete = [sym('m.o', 'sscanf', 'U'), sym('rt.o', 'sscanf', 'T'), sym('rt.o', 'memset', 'T')];
    expect(runtimeUnitNext(complete, 'rt.o', ['memset', 'sscanf'])).toBeUndefined();
    const own = [sym('m.o', 'sscanf', 'U'), sym('m.o', 'memset', 'T'), sym('rt.o', 'sscanf', 'T'), sym('rt.o', 'memset', 'U')];
    expect(runtimeUnitNext(own, 'rt.o', ['sscanf'])).toBeUndefined();
  });
  test("the module's definitions leave out the unit's own (the next version is rendered afresh)", () => {
    const symbols = [sym('m.o', 'f', 'T'), sym('m.o', 'sscanf', 'U'), sym('rt.o', 'sscanf', 'T')];
    expect([...moduleDefinitions(symbols, 'rt.o')]).toEqual(['f']);
  });
  test('a text without the names line names nothing', () => {
    expect(runtimeUnitNames('/* natmodgen: the compiled module calls no runtime function it does not name. */\n')).toEqual([]);
  });
});

describe('unlinkableHelpers: toolchain members a natmod cannot link', () => {
  const libm = {
    path: '/usr/lib/libm.a',
    symbols: [
      sym('wf_sqrt.o', 'sqrtf', 'T'),
      sym('wf_sqrt.o', '__fdlib_version', 'U'),
      sym('wf_sqrt.o', '__ieee754_sqrtf', 'U'),
      sym('ef_sqrt.o', '__ieee754_sqrtf', 'T'),
      sym('s_lib_ver.o', '__fdlib_version', 'D'),
      sym('sf_floor.o', 'floorf', 'T'),
      sym('w_fmod.o', 'fmod', 'T'),
      sym('w_fmod.o', 'errno', 'U'),
    ],
  };
  const objects = [
    sym('m.o', 'sqrtf', 'U'),
    sym('m.o', 'floorf', 'U'),
    sym('m.o', 'fmod', 'U'),
    sym('m.o', 'nowhere', 'U'),
    sym('m.o', 'mp_fun_table', 'U'),
  ];
  test('writable data, undefined symbols and missing definitions are named per function; clean members pass', () => {
    expect(unlinkableHelpers(objects, [libm])).toEqual([
      { name: 'fmod', from: 'libm.a(w_fmod.o)', why: 'it needs errno, which nothing in a natmod defines' },
      { name: 'nowhere', from: '', why: 'nothing defines it: not the module, not natmodgen, not the toolchain libraries' },
      {
        name: 'sqrtf',
        from: 'libm.a(wf_sqrt.o)',
        why: 'it has writable data (__fdlib_version in libm.a(s_lib_ver.o)), which mpy_ld refuses',
      },
    ]);
  });
  test('the message is located at the call through #line, names the function and gives a fix', () => {
    const sources = [
      {
        rel: 'm.c',
        text: [
          '#include "py/dynruntime.h"',
          '#line 1 "src/m.c"',
          '// sqrt of x',
          'float f(float x) {',
          '    return MICROPY_FLOAT_C_FUN(sqrt)(x);',
          '}',
        ].join('\n'),
      },
    ];
    expect(locateCall(sources, '/abs/gen', 'sqrtf')).toMatch(/src\/m\.c:3:32$/);
    const msg = unlinkableMessage([{ name: 'sqrtf', from: 'libm.a(wf_sqrt.o)', why: 'x' }], () => 'm.c:3:32');
    expect(msg).toMatch(
      /^m\.c:3:32: error: sqrtf \(from libm\.a\(wf_sqrt\.o\)\) cannot be linked into a natmod: x\. Fix: .*MP_QSTR_sqrt\b/,
    );
  });
  test.each([
    ['__isoc99_fscanf', 'fscanf(f, "%d", &v)', 'sscanf'],
    ['exit', 'exit(1)', 'mp_type_SystemExit'],
    ['gmtime', 'gmtime(&t)', 'MP_QSTR_localtime'],
    ['longjmp', 'longjmp(env, 1)', 'nlr_push'],
  ])('a C library function no natmod has (%s) is located at its call with a MicroPython alternative', (symbol, call, fix) => {
    const sources = [{ rel: 'm.c', text: ['#line 1 "src/m.c"', 'void f(void) {', `    ${call};`, '}'].join('\n') }];
    const at = locateCall(sources, '/abs/gen', symbol);
    expect(at).toMatch(/src\/m\.c:2:5$/);
    const msg = unlinkableMessage([{ name: symbol, from: '', why: 'nothing defines it' }], () => at);
    expect(msg).toContain(`${at}: error: ${symbol} cannot be linked into a natmod: nothing defines it. Fix: `);
    expect(msg).toContain(fix);
  });
  test('a C library function without a known alternative keeps the general fix', () => {
    const msg = unlinkableMessage([{ name: 'wcslen', from: '', why: 'nothing defines it' }], () => undefined);
    expect(msg).toBe(
      'error: wcslen cannot be linked into a natmod: nothing defines it. Fix: define it in the module, or avoid the construct that calls it',
    );
  });
});
