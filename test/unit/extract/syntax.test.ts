import { c, extract, PRELUDE } from '../helpers';

describe('checkSyntax (through extractFile)', () => {
  test.each<[string, { given: string }]>([
    ['static MP_DEFINE_CONST_FUN_OBJ_2', { given: 'static MP_DEFINE_CONST_FUN_OBJ_2(f_obj, f);\n' }],
    [
      '#if inside a table initializer',
      {
        given: c(
          'static const mp_rom_map_elem_t t[] = {',
          '    #if A',
          '    { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },',
          '    #endif',
          '};',
        ),
      },
    ],
    [
      'MP_REGISTER_MODULE right after static MP_DEFINE_CONST_DICT',
      { given: c('static MP_DEFINE_CONST_DICT(g, t);', 'MP_REGISTER_MODULE(MP_QSTR_m, m);') },
    ],
    [
      '#if between type slots',
      {
        given: c(
          'static MP_DEFINE_CONST_OBJ_TYPE(t, MP_QSTR_T, MP_TYPE_FLAG_NONE,',
          '    #if A',
          '    print, p,',
          '    #endif',
          '    make_new, m);',
        ),
      },
    ],
    [
      'type arguments to lowercase macros in functions',
      {
        given: c(
          'static mp_obj_t g(void) {',
          '    my_obj_t *o = m_new_obj_var(my_obj_t, items, char *, 4);',
          '    return MP_OBJ_FROM_PTR(o);',
          '}',
        ),
      },
    ],
    [
      'comments before the line continuations of a macro body (Jay-Damodaran/micropyML)',
      {
        given: c(
          '#define CLAMP_ALL(arr, n) \\',
          '    for (size_t i = 0; i < (n); i++) { \\',
          '        arr[i] = arr[i] >> 1; /* halve */ \\',
          '        arr[i] = arr[i] > 100 ? 100 : arr[i]; /* clamp to 100 */ \\',
          '    }',
          '',
          'static int after;',
        ),
      },
    ],
  ])('no diagnostic for MicroPython shapes: %s', (_name, { given }) => {
    expect(extract(PRELUDE + given).diagnostics).toEqual([]);
  });

  test.each<[string, { given: string; near: string }]>([
    ['two expressions in a row', { given: 'int x = 3 3;\n', near: '3 3' }],
    ['a stray closing brace', { given: '}\n', near: '}' }],
    ['an unknown word sequence', { given: 'foo bar baz;\n', near: 'bar' }],
  ])('a syntax error at file scope is reported (NMG1004): %s', (_name, { given, near }) => {
    const text = PRELUDE + given + 'static int after;\n';
    const r = extract(text);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toEqual(['NMG1004']);
    const line = PRELUDE.split('\n').length;
    expect(r.diagnostics[0].span?.line).toBe(line);
    expect(r.diagnostics[0].message).toContain(`'${near.split(' ')[0]}'`);
  });

  test('a prototype whose storage class is a -D macro is C once the macro expands (ChainSigner/uhashlib hashlib.c:19)', () => {
    const given = PRELUDE + 'STATIC mp_obj_t f_update(mp_obj_t self_in, mp_obj_t arg);\n';
    expect(extract(given, { defines: ['STATIC=static'] }).diagnostics).toEqual([]);
    expect(extract(given).diagnostics.map((d) => d.code)).toEqual(['NMG1004']);
  });

  test('K&R definitions returning pointers and __P(()) prototypes are C (lib/berkeley-db-1.xx)', () => {
    const given = c(
      'typedef struct _mpool MPOOL;',
      'typedef unsigned int pgno_t;',
      'static void *mpool_look __P((MPOOL *, pgno_t));',
      'void *',
      'mpool_new(mp, pgnoaddr)',
      '\tMPOOL *mp;',
      '\tpgno_t *pgnoaddr;',
      '{',
      '\treturn mpool_look(mp, *pgnoaddr);',
      '}',
    );
    expect(extract(PRELUDE + given).diagnostics).toEqual([]);
  });

  test('declarations after a parameter list with types are still an error', () => {
    const given = c('void *', 'f(int a, int b)', '\tMPOOL *mp;', '{', '\treturn 0;', '}', 'static int after;');
    expect(extract(PRELUDE + given).diagnostics.map((d) => d.code)).toEqual(['NMG1004']);
  });

  test('an anonymous struct variable after a storage-class macro is C (-D STATIC=static), without the macro an error', () => {
    const given = PRELUDE + 'STATIC const struct { int a; int b; } pair = { 3, 4 };\nstatic int after;\n';
    expect(extract(given, { defines: ['STATIC=static'] }).diagnostics).toEqual([]);
    expect(extract(given).diagnostics.map((d) => d.code)).toEqual(['NMG1004']);
  });

  test('a macro-spelled name after a header natmodgen could not read may be its macro (pypilot/micropython_ugfx ilidriver.c:138)', () => {
    // DRAM_ATTR comes from ESP-IDF's esp_attr.h, __BEGIN_DECLS from <sys/cdefs.h>: whatever they
    // expand to, the compiler that reads those headers judges the statement.
    const esp = c('#include "esp_attr.h"', 'DRAM_ATTR static const int cmds[] = {1, 2};', 'static int after;');
    expect(extract(PRELUDE + esp).diagnostics).toEqual([]);
    const glibc = c('#include <sys/cdefs.h>', '__BEGIN_DECLS', 'int helper(int x);', '__END_DECLS', 'static int after;');
    expect(extract(PRELUDE + glibc).diagnostics).toEqual([]);
    // With no such header before it, nothing can define the name: still a syntax error, as is a
    // name spelled as variables are after the header.
    expect(extract(PRELUDE + c('DRAM_ATTR static const int cmds[] = {1, 2};', 'static int after;')).diagnostics.map((d) => d.code)).toEqual(
      ['NMG1004'],
    );
    expect(
      extract(c('DRAM_ATTR static const int cmds[] = {1, 2};', '#include "esp_attr.h"', 'static int after;')).diagnostics.map(
        (d) => d.code,
      ),
    ).toEqual(['NMG1004']);
    expect(extract(PRELUDE + c('#include "esp_attr.h"', 'foo bar baz;', 'static int after;')).diagnostics.map((d) => d.code)).toEqual([
      'NMG1004',
    ]);
  });

  test('a prototype whose storage class is a macro of the file is C too', () => {
    const given = PRELUDE + '#define MOD_API static\nMOD_API mp_obj_t f_update(mp_obj_t self_in, mp_obj_t arg);\n';
    expect(extract(given).diagnostics).toEqual([]);
  });

  test('#if branches that split statements (root ERROR) are C, and no file-scope error is guessed', () => {
    // Nested loops opened and closed in separate `#if` branches (a shape of ulab's
    // ndarray code); tree-sitter makes the whole file one ERROR node.
    const loop = (n: number) => [
      `static mp_obj_t f${n}(mp_obj_t x) {`,
      '    size_t s = 0, i = 0, j = 0;',
      '    #if DIMS > 2',
      '    do {',
      '    #endif',
      '        #if DIMS > 1',
      '        do {',
      '        #endif',
      '            s++;',
      '        #if DIMS > 1',
      '            j++;',
      '        } while (j < 2);',
      '        #endif',
      '    #if DIMS > 2',
      '        i++;',
      '    } while (i < 2);',
      '    #endif',
      '    return mp_obj_new_int(s);',
      '}',
    ];
    const given = c(...loop(1), ...loop(2), 'static MP_DEFINE_CONST_FUN_OBJ_1(f1_obj, f1);');
    const r = extract(PRELUDE + given);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.decls.some((d) => 'name' in d && d.name === 'f1_obj')).toBe(true);
  });

  test('a block opened in each #ifdef alternative and closed after #endif, last in the file, is C (8bitmcu/mpy_vt zm random.c)', () => {
    const given = c(
      'static int seed;',
      'static int pick(int arg) {',
      '#ifdef SIGNED_ARGS',
      '    if ((short)arg <= 0) {',
      '#else',
      '    if (arg <= 0) {',
      '#endif',
      '        seed = -arg;',
      '        return 0;',
      '    }',
      '    return seed;',
      '}',
    );
    expect(extract(PRELUDE + given).diagnostics).toEqual([]);
  });

  test("errors in code only some builds compile are the compiler's; in code every build compiles, ours", () => {
    const port = c('PORT_NORETURN void port_reset(void);', 'PORT_NORETURN void port_halt(void) {', '    port_reset();', '}');
    expect(extract(PRELUDE + c('#ifdef BARE_METAL_PORT', port, '#endif', 'static int after;')).diagnostics).toEqual([]);
    expect(extract(PRELUDE + c('#if 0', 'int x = 3 3;', '#endif', 'static int after;')).diagnostics).toEqual([]);
    const always = extract(PRELUDE + c('#ifndef BARE_METAL_PORT', 'int x = 3 3;', '#endif', 'static int after;'), {
      defines: ['BARE_METAL_PORT'],
    });
    expect(always.diagnostics).toEqual([]);
    const on = extract(PRELUDE + c('#if 1', 'int x = 3 3;', '#endif', 'static int after;'));
    expect(on.diagnostics.map((d) => d.code)).toEqual(['NMG1004']);
  });

  test.each<[string, { given: string }]>([
    ['prose', { given: 'hello world this is not C at all.\nJust prose, really.\n' }],
    ['a Python script', { given: 'import os\n\ndef main():\n    for name in os.listdir("."):\n        print(name)\n' }],
    ['binary data', { given: 'int x;\u0000\u0001\u0002' }],
  ])('not C at all is reported once (NMG1003): %s', (_name, { given }) => {
    expect(extract(given).diagnostics.map((d) => d.code)).toEqual(['NMG1003']);
  });
});
