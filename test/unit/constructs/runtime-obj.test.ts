import { generate } from '../../../src/pipeline';
import { c, declsOf } from '../helpers';

describe('extractRuntimeObjs', () => {
  test.each<
    [
      string,
      {
        given: string;
        want: Array<{
          name: string;
          cType: string;
          baseType: string;
          init: string;
          items?: string[];
          isStatic: boolean;
          dynamic?: boolean;
        }>;
      },
    ]
  >([
    [
      'MP_DEFINE_STR_OBJ',
      {
        given: 'static MP_DEFINE_STR_OBJ(version_obj, "1.0");\n',
        want: [
          {
            name: 'version_obj',
            cType: 'mp_obj_str_t',
            baseType: 'str',
            init: '{{NULL}, 0, sizeof("1.0") - 1, (const byte *)"1.0"}',
            isStatic: true,
          },
        ],
      },
    ],
    [
      'MP_DEFINE_BYTES_OBJ',
      {
        given: 'MP_DEFINE_BYTES_OBJ(magic_obj, "\\x01\\x02", 2);\n',
        want: [
          {
            name: 'magic_obj',
            cType: 'mp_obj_str_t',
            baseType: 'bytes',
            init: '{{NULL}, 0, (2), (const byte *)("\\x01\\x02")}',
            isStatic: false,
          },
        ],
      },
    ],
    [
      'MP_DEFINE_CONST_STATICMETHOD_OBJ',
      {
        given: 'static MP_DEFINE_CONST_STATICMETHOD_OBJ(s_obj, MP_ROM_PTR(&s_fun_obj));\n',
        want: [
          {
            name: 's_obj',
            cType: 'mp_rom_obj_static_class_method_t',
            baseType: 'staticmethod',
            init: '{{NULL}, MP_ROM_PTR(&s_fun_obj)}',
            isStatic: true,
          },
        ],
      },
    ],
    [
      'MP_DEFINE_CONST_CLASSMETHOD_OBJ',
      {
        given: 'static MP_DEFINE_CONST_CLASSMETHOD_OBJ(c_obj, MP_ROM_PTR(&c_fun_obj));\n',
        want: [
          {
            name: 'c_obj',
            cType: 'mp_rom_obj_static_class_method_t',
            baseType: 'classmethod',
            init: '{{NULL}, MP_ROM_PTR(&c_fun_obj)}',
            isStatic: true,
          },
        ],
      },
    ],
    [
      'a float struct',
      {
        given: 'static const mp_obj_float_t half_obj = {{&mp_type_float}, 0.5};\n',
        want: [{ name: 'half_obj', cType: 'mp_obj_float_t', baseType: 'float', init: '{{NULL}, 0.5}', isStatic: true }],
      },
    ],
    [
      'a ROM tuple keeps its items',
      {
        given: 'const mp_rom_obj_tuple_t pair_obj = {{&mp_type_tuple}, 2, {MP_ROM_INT(1), MP_ROM_QSTR(MP_QSTR_b)}};\n',
        want: [
          {
            name: 'pair_obj',
            cType: 'mp_rom_obj_tuple_t',
            baseType: 'tuple',
            init: '{{NULL}, 2, {MP_ROM_INT(1), MP_ROM_QSTR(MP_QSTR_b)}}',
            items: ['MP_ROM_INT(1)', 'MP_ROM_QSTR(MP_QSTR_b)'],
            isStatic: false,
          },
        ],
      },
    ],
    [
      'a sub-module with a designated base',
      {
        given: 'const mp_obj_module_t sub_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&sub_globals };\n',
        want: [
          {
            name: 'sub_module',
            cType: 'mp_obj_module_t',
            baseType: 'module',
            init: '{ .base = { NULL }, .globals = (mp_obj_dict_t *)&sub_globals }',
            isStatic: false,
          },
        ],
      },
    ],
    ['a type object links as is', { given: 'const mp_obj_type_t t = {{&mp_type_type}};\n', want: [] }],
    ['a dict links as is', { given: 'const mp_obj_dict_t d = {.base = {&mp_type_dict}};\n', want: [] }],
    ['a struct of the module own type is not one', { given: 'const my_obj_t m = {{&my_type}, 1};\n', want: [] }],
    [
      "through the module's own macro (ulab's ULAB_DEFINE_FLOAT_CONST), under #if/#else",
      {
        given: c(
          '#define DEF_FLOAT(id, num, h32) const mp_obj_float_t id##_obj = {{&mp_type_float}, (num)}',
          '#if SINGLE',
          'DEF_FLOAT(tol, MICROPY_FLOAT_CONST(1e-6), 0x358637cfUL);',
          '#else',
          'DEF_FLOAT(tol, MICROPY_FLOAT_CONST(1e-14), 0x283424dcUL);',
          '#endif',
        ),
        want: [
          { name: 'tol_obj', cType: 'mp_obj_float_t', baseType: 'float', init: '{{NULL},(MICROPY_FLOAT_CONST(1e-6))}', isStatic: false },
          { name: 'tol_obj', cType: 'mp_obj_float_t', baseType: 'float', init: '{{NULL},(MICROPY_FLOAT_CONST(1e-14))}', isStatic: false },
        ],
      },
    ],
    [
      "a static one through the module's macro; a macro that expands to something else is not one",
      {
        given: c(
          '#define DEF_HALF(id) static const mp_obj_float_t id = {{&mp_type_float}, 0.5}',
          '#define DEF_INT(id) static const int id = 5',
          'DEF_HALF(half_obj);',
          'DEF_INT(five);',
        ),
        want: [{ name: 'half_obj', cType: 'mp_obj_float_t', baseType: 'float', init: '{{NULL},0.5}', isStatic: true }],
      },
    ],
    [
      "the module's macro used in a function is not one",
      {
        given: c(
          '#define DEF_HALF(id) const mp_obj_float_t id = {{&mp_type_float}, 0.5}',
          'static void f(void) {',
          '    DEF_HALF(h);',
          '}',
        ),
        want: [],
      },
    ],
    [
      "the initialiser written by the module's macro (a property of the firmware's layout), holding run-time values",
      {
        given: c(
          'typedef struct { mp_obj_base_t base; mp_obj_t proxy[3]; } prop_t;',
          '#define GETTER(f) {{&mp_type_property}, {MP_OBJ_FROM_PTR(&f), mp_const_none, mp_const_none}}',
          '#define RO static const',
          'static MP_DEFINE_CONST_FUN_OBJ_1(get_obj, get);',
          'static const prop_t norm_prop = GETTER(get_obj);',
          'RO prop_t ro_prop = GETTER(get_obj);',
          'static const int n = MP_ROM_INT(3);',
        ),
        want: [
          {
            name: 'norm_prop',
            cType: 'prop_t',
            baseType: 'property',
            init: '{{NULL},{MP_OBJ_FROM_PTR(&get_obj),mp_const_none,mp_const_none}}',
            isStatic: true,
            dynamic: true,
          },
          {
            name: 'ro_prop',
            cType: 'prop_t',
            baseType: 'property',
            init: '{{NULL},{MP_OBJ_FROM_PTR(&get_obj),mp_const_none,mp_const_none}}',
            isStatic: true,
            dynamic: true,
          },
        ],
      },
    ],
    [
      'an initialiser holding run-time values written out, or through a macro of the module',
      {
        given: c(
          '#define NONE_VAL mp_const_none',
          'typedef struct { mp_obj_base_t base; mp_obj_t proxy[3]; } prop_t;',
          'static const prop_t a_prop = {{&mp_type_property}, {MP_OBJ_FROM_PTR(&get_obj), mp_const_none, mp_const_none}};',
          'static const prop_t b_prop = {{&mp_type_property}, {MP_OBJ_FROM_PTR(&get_obj), NONE_VAL, NONE_VAL}};',
          'static const mp_obj_float_t c_obj = {{&mp_type_float}, 0.5};',
        ),
        want: [
          {
            name: 'a_prop',
            cType: 'prop_t',
            baseType: 'property',
            init: '{{NULL}, {MP_OBJ_FROM_PTR(&get_obj), mp_const_none, mp_const_none}}',
            isStatic: true,
            dynamic: true,
          },
          {
            name: 'b_prop',
            cType: 'prop_t',
            baseType: 'property',
            init: '{{NULL}, {MP_OBJ_FROM_PTR(&get_obj), NONE_VAL, NONE_VAL}}',
            isStatic: true,
            dynamic: true,
          },
          { name: 'c_obj', cType: 'mp_obj_float_t', baseType: 'float', init: '{{NULL}, 0.5}', isStatic: true },
        ],
      },
    ],
    ['a local is not one', { given: c('static void f(void) {', '    const mp_obj_float_t h = {{&mp_type_float}, 0.5};', '}'), want: [] }],
  ])('%s', (_name, { given, want }) => {
    const got = declsOf(given, 'runtime_obj').map((d) => ({
      name: d.name,
      cType: d.cType,
      baseType: d.baseType,
      init: d.init,
      ...(d.items ? { items: d.items } : {}),
      isStatic: d.isStatic,
      ...(d.dynamic ? { dynamic: d.dynamic } : {}),
    }));
    expect(got).toEqual(want);
  });
});

