/**
 * Constructs reached only through the module's macros, as test/hostile/fixtures/x{macros,types,data}
 * write them: each case failed (refused, or built C that did not compile or link) before its fix.
 */
import { generate } from '../../../src/pipeline';
import { syncSources } from '../../../src/pipeline/sync';
import { c, declsOf, extract } from '../helpers';

const MODULE_TAIL = [
  'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
  'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
  'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
];

function gen(text: string, defines: string[] = []): { out: string; errors: string[] } {
  const r = generate([{ path: 'm.c', text }], { defines, outDir: 'out' });
  return {
    out: r.value[0]?.text ?? '',
    errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}:${d.span?.line}`),
  };
}

describe('table entries through macros', () => {
  test('a key and value written by macros inside the braces are read expanded', () => {
    const { out, errors } = gen(
      c(
        '#include "py/runtime.h"',
        '#define Q(n) MP_QSTR_##n',
        '#define OBJ(n) n##_obj',
        'static mp_obj_t f(void) { return mp_const_none; }',
        'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
        'static const mp_rom_map_elem_t m_globals_table[] = {',
        '    { MP_ROM_QSTR(Q(f)), MP_ROM_PTR(&OBJ(f)) },',
        '};',
        ...MODULE_TAIL,
      ),
    );
    expect(errors).toEqual([]);
    expect(out).toContain('mp_store_global(MP_QSTR_f, MP_OBJ_FROM_PTR(&f_obj));');
  });

  test('an entry that reads as written keeps the module macro in its value', () => {
    const { out, errors } = gen(
      c(
        '#include "py/runtime.h"',
        '#define VERSION (2)',
        'static const mp_rom_map_elem_t m_globals_table[] = {',
        '    { MP_ROM_QSTR(MP_QSTR_V), MP_ROM_INT(VERSION) },',
        '};',
        ...MODULE_TAIL,
      ),
    );
    expect(errors).toEqual([]);
    expect(out).toContain('MP_OBJ_NEW_SMALL_INT(VERSION)');
  });

  test('an object under #ifdef of a name nothing defines is left to the compiler', () => {
    const { out, errors } = gen(
      c(
        '#include "py/runtime.h"',
        'static const mp_rom_map_elem_t m_globals_table[] = {',
        '#ifdef NOWHERE',
        '    { MP_ROM_QSTR(MP_QSTR_g), MP_ROM_PTR(&ghost_obj) },',
        '#endif',
        '};',
        ...MODULE_TAIL,
      ),
    );
    expect(errors).toEqual([]);
    expect(out).toMatch(/#ifdef NOWHERE\n(#line .*\n)?\s*mp_store_global\(MP_QSTR_g, MP_OBJ_FROM_PTR\(&ghost_obj\)\);\n#endif/);
  });

  test('a key twice in the module globals: the first entry is stored, as the firmware finds it', () => {
    const { out } = gen(
      c(
        '#include "py/runtime.h"',
        'static const mp_rom_map_elem_t m_globals_table[] = {',
        '    { MP_ROM_QSTR(MP_QSTR_k), MP_ROM_INT(1) },',
        '    { MP_ROM_QSTR(MP_QSTR_k), MP_ROM_INT(2) },',
        '#if A',
        '    { MP_ROM_QSTR(MP_QSTR_j), MP_ROM_INT(3) },',
        '#else',
        '    { MP_ROM_QSTR(MP_QSTR_j), MP_ROM_INT(4) },',
        '#endif',
        '};',
        ...MODULE_TAIL,
      ),
    );
    expect(out).toContain('mp_store_global(MP_QSTR_k, MP_OBJ_NEW_SMALL_INT(1));');
    expect(out).not.toContain('MP_OBJ_NEW_SMALL_INT(2)');
    // Alternatives under #if are not duplicates.
    expect(out).toContain('MP_OBJ_NEW_SMALL_INT(3)');
    expect(out).toContain('MP_OBJ_NEW_SMALL_INT(4)');
  });
});

describe('function objects through X-macro lists', () => {
  test('a list given its definer defines each object', () => {
    const given = c(
      '#include "py/runtime.h"',
      '#define FUNS(X) X(0, a) X(1, b)',
      '#define DEFINE(n, name) MP_DEFINE_CONST_FUN_OBJ_##n(name##_obj, name);',
      'FUNS(DEFINE)',
      'static int after;',
    );
    expect(declsOf(given, 'fun_obj').map((d) => [d.name, d.macro])).toEqual([
      ['a_obj', 'MP_DEFINE_CONST_FUN_OBJ_0'],
      ['b_obj', 'MP_DEFINE_CONST_FUN_OBJ_1'],
    ]);
    // The declaration after the use (tree-sitter reads it as the use's declarator) is still writable data.
    expect(declsOf(given, 'writable_data').map((d) => d.name)).toEqual(['after']);
  });
});

describe('qstr switches whose labels a macro writes', () => {
  test('labels from a macro are positions, the macro use written out', () => {
    const given = c(
      '#include "py/runtime.h"',
      '#define CASE(n) case MP_QSTR_##n:',
      'static int f(qstr q) {',
      '    switch (q) {',
      '        CASE(red) return 1;',
      '        case MP_QSTR_green: return 2;',
      '        default: return 0;',
      '    }',
      '}',
    );
    const [d] = declsOf(given, 'qstr_switch');
    expect(d.labels.map((l) => [l.qstr, l.viaMacro])).toEqual([
      ['red', 0],
      ['green', undefined],
    ]);
    const { out } = gen(c(given, 'static const mp_rom_map_elem_t m_globals_table[] = {', '};', ...MODULE_TAIL));
    expect(out).toContain('case 0 /* MP_QSTR_red */ : return 1;');
    expect(out).toContain('case 1 /* MP_QSTR_green */: return 2;');
  });
});

describe('qualifier macros and dead branches', () => {
  test('#define PRIVATE static before writable data, a static local and a constant with run-time values', () => {
    const given = c(
      '#include "py/runtime.h"',
      '#define PRIVATE static',
      '#define RO static const',
      'PRIVATE int count = 3;',
      'RO mp_obj_type_t *const kinds[] = { &mp_type_int };',
      'static int f(void) {',
      '    PRIVATE int n = 10;',
      '    return ++n;',
      '}',
    );
    expect(declsOf(given, 'writable_data').map((d) => d.name)).toEqual(['count']);
    expect(declsOf(given, 'runtime_data').map((d) => d.name)).toEqual(['kinds']);
    const [s] = declsOf(given, 'static_local');
    expect([s.name, s.vars[0].uses.length]).toEqual(['n', 1]);
  });

  test('nothing is reported about a type in a dead #if branch; its name may come through a macro', () => {
    const r = extract(
      c(
        '#include "py/runtime.h"',
        '#define Q(n) MP_QSTR_##n',
        '#if 0',
        'const mp_obj_type_t t_type = { { &mp_type_type }, .name = t_name };',
        '#endif',
        'const mp_obj_type_t u_type = { { &mp_type_type }, .name = Q(U) };',
      ),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model.decls.filter((d) => d.kind === 'obj_type').map((d) => d.kind === 'obj_type' && [d.name, d.typeName])).toEqual([
      ['u_type', 'U'],
    ]);
  });
});

describe('sync of a construct a macro use writes over several lines', () => {
  test("every line of the use is in the block, so the natmod side has none of the user's", () => {
    const text = c(
      '#include "py/runtime.h"',
      '#define TABLE(name, ...) static const mp_rom_map_elem_t name##_table[] = { __VA_ARGS__ }; static MP_DEFINE_CONST_DICT(name, name##_table)',
      'TABLE(m_globals,',
      '    { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },',
      '    );',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = syncSources([{ path: 'm.c', text }], { defines: [], force: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    const natmodSide = out.slice(out.indexOf('TABLE(m_globals,'));
    const block = natmodSide.slice(0, natmodSide.indexOf('#endif'));
    expect(block).toContain('#else /* natmodgen:natmod */');
    expect(block.split('#else /* natmodgen:natmod */')[0]).toContain('    );');
    expect(block.split('#else /* natmodgen:natmod */')[1]).not.toContain('    );');
  });

  test("the next line's own construct keeps its own block: a dict through a macro right after its table", () => {
    const text = c(
      '#include "py/runtime.h"',
      '#define DICT(name, table) static MP_DEFINE_CONST_DICT(name, table)',
      '#define ENTRY(n) { MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(1) },',
      'static const mp_rom_map_elem_t m_globals_table[] = {',
      '    ENTRY(a)',
      '};',
      'DICT(m_globals, m_globals_table);',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const r = syncSources([{ path: 'm.c', text }], { defines: [], force: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    // The table's block ends before the dict's line, which opens a block of its own.
    const tableBlock = out.slice(out.indexOf('static const mp_rom_map_elem_t m_globals_table[]'));
    expect(tableBlock.slice(0, tableBlock.indexOf('#endif'))).not.toContain('DICT(m_globals');
    expect(out).toMatch(/natmodgen:original \*\/\nDICT\(m_globals, m_globals_table\);/);
  });
});
