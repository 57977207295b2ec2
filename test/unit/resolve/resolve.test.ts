import { resolveModule } from '../../../src/resolve';
import { ResolvedModule, ResolvedValue } from '../../../src/model/resolved';
import { generate } from '../../../src/pipeline';
import { c, lineCol, models } from '../helpers';
import { extractFile } from '../../../src/constructs';
import { parseFile } from '../../../src/parse/parser';
import { firmwareExpr } from '../../../src/plan/c';

/** A complete module `m` whose globals table holds `entries`, after `before`. */
const moduleSource = (entries: string[] = [], before: string[] = []): string =>
  c(
    '#include "py/runtime.h"',
    ...before,
    'static const mp_rom_map_elem_t m_globals_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
    ...entries.map((e) => `    ${e}`),
    '};',
    'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    'const mp_obj_module_t m_module = {',
    '    .base = { &mp_type_module },',
    '    .globals = (mp_obj_dict_t *)&m_globals,',
    '};',
    'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
  );

const funDef = (name: string): string[] => [
  `static mp_obj_t ${name}(mp_obj_t a) {`,
  '    return a;',
  '}',
  `static MP_DEFINE_CONST_FUN_OBJ_1(${name}_obj, ${name});`,
];

/** Each globals-table value by key, as kind plus what identifies it. */
function values(m: ResolvedModule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of m.globalsTable.items) {
    if (it.kind !== 'item') continue;
    const v = m.values.get(it.item);
    out[it.item.key ?? '(value key)'] = v ? describeValue(v) : 'unresolved';
  }
  return out;
}

function describeValue(v: ResolvedValue): string {
  switch (v.kind) {
    case 'fun_obj':
      return `fun_obj ${v.decl.name} (unit ${v.decl.unit})`;
    case 'type':
      return `type ${v.decl.name}`;
    case 'object':
      return `object ${v.name}`;
    case 'firmware':
      return `firmware ${firmwareExpr(v.ref)}`;
    case 'int':
      return `int ${v.expr}`;
    case 'qstr':
      return `qstr ${v.qstr}`;
    case 'qstr_expr':
      return `qstr_expr ${v.expr}`;
    case 'const':
      return `const ${v.which}`;
    default: {
      const never: never = v;
      return never;
    }
  }
}

function resolveOk(texts: string[]): ResolvedModule {
  const r = resolveModule(models(texts));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!r.value) throw new Error('no module');
  return r.value;
}

describe('resolveModule: the module chain', () => {
  test('registration → module object → globals dict → table', () => {
    const m = resolveOk([moduleSource()]);
    expect(m.name).toBe('m');
    expect(m.registration.moduleObj).toBe('m_module');
    expect(m.moduleObj.name).toBe('m_module');
    expect(m.globalsDict.name).toBe('m_globals');
    expect(m.globalsTable.name).toBe('m_globals_table');
    expect(m.tables).toEqual([]);
    expect(m.initHook).toBeUndefined();
  });

  test('other tables, types and their forwards are collected', () => {
    const m = resolveOk([
      moduleSource(
        ['{ MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&t_type) },'],
        [
          'static const mp_obj_type_t t_type;',
          'static const mp_obj_type_t unused_forward;',
          ...funDef('t_m'),
          'static const mp_rom_map_elem_t t_locals_table[] = { { MP_ROM_QSTR(MP_QSTR_m), MP_ROM_PTR(&t_m_obj) } };',
          'static MP_DEFINE_CONST_DICT(t_locals, t_locals_table);',
          'static MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE, locals_dict, &t_locals);',
        ],
      ),
    ]);
    expect(m.tables.map((t) => t.name)).toEqual(['t_locals_table']);
    expect(m.types.map((t) => t.name)).toEqual(['t_type']);
    expect(m.typeForwards.map((t) => t.name)).toEqual(['t_type']);
    const locals = m.tables[0].items[0];
    expect(locals.kind === 'item' && describeValue(m.values.get(locals.item)!)).toBe('fun_obj t_m_obj (unit 0)');
  });

  test('__init__ in the globals table is an init hook', () => {
    expect(resolveOk([moduleSource(['{ MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&init_obj) },'], funDef('init'))]).initHook?.key).toBe(
      '__init__',
    );
  });

  test('the registered module object is not a run-time object; a sub-module is', () => {
    const m = resolveOk([
      moduleSource(
        ['{ MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&sub_module) },'],
        [
          'static const mp_rom_map_elem_t sub_globals_table[] = { { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_sub) } };',
          'static MP_DEFINE_CONST_DICT(sub_globals, sub_globals_table);',
          'const mp_obj_module_t sub_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&sub_globals };',
        ],
      ),
    ]);
    expect(m.runtimeObjs.map((o) => o.name)).toEqual(['sub_module']);
    expect(values(m).sub).toBe('object sub_module');
  });

  test('two registrations of the same module are one module', () => {
    const text = moduleSource().replace(
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
      c('#if A', 'MP_REGISTER_MODULE(MP_QSTR_m, m_module);', '#else', 'MP_REGISTER_MODULE(MP_QSTR_m, m_module);', '#endif'),
    );
    expect(resolveOk([text]).name).toBe('m');
  });

  test('MP_REGISTER_EXTENSIBLE_MODULE', () => {
    const m = resolveOk([moduleSource().replace('MP_REGISTER_MODULE', 'MP_REGISTER_EXTENSIBLE_MODULE')]);
    expect(m.registration.extensible).toBe(true);
  });
});