describe('a tuple declared extern before its definition', () => {
  const text = c(
    '#include "py/runtime.h"',
    'extern const mp_rom_obj_tuple_t pair_obj;',
    'static const mp_rom_map_elem_t g_table[] = {{MP_ROM_QSTR(MP_QSTR_pair), MP_ROM_PTR(&pair_obj)}};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t m_module = {.base = {&mp_type_module}, .globals = (mp_obj_dict_t *)&g};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    'const mp_rom_obj_tuple_t pair_obj = {{&mp_type_tuple}, 2, {MP_ROM_INT(1), MP_ROM_INT(2)}};',
  );

  test('records the declaration', () => {
    const d = declsOf(text, 'runtime_obj').find((o) => o.name === 'pair_obj')!;
    expect((d.forwards ?? []).map((f) => text.slice(f.start, f.end))).toEqual(['extern const mp_rom_obj_tuple_t pair_obj;']);
  });

  test('the declaration names the object mpy_init builds (no symbol left undefined)', () => {
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = r.value[0].text;
    expect(out).not.toContain('extern const mp_rom_obj_tuple_t pair_obj;');
    const forward = out.indexOf('extern mp_obj_t natmodgen_');
    expect(forward).toBeGreaterThanOrEqual(0);
    expect(forward).toBeLessThan(out.indexOf('MP_QSTR_pair'));
    expect(out.slice(forward)).toMatch(/^extern mp_obj_t (\w+);\n#define pair_obj \(\*\(struct _mp_obj_tuple_t \*\)MP_OBJ_TO_PTR\(\1\)\)/);
  });
});

describe('a string object inside a function', () => {
  test('is a static local (moved out of the function), not a file-scope object', () => {
    const given = c('static mp_obj_t f(void) {', '    static MP_DEFINE_STR_OBJ(s_obj, "x");', '    return MP_OBJ_FROM_PTR(&s_obj);', '}');
    expect(declsOf(given, 'runtime_obj')).toEqual([]);
    expect(declsOf(given, 'static_local').map((d) => [d.name, d.vars[0].object?.baseType])).toEqual([['s_obj', 'str']]);
  });
});
