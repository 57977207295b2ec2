import { Liveness, preprocess, PreprocessOptions, spell } from '../../../src/preprocess';

/** An in-memory file system for includes. */
function host(files: Record<string, string>): PreprocessOptions['host'] {
  return { readFile: (f) => files[f] };
}

/** Liveness of each `int NAME;` of the main file, by name. */
function liveness(text: string, opts: PreprocessOptions = {}): Record<string, Liveness> {
  const p = preprocess('/m/mod.c', text, opts);
  const out: Record<string, Liveness> = {};
  p.tokens.forEach((t, i) => {
    if (t.kind === 'ident' && p.tokens[i - 1]?.text === 'int' && p.tokens[i + 1]?.text === ';') out[t.text] = p.liveAt(t.start);
  });
  return out;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

type Case = [string, { given: string; opts?: PreprocessOptions; want: Record<string, Liveness> }];

describe("preprocess: liveness with -D, the file's own macros and its includes", () => {
  const cfg = lines('#ifndef MOD_CONFIG_H', '#define MOD_CONFIG_H', '#define HAS_FFT (1)', '#define HAS_LINALG (0)', '#endif');
  const defaults = lines('#ifndef MOD_HAS_X', '#define MOD_HAS_X (1)', '#endif', '#if MOD_HAS_X', 'int a;', '#endif');
  test.each<Case>([
    [
      'unknown feature: both branches unknown',
      { given: lines('#if MICROPY_PY_X', 'int a;', '#else', 'int b;', '#endif'), want: { a: 'unknown', b: 'unknown' } },
    ],
    [
      '-D decides',
      {
        given: lines('#if MICROPY_PY_X', 'int a;', '#else', 'int b;', '#endif'),
        opts: { defines: [{ name: 'MICROPY_PY_X', body: '1' }] },
        want: { a: 'on', b: 'off' },
      },
    ],
    [
      '#define then #undef',
      { given: lines('#define F 1', '#undef F', '#ifdef F', 'int a;', '#endif', 'int b;'), want: { a: 'off', b: 'on' } },
    ],
    [
      'a #define under an unknown #if makes the name unknown',
      { given: lines('#if MICROPY_U', '#define F 1', '#endif', '#if F', 'int a;', '#endif'), want: { a: 'unknown' } },
    ],
    [
      '#elif after a taken branch is off',
      { given: lines('#if 1', 'int a;', '#elif MICROPY_U', 'int b;', '#else', 'int c;', '#endif'), want: { a: 'on', b: 'off', c: 'off' } },
    ],
    [
      '#elif after an unknown branch stays unknown',
      {
        given: lines('#if MICROPY_U', 'int a;', '#elif 1', 'int b;', '#else', 'int c;', '#endif'),
        want: { a: 'unknown', b: 'unknown', c: 'off' },
      },
    ],
    [
      'nested off region',
      { given: lines('#if 0', '#if 1', 'int a;', '#endif', 'int b;', '#endif', 'int c;'), want: { a: 'off', b: 'off', c: 'on' } },
    ],
    [
      'feature switches from a config header beside the file',
      {
        given: lines('#include "config.h"', '#if HAS_FFT', 'int fft;', '#endif', '#if HAS_LINALG', 'int linalg;', '#endif'),
        opts: { host: host({ '/m/config.h': cfg }) },
        want: { fft: 'on', linalg: 'off' },
      },
    ],
    [
      '-I folder for a header in another folder',
      {
        given: lines('#include "config.h"', '#if HAS_FFT', 'int fft;', '#endif'),
        opts: { host: host({ '/inc/config.h': cfg }), includeDirs: ['/inc'] },
        want: { fft: 'on' },
      },
    ],
    [
      'nested include resolved relative to the including file',
      {
        given: lines('#include "sub/a.h"', '#if FROM_B == 2', 'int b;', '#endif'),
        opts: { host: host({ '/m/sub/a.h': '#include "b.h"\n', '/m/sub/b.h': '#define FROM_B 2\n' }) },
        want: { b: 'on' },
      },
    ],
    [
      'a computed #include (a macro naming the header) reads that header',
      {
        given: lines('#define CONFIG_FILE "config.h"', '#include CONFIG_FILE', '#if HAS_FFT', 'int fft;', '#endif'),
        opts: { host: host({ '/m/config.h': cfg }) },
        want: { fft: 'on' },
      },
    ],
    [
      'an include guard spelled in the reserved name space (__CFG__) is still a guard',
      {
        given: lines('#include "cfg.h"', '#if FROM_CFG == 2', 'int b;', '#endif'),
        opts: { host: host({ '/m/cfg.h': '#ifndef __CFG__\n#define __CFG__\n#define FROM_CFG 2\n#endif\n' }) },
        want: { b: 'on' },
      },
    ],
    [
      'include guard: a second include changes nothing',
      {
        given: lines('#include "config.h"', '#undef HAS_FFT', '#include "config.h"', '#ifdef HAS_FFT', 'int fft;', '#endif'),
        opts: { host: host({ '/m/config.h': cfg }) },
        want: { fft: 'off' },
      },
    ],
    [
      'a module name no file defines is undefined, as in the natmod build',
      { given: lines('#ifdef MOD_HAS_X', 'int a;', '#else', 'int b;', '#endif'), opts: { closedWorld: true }, want: { a: 'off', b: 'on' } },
    ],
    [
      '... unless a header of the module could not be found',
      {
        given: lines('#include "missing.h"', '#ifdef MOD_HAS_X', 'int a;', '#endif'),
        opts: { closedWorld: true },
        want: { a: 'unknown' },
      },
    ],
    [
      'a MicroPython header not found does not open the world',
      { given: lines('#include "py/runtime.h"', '#ifdef MOD_HAS_X', 'int a;', '#endif'), opts: { closedWorld: true }, want: { a: 'off' } },
    ],
    [
      "MicroPython's core macros are defined whatever the port",
      {
        given: lines(
          '#if defined(MP_DEFINE_CONST_OBJ_TYPE)',
          'int a;',
          '#else',
          'int b;',
          '#endif',
          '#ifndef MP_REGISTER_MODULE',
          'int c;',
          '#endif',
        ),
        opts: { headerMacro: (n: string) => ['MP_DEFINE_CONST_OBJ_TYPE', 'MP_REGISTER_MODULE'].includes(n) },
        want: { a: 'on', b: 'off', c: 'off' },
      },
    ],
    [
      '... unless a file undefines one',
      {
        given: lines('#undef MP_REGISTER_MODULE', '#ifdef MP_REGISTER_MODULE', 'int a;', '#endif'),
        opts: { headerMacro: (n: string) => n === 'MP_REGISTER_MODULE' },
        want: { a: 'off' },
      },
    ],
    ['open world: a name no file defines is unknown', { given: lines('#ifdef MOD_HAS_X', 'int a;', '#endif'), want: { a: 'unknown' } }],
    [
      'MicroPython defaults stay undecided: the port may set them',
      {
        given: lines('#ifndef MICROPY_PY_X', '#define MICROPY_PY_X (1)', '#endif', '#if MICROPY_PY_X', 'int a;', '#endif'),
        want: { a: 'unknown' },
      },
    ],
    [
      'a module default (#ifndef X / #define X (1)) stays undecided: the build may pass -D X=0',
      { given: defaults, want: { a: 'unknown' } },
    ],
    ['... and -D decides it', { given: defaults, opts: { defines: [{ name: 'MOD_HAS_X', body: '0' }] }, want: { a: 'off' } }],
    [
      'MICROPY_ENABLE_DYNRUNTIME read as the firmware does',
      {
        given: lines('#if !MICROPY_ENABLE_DYNRUNTIME', 'int fw;', '#endif'),
        opts: { undefinedNames: ['MICROPY_ENABLE_DYNRUNTIME'] },
        want: { fw: 'on' },
      },
    ],
    [
      'include cycle without guards terminates',
      {
        given: lines('#include "a.h"', 'int a;'),
        opts: { host: host({ '/m/a.h': '#include "b.h"\n', '/m/b.h': '#include "a.h"\n' }) },
        want: { a: 'on' },
      },
    ],
  ])('%s', (_n, { given, opts, want }) => expect(liveness(given, opts)).toEqual(want));

  test('macros in force at an offset: redefinition after a use does not change the use', () => {
    const text = lines('#define V 1', 'int a = V;', '#undef V', '#define V 2', 'int b = V;');
    const p = preprocess('/m/mod.c', text);
    const use = (name: string) => {
      const i = p.tokens.findIndex((t) => t.text === name);
      return spell(p.expandAt([p.tokens[i + 2]], p.tokens[i + 2].start).tokens);
    };
    expect([use('a'), use('b')]).toEqual(['1', '2']);
  });

  test('a macro chosen by a module default expands with the branch the default takes, not the last one written', () => {
    const text = lines(
      '#ifndef HAS_SUB',
      '#define HAS_SUB (1)',
      '#endif',
      '#if HAS_SUB',
      '#define SUB subscr, f,',
      '#else',
      '#define SUB',
      '#endif',
      '#if !HAS_SUB',
      '#define ALT alt_on',
      '#else',
      '#define ALT alt_off',
      '#endif',
      'SUB ALT',
    );
    const p = preprocess('/m/mod.c', text);
    const last = p.tokens.slice(-2);
    expect(spell(p.expandAt(last, last[0].start).tokens)).toBe('subscr, f, alt_off');
    // The build may still pass -D HAS_SUB=0: the region stays undecided.
    expect(p.liveAt(text.indexOf('#define SUB subscr'))).toBe('unknown');
    const off = preprocess('/m/mod.c', text, { defines: [{ name: 'HAS_SUB', body: '0' }] });
    expect(spell(off.expandAt(off.tokens.slice(-2), off.tokens.slice(-2)[0].start).tokens)).toBe('alt_on');
  });

  test('opaque names stay unexpanded (MicroPython construct macros)', () => {
    const text = lines('#define MP_ROM_INT(x) ((x) << 1)', '#define E(n) MP_ROM_INT(n)', 'E(3)');
    const p = preprocess('/m/mod.c', text);
    const last = p.tokens.slice(-4);
    expect(spell(p.expandAt(last, last[0].start, (n) => n.startsWith('MP_')).tokens)).toBe('MP_ROM_INT(3)');
  });

  test('includes are listed with what they resolved to', () => {
    const p = preprocess('/m/mod.c', lines('#include "py/runtime.h"', '#include "lib.c"'), { host: host({ '/m/lib.c': 'int x;\n' }) });
    expect(p.includes.map((i) => [i.spelled, i.resolved])).toEqual([
      ['"py/runtime.h"', undefined],
      ['"lib.c"', '/m/lib.c'],
    ]);
  });
});
