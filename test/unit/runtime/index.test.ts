import { indexRuntimeFile, renderRuntime, runtimeClosure, runtimeIndex, RuntimeIndex, RuntimeIndexError } from '../../../src/runtime';

const index = (files: Record<string, string>): RuntimeIndex => {
  const items = Object.entries(files).flatMap(([f, text], i) => indexRuntimeFile(f, text, i * 100).items);
  const includes = new Map(Object.entries(files).map(([f, text]) => [f, indexRuntimeFile(f, text).includes]));
  return { items, includes, provided: new Set(items.flatMap((i) => i.defines)), objects: new Set() };
};

describe('indexRuntimeFile: pieces, what each defines and uses', () => {
  test.each<[string, { given: string; want: Array<[string[], string[]]> }]>([
    [
      'a function and its prototype',
      {
        given: 'int f(int x);\nint f(int x) {\n    return g(x);\n}\n',
        want: [
          [['f'], ['x']],
          [['f'], ['g', 'x']],
        ],
      },
    ],
    [
      'attributes before the name',
      { given: '__attribute__((noipa)) static unsigned h(unsigned n) {\n    return n;\n}\n', want: [[['h'], ['n', 'noipa']]] },
    ],
    [
      'a macro-prefixed definition',
      { given: 'MP_NORETURN void r(void) {\n    nlr_raise(x);\n}\n', want: [[['r'], ['MP_NORETURN', 'nlr_raise', 'x']]] },
    ],
    [
      'an object defined by a MicroPython macro',
      { given: 'MP_DEFINE_CONST_FUN_OBJ_1(id_obj, id);\n', want: [[['id_obj'], ['MP_DEFINE_CONST_FUN_OBJ_1', 'id']]] },
    ],
    ['a table', { given: 'static const uint16_t sizes[] = { 0, 2 };\n', want: [[['sizes'], ['uint16_t']]] }],
    [
      'a typedef names its tag and type, not its fields',
      { given: 'typedef struct _t_t {\n    int last;\n} t_t;\n', want: [[['_t_t', 't_t'], ['last']]] },
    ],
    [
      '#define and #undef',
      {
        given: '#undef m\n#define m(a) g((a))\n',
        want: [
          [['m'], []],
          [['m'], ['a', 'g']],
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(indexRuntimeFile('x.c', given).items.map((i) => [i.defines, [...i.refs].sort()])).toEqual(want);
  });

  test('#if around pieces is recorded per piece; a header guard is not', () => {
    const items = indexRuntimeFile('g.h', '#ifndef G_H\n#define G_H\n#if defined(A)\nint a(void);\n#endif\nint b(void);\n#endif\n').items;
    expect(items.map((i) => [i.defines[0], i.conds])).toEqual([
      ['a', ['#if defined(A)']],
      ['b', []],
    ]);
    expect(items.every((i) => i.part === 'header')).toBe(true);
  });

  test('only py/ and system includes are kept for emission', () => {
    const r = indexRuntimeFile(
      'x.c',
      '#include "py/dynruntime.h"\n#include "py/parsenum.h"\n#include "local.h"\n#include <stdio.h>\nint f(void);\n',
    );
    expect(r.includes).toEqual(['#include "py/parsenum.h"', '#include <stdio.h>']);
  });

  test.each([
    ['#else at file scope', '#if A\nint a;\n#else\nint b;\n#endif\n'],
    ['an unterminated #if', '#if A\nint a;\n'],
    ['an unterminated declaration', 'int f(void) {\n'],
  ])('refuses %s with the file and line', (_name, text) => {
    expect(() => indexRuntimeFile('bad.c', text)).toThrow(RuntimeIndexError);
    expect(() => indexRuntimeFile('bad.c', text)).toThrow(/^runtime\/bad\.c:\d+: /);
  });
});

describe('runtimeClosure and renderRuntime', () => {
  const ix = index({
    'a.c': 'static int helper(void) {\n    return 1;\n}\nint used(void) {\n    return helper();\n}\nint unused(void) {\n    return 2;\n}\n',
    'b.h': '#define M used()\n',
    'c.c': '#if defined(X)\nint cond(void) {\n    return 3;\n}\nint cond2(void) {\n    return 4;\n}\n#endif\n',
  });

  test('nothing named, nothing chosen: a module that uses none gets no bytes', () => {
    expect(runtimeClosure(ix, [])).toEqual([]);
    expect(runtimeClosure(ix, ['not_provided', 'printf'])).toEqual([]);
    expect(renderRuntime(ix, [])).toBe('');
  });

  test('a name brings what it uses, transitively, in index order', () => {
    expect(runtimeClosure(ix, ['M']).map((i) => i.defines[0])).toEqual(['helper', 'used', 'M']);
  });

  test('pieces under one #if share one #if ... #endif', () => {
    const text = renderRuntime(ix, runtimeClosure(ix, ['cond', 'cond2']));
    expect(text).toBe(
      '/* natmodgen runtime: c.c */\n#if defined(X)\nint cond(void) {\n    return 3;\n}\nint cond2(void) {\n    return 4;\n}\n#endif',
    );
  });
});

describe('the shipped runtime/', () => {
  const ix = runtimeIndex();
  test.each([
    'vstr_add_str',
    'mp_raise_msg_varg',
    'mp_map_lookup',
    'mp_getiter',
    'mp_iternext',
    'nlr_push',
    'nlr_pop',
    'qstr_str',
    'mp_obj_new_int_from_ll',
    'memcpy',
    'strlen',
  ])('provides %s', (name) => expect(ix.provided.has(name)).toBe(true));

  test("the open builtin's function object (ulab's io) calls the firmware's open through mp_vfs_open", () => {
    const names = runtimeClosure(ix, ['mp_builtin_open_obj']).flatMap((i) => i.defines);
    expect(names).toEqual(expect.arrayContaining(['mp_builtin_open_obj', 'mp_vfs_open']));
  });

  test('formatted exceptions bring vstr printing and str-from-vstr with them', () => {
    const names = runtimeClosure(ix, ['mp_raise_msg_varg']).flatMap((i) => i.defines);
    expect(names).toEqual(
      expect.arrayContaining(['mp_obj_new_exception_msg_vlist', 'vstr_init_print', 'vstr_add_strn', 'mp_obj_new_str_from_vstr']),
    );
    expect(names).not.toContain('mp_map_lookup');
  });

  test('one definition per provided function name and #if (headers declare, .c files define; setjmp.c has one per ARCH)', () => {
    const bodies = new Map<string, number>();
    for (const it of ix.items) {
      if (it.part !== 'body' || !/\{/.test(it.text) || /^#/.test(it.text)) continue;
      for (const d of it.defines) {
        const key = [d, ...it.conds].join(' under ');
        bodies.set(key, (bodies.get(key) ?? 0) + 1);
      }
    }
    expect([...bodies].filter(([, n]) => n > 1)).toEqual([]);
  });
});

describe('indexRuntimeFile: the declaration a static copy of a definition needs (head)', () => {
  const heads = (text: string) => indexRuntimeFile('x.c', text).items.map((i) => [i.defines[0], i.head]);
  test('functions and function objects have one; prototypes, variables, static and macro pieces do not', () => {
    expect(
      heads(
        [
          'int f(int x);',
          'int f(int x) {\n    return x;\n}',
          '__attribute__((noinline)) mp_obj_t g(size_t n, const mp_obj_t *a) {\n    return a[n];\n}',
          'MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);',
          'MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(g_obj, 1, 2, g);',
          'int counter;',
          'static int h(void) {\n    return 1;\n}',
          '#define M 1',
        ].join('\n') + '\n',
      ),
    ).toEqual([
      ['f', undefined],
      ['f', 'int f(int x)'],
      ['g', '__attribute__((noinline)) mp_obj_t g(size_t n, const mp_obj_t *a)'],
      ['f_obj', 'const mp_obj_fun_builtin_fixed_t f_obj'],
      ['g_obj', 'const mp_obj_fun_builtin_var_t g_obj'],
      // mpy_ld cannot relocate a static .bss variable
      ['counter', undefined],
      ['h', undefined],
      ['M', undefined],
    ]);
  });
  test('header pieces never have one', () => {
    expect(indexRuntimeFile('x.h', 'int f(int x);\n').items.map((i) => i.head)).toEqual([undefined]);
  });
});

describe('link-only pieces (runtime/posix_*.c)', () => {
  const ix = index({
    'posix_io.c': 'int fd_table[4];\nint read(int fd, void *buf, unsigned n) {\n    return fd_table[fd] + (int)n;\n}\n',
    'stream.c': 'int pump(struct s *p) {\n    return p->read(p);\n}\n',
  });

  test('are marked, and a source naming them does not select them', () => {
    const real = runtimeIndex();
    expect(real.items.filter((i) => i.file === 'posix_io.c' && i.defines.includes('read')).map((i) => i.linkOnly)).toEqual([true]);
    expect(real.provided.has('read')).toBe(false);
    expect(real.provided.has('close')).toBe(false);
    expect(real.provided.has('natmodgen_fopen')).toBe(true);
  });

  test('an ordinary piece using the name as a member does not pull them in', () => {
    expect(runtimeClosure(ix, ['pump']).map((i) => i.defines[0])).toEqual(['pump']);
  });

  test('a root (an undefined symbol of the objects) brings them with what they use', () => {
    expect(runtimeClosure(ix, ['read']).map((i) => i.defines[0])).toEqual(['fd_table', 'read']);
  });
});