describe('resolveModule: value kinds', () => {
  test.each<[string, { entry: string; before?: string[]; want: string }]>([
    ['a fun object', { entry: 'MP_ROM_PTR(&f_obj)', before: funDef('f'), want: 'fun_obj f_obj (unit 0)' }],
    [
      'a type',
      { entry: 'MP_ROM_PTR(&t_type)', before: ['MP_DEFINE_CONST_OBJ_TYPE(t_type, MP_QSTR_T, MP_TYPE_FLAG_NONE);'], want: 'type t_type' },
    ],
    [
      'an exception type',
      { entry: 'MP_ROM_PTR(&mp_type_MyError)', before: ['MP_DEFINE_EXCEPTION(MyError, Exception)'], want: 'type mp_type_MyError' },
    ],
    [
      'another dict',
      {
        entry: 'MP_ROM_PTR(&d)',
        before: [
          'static const mp_rom_map_elem_t d_table[] = { { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) } };',
          'static MP_DEFINE_CONST_DICT(d, d_table);',
        ],
        want: 'object d',
      },
    ],
    ['a run-time object (str)', { entry: 'MP_ROM_PTR(&v_obj)', before: ['static MP_DEFINE_STR_OBJ(v_obj, "1.0");'], want: 'object v_obj' }],
    [
      'an object natmodgen does not model but the file names',
      { entry: 'MP_ROM_PTR(&my_obj)', before: ['static const my_obj_t my_obj = { { &my_type }, 1 };'], want: 'object my_obj' },
    ],
    [
      'a firmware type in py/dynruntime.h (mp_load_global through its macro)',
      { entry: 'MP_ROM_PTR(&mp_type_ValueError)', want: 'firmware MP_OBJ_FROM_PTR(&mp_type_ValueError)' },
    ],
    [
      'a builtin type py/dynruntime.h lacks',
      { entry: 'MP_ROM_PTR(&mp_type_OSError)', want: 'firmware natmodgen_builtin(MP_QSTR_OSError)' },
    ],
    ['a builtin non-exception type', { entry: 'MP_ROM_PTR(&mp_type_float)', want: 'firmware natmodgen_builtin(MP_QSTR_float)' }],
    [
      'a stream object py/dynruntime.h provides',
      { entry: 'MP_ROM_PTR(&mp_stream_read_obj)', want: 'firmware MP_OBJ_FROM_PTR(&mp_stream_read_obj)' },
    ],
    ['a shimmed object', { entry: 'MP_ROM_PTR(&mp_identity_obj)', want: 'firmware MP_OBJ_FROM_PTR(&mp_identity_obj)' }],
    ['another shimmed object', { entry: 'MP_ROM_PTR(&mp_stream_close_obj)', want: 'firmware MP_OBJ_FROM_PTR(&mp_stream_close_obj)' }],
    ['mp_const_none_obj', { entry: 'MP_ROM_PTR(&mp_const_none_obj)', want: 'firmware mp_const_none' }],
    ['mp_const_empty_tuple_obj', { entry: 'MP_ROM_PTR(&mp_const_empty_tuple_obj)', want: 'firmware mp_const_empty_tuple' }],
    ['mp_const_empty_bytes_obj', { entry: 'MP_ROM_PTR(&mp_const_empty_bytes_obj)', want: 'firmware mp_const_empty_bytes' }],
    ['Ellipsis', { entry: 'MP_ROM_PTR(&mp_const_ellipsis_obj)', want: 'firmware natmodgen_builtin(MP_QSTR_Ellipsis)' }],
    ['NotImplemented', { entry: 'MP_ROM_PTR(&mp_const_notimplemented_obj)', want: 'firmware natmodgen_builtin(MP_QSTR_NotImplemented)' }],
    ['a float constant', { entry: 'mp_const_float_pi', want: 'firmware mp_obj_new_float((mp_float_t)3.141592653589793)' }],
    ['an int', { entry: 'MP_ROM_INT(1 << 4)', want: 'int 1 << 4' }],
    ['a qstr', { entry: 'MP_ROM_QSTR(MP_QSTR_hello)', want: 'qstr hello' }],
    ['None', { entry: 'MP_ROM_NONE', want: 'const none' }],
    ['True', { entry: 'MP_ROM_TRUE', want: 'const true' }],
    ['False', { entry: 'MP_ROM_FALSE', want: 'const false' }],
  ])('%s', (_name, { entry, before, want }) => {
    const m = resolveOk([moduleSource([`{ MP_ROM_QSTR(MP_QSTR_k), ${entry} },`], before)]);
    expect(values(m).k).toBe(want);
  });

  test('entries under #if are resolved too', () => {
    const m = resolveOk([moduleSource(['#if MICROPY_PY_F', '{ MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },', '#endif'], funDef('f'))]);
    expect(values(m).f).toBe('fun_obj f_obj (unit 0)');
  });
});

describe('resolveModule: several units', () => {
  const other = (isStatic: boolean): string =>
    c(
      '#include "py/runtime.h"',
      'static mp_obj_t g(void) { return mp_const_none; }',
      `${isStatic ? 'static ' : ''}MP_DEFINE_CONST_FUN_OBJ_0(g_obj, g);`,
    );

  test('a non-static object in another unit', () => {
    const m = resolveOk([moduleSource(['{ MP_ROM_QSTR(MP_QSTR_g), MP_ROM_PTR(&g_obj) },']), other(false)]);
    expect(values(m).g).toBe('fun_obj g_obj (unit 1)');
  });

  test('the same unit first, when two units define the same static name', () => {
    const m = resolveOk([
      other(true),
      moduleSource(
        ['{ MP_ROM_QSTR(MP_QSTR_g), MP_ROM_PTR(&g_obj) },'],
        ['static mp_obj_t g(void) { return mp_const_none; }', 'static MP_DEFINE_CONST_FUN_OBJ_0(g_obj, g);'],
      ),
    ]);
    expect(values(m).g).toBe('fun_obj g_obj (unit 1)');
  });

  test('the module may be registered in a unit other than the one defining its parts', () => {
    const parts = c(
      '#include "py/runtime.h"',
      'static const mp_rom_map_elem_t m_globals_table[] = { { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) } };',
      'MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
    );
    const glue = c(
      '#include "py/runtime.h"',
      'extern const mp_obj_dict_t m_globals;',
      'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
      'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
    );
    const m = resolveOk([parts, glue]);
    expect([m.globalsDict.unit, m.moduleObj.unit, m.registration.unit]).toEqual([0, 1, 1]);
  });
});

describe('resolveModule: diagnostics', () => {
  type Want = { code: string; severity?: string; at?: string; nth?: number; related?: string[] };

  test.each<[string, { given: string[]; want: Want[] }]>([
    [
      'no registration (NMG2001, at the start of the first input)',
      { given: [c('#include "py/runtime.h"', ...funDef('f'))], want: [{ code: 'NMG2001', at: '#include' }] },
    ],
    [
      'undefined module object (NMG2002, at its name in the registration)',
      {
        given: [moduleSource().replace('MP_REGISTER_MODULE(MP_QSTR_m, m_module)', 'MP_REGISTER_MODULE(MP_QSTR_m, missing_module)')],
        want: [{ code: 'NMG2002', at: 'missing_module' }],
      },
    ],
    [
      'undefined globals dict (NMG2003, at .globals, noting the module object)',
      {
        given: [moduleSource().replace('(mp_obj_dict_t *)&m_globals,', '(mp_obj_dict_t *)&missing_globals,')],
        want: [{ code: 'NMG2003', at: 'missing_globals', related: ['const mp_obj_module_t m_module'] }],
      },
    ],
    [
      'undefined globals table (NMG2004, at the dict argument)',
      {
        given: [
          moduleSource().replace('MP_DEFINE_CONST_DICT(m_globals, m_globals_table)', 'MP_DEFINE_CONST_DICT(m_globals, missing_table)'),
        ],
        want: [{ code: 'NMG2004', at: 'missing_table' }],
      },
    ],
    [
      'undefined table of another dict (NMG2004)',
      {
        given: [moduleSource([], ['static MP_DEFINE_CONST_DICT(other_dict, other_missing_table);'])],
        want: [{ code: 'NMG2004', at: 'other_missing_table' }],
      },
    ],
    [
      'undefined name in a table (NMG2005, at the name)',
      { given: [moduleSource(['{ MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nowhere_obj) },'])], want: [{ code: 'NMG2005', at: 'nowhere_obj' }] },
    ],
    [
      'two modules (NMG2006, at the second registration, noting the first)',
      {
        given: [
          moduleSource(),
          moduleSource()
            .replace(/\bm_/g, 'n_')
            .replace('MP_QSTR_m', 'MP_QSTR_n')
            .replace('MP_REGISTER_MODULE(MP_QSTR_m,', 'MP_REGISTER_MODULE(MP_QSTR_n,'),
        ],
        want: [{ code: 'NMG2006', at: 'MP_REGISTER_MODULE', related: ['MP_REGISTER_MODULE'] }],
      },
    ],
    [
      'a module that is not a dotted sub-module of the other is still two modules (NMG2006)',
      {
        given: [
          moduleSource(),
          moduleSource()
            .replace(/\bm_/g, 'n_')
            .replace('MP_QSTR_m', 'MP_QSTR_n')
            .replace('MP_REGISTER_MODULE(MP_QSTR_m,', 'MP_REGISTER_MODULE(MP_QSTR_mx_dot_n,'),
        ],
        want: [{ code: 'NMG2006', at: 'MP_REGISTER_MODULE', related: ['MP_REGISTER_MODULE'] }],
      },
    ],
    [
      'unsupported value (NMG2007, at the value)',
      { given: [moduleSource(['{ MP_ROM_QSTR(MP_QSTR_x), make_value(3) },'])], want: [{ code: 'NMG2007', at: 'make_value(3)' }] },
    ],
    [
      'more slots than a natmod type holds (NMG2008, at the type)',
      {
        given: [
          moduleSource(
            [],
            [
              'MP_DEFINE_CONST_OBJ_TYPE(big_type, MP_QSTR_Big, 0, make_new, a, print, b, call, c, unary_op, d, binary_op, e, attr, f, subscr, g, iter, h, buffer, i, protocol, &j, parent, &k, locals_dict, &l);',
            ],
          ),
        ],
        want: [{ code: 'NMG2008', at: 'MP_DEFINE_CONST_OBJ_TYPE' }],
      },
    ],
    [
      'an escaped module name (NMG2012 warning)',
      {
        given: [moduleSource().replace('MP_REGISTER_MODULE(MP_QSTR_m,', 'MP_REGISTER_MODULE(MP_QSTR_a_dot_b,')],
        want: [{ code: 'NMG2012', severity: 'warning', at: 'MP_REGISTER_MODULE' }],
      },
    ],
    [
      'an unavailable runtime function (NMG3001, at the call)',
      {
        given: [moduleSource([], ['static void f(mp_obj_t x) { mp_obj_get_printer(x); }'])],
        want: [{ code: 'NMG3001', at: 'mp_obj_get_printer' }],
      },
    ],
    [
      "a function natmodgen's runtime provides is not an error",
      { given: [moduleSource([], ['static void f(mp_obj_t x) { mp_getiter(x, NULL); }'])], want: [] },
    ],
    [
      'an unavailable HAL function (NMG3002)',
      {
        given: [moduleSource([], ['static void f(void) { mp_hal_stdio_mode_raw(); }'])],
        want: [{ code: 'NMG3002', at: 'mp_hal_stdio_mode_raw' }],
      },
    ],
    [
      'a vstr function is provided by the runtime library',
      { given: [moduleSource([], ['static void f(vstr_t *v) { vstr_add_char(v, 1); }'])], want: [] },
    ],
    ['a shimmed function is not an error', { given: [moduleSource([], ['static void f(void) { mp_hal_delay_ms(1); }'])], want: [] }],
    [
      'an unavailable call in a -D false region is not an error',
      { given: [moduleSource([], ['#if 0', 'static void f(mp_obj_t x) { mp_getiter(x, NULL); }', '#endif'])], want: [] },
    ],
  ])('%s', (_name, { given, want }) => {
    const r = resolveModule(models(given));
    const got = r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      span: d.span && { file: d.span.file, line: d.span.line, col: d.span.col },
      related: d.related.map((x) => ({ file: x.span.file, line: x.span.line, col: x.span.col })),
    }));
    const expected = want.map((w) => {
      const unit = given.findIndex((t, i) => w.at !== undefined && t.includes(w.at) && (w.code !== 'NMG2006' || i === 1));
      const at = w.at === undefined ? undefined : lineCol(given[unit], w.at, w.nth ?? 0);
      return {
        code: w.code,
        severity: w.severity ?? 'error',
        span: at && { file: `unit${unit}.c`, line: at.line, col: at.col },
        related: (w.related ?? []).map((needle) => {
          const u = w.code === 'NMG2006' ? 0 : unit;
          const p = lineCol(given[u], needle);
          return { file: `unit${u}.c`, line: p.line, col: p.col };
        }),
      };
    });
    expect(got).toEqual(expected);
  });

  test('a package: the root registration is the module, its dotted sub-module registrations are removed', () => {
    const sub = c(
      '#include "py/runtime.h"',
      'static const mp_rom_map_elem_t s_globals_table[] = {',
      '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_s) },',
      '};',
      'static MP_DEFINE_CONST_DICT(s_globals, s_globals_table);',
      'const mp_obj_module_t s_module = {',
      '    .base = { &mp_type_module },',
      '    .globals = (mp_obj_dict_t *)&s_globals,',
      '};',
      'MP_REGISTER_MODULE(MP_QSTR_m_dot_s, s_module);',
    );
    const root = moduleSource(['{ MP_ROM_QSTR(MP_QSTR_s), MP_ROM_PTR(&s_module) },'], ['extern const mp_obj_module_t s_module;']);
    for (const given of [
      [sub, root],
      [root, sub],
    ]) {
      const r = resolveModule(models(given));
      expect(r.diagnostics).toEqual([]);
      expect(r.value?.name).toBe('m');
      expect(values(r.value!)).toEqual({ __name__: 'qstr m', s: 'object s_module' });
      const roles = r.value!.units.flatMap((u) =>
        u.decls.map((d) => `${d.decl.kind}${'name' in d.decl ? ' ' + d.decl.name : ''}: ${d.role.kind}`),
      );
      expect(roles).toEqual(expect.arrayContaining(['module_obj s_module: keep', 'module_obj m_module: remove']));
      expect(roles.filter((x) => x.startsWith('registration')).sort()).toEqual([
        'registration m_module: remove',
        'registration s_module: remove',
      ]);
    }
  });

  test("a module whose file another module's file needs goes with it: the root is the module no other needs", () => {
    const n = (extra: string[]) =>
      moduleSource([], extra)
        .replace(/\bm_/g, 'n_')
        .replace('MP_QSTR_m', 'MP_QSTR_n')
        .replace('MP_REGISTER_MODULE(MP_QSTR_m,', 'MP_REGISTER_MODULE(MP_QSTR_n,');
    const helper = n(['float n_inv(float x) { return 1.0f / x; }']);
    const user = moduleSource([], ['float n_inv(float x);', 'static float m_half(void) { return n_inv(2.0f); }']);
    for (const given of [
      [user, helper],
      [helper, user],
    ]) {
      const r = resolveModule(models(given));
      expect(r.diagnostics).toEqual([]);
      expect(r.value?.name).toBe('m');
      const roles = r.value!.units.flatMap((u) =>
        u.decls.map((d) => `${d.decl.kind} ${'name' in d.decl ? d.decl.name : ''}: ${d.role.kind}`),
      );
      expect(roles).toEqual(expect.arrayContaining(['module_obj m_module: remove', 'module_obj n_module: keep']));
    }
    // Each needing the other, or neither needing the other: no module is the natmod's.
    const both = moduleSource([], ['float n_inv(float x);', 'float twice(float x) { return n_inv(x) * 2; }']);
    const back = n(['float twice(float x);', 'float n_inv(float x) { return twice(x); }']);
    for (const given of [
      [both, back],
      [moduleSource(), helper],
    ])
      expect(resolveModule(models(given)).diagnostics.map((d) => d.code)).toEqual(['NMG2006']);
  });

  test('a function object a header of the module defines resolves as an object (no NMG2005)', () => {
    const header = c('#include "py/obj.h"', 'mp_obj_t h_dtype(mp_obj_t a);', 'MP_DEFINE_CONST_FUN_OBJ_1(h_dtype_obj, h_dtype);');
    const src = moduleSource(['{ MP_ROM_QSTR(MP_QSTR_dtype), MP_ROM_PTR(&h_dtype_obj) },'], ['#include "props.h"']);
    const files: Record<string, string> = { '/m/props.h': header };
    const model = (withHeader: boolean) =>
      extractFile(parseFile('/m/mod.c', src), 0, [], { readFile: (f: string) => (withHeader ? files[f] : undefined) }).value;
    expect(values(resolveModule([model(true)]).value!)).toEqual({ __name__: 'qstr m', dtype: 'object h_dtype_obj' });
    expect(resolveModule([model(false)]).diagnostics.map((d) => d.code)).toEqual(['NMG2005']);
  });

  test('each error stops at the first broken link: no module value', () => {
    const r = resolveModule(
      models([moduleSource().replace('MP_REGISTER_MODULE(MP_QSTR_m, m_module)', 'MP_REGISTER_MODULE(MP_QSTR_m, missing_module)')]),
    );
    expect(r.value).toBeUndefined();
  });

  test('diagnostics carry a help line', () => {
    const r = resolveModule(models([c('int x;')]));
    expect(r.diagnostics[0].help).toEqual(expect.any(String));
  });

  // A keyword table at file scope with run-time qstrs and #if among its entries cannot
  // stay `static const`; it becomes storage filled at import, entries under their #if.
  test('a file-scope keyword table with #if and run-time qstrs becomes storage filled at import', () => {
    const text = moduleSource(
      ['{ MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },'],
      [
        'static const mp_arg_t f_args[] = {',
        '    { MP_QSTR_a, MP_ARG_INT, {.u_int = 0} },',
        '    #if MICROPY_PY_B',
        '    { MP_QSTR_b, MP_ARG_INT, {.u_int = 0} },',
        '    #endif',
        '};',
        'static mp_obj_t f(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {',
        '    mp_arg_val_t args[MP_ARRAY_SIZE(f_args)];',
        '    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(f_args), f_args, args);',
        '    return mp_const_none;',
        '}',
        'static MP_DEFINE_CONST_FUN_OBJ_KW(f_obj, 0, f);',
      ],
    );
    const r = generate([{ path: 'm.c', text }], { defines: [], outDir: 'out' });
    expect(r.diagnostics).toEqual([]);
    const out = r.value[0].text;
    expect(out).not.toContain('static const mp_arg_t f_args[]');
    expect(out).toMatch(/#define f_args natmodgen_\w*m_f_args\n/);
    expect(out).toMatch(/#if MICROPY_PY_B\n\s*\*natmodgen_a\+\+ = \(mp_arg_t\)\{ MP_QSTR_b, MP_ARG_INT, \{\.u_int = 0\} \};\n\s*#endif/);
  });
});

describe('tables with keys that are not qstrs', () => {
  const before = [
    'static const mp_rom_map_elem_t codes_table[] = {',
    '    { MP_ROM_INT(5), MP_ROM_QSTR(MP_QSTR_five) },',
    '};',
    'static MP_DEFINE_CONST_DICT(codes, codes_table);',
  ];

  test('an integer key in another table resolves as a value; in the globals it is refused (NMG2010)', () => {
    const ok = resolveModule(models([moduleSource(['{ MP_ROM_QSTR(MP_QSTR_codes), MP_ROM_PTR(&codes) },'], before)]));
    expect(ok.diagnostics).toEqual([]);
    const given = moduleSource(['{ MP_ROM_INT(1), MP_ROM_NONE },'], before);
    const bad = resolveModule(models([given]));
    expect(bad.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['NMG2010', lineCol(given, 'MP_ROM_INT(1)').line]]);
  });
});
