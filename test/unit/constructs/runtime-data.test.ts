import { c, declsOf } from '../helpers';

type Want = { name: string; specifiers: string; declarator: string; init: string };

const got = (text: string): Want[] =>
  declsOf(text, 'runtime_data').map((d) => ({ name: d.name, specifiers: d.specifiers, declarator: d.declarator, init: d.init }));

describe('extractRuntimeData: constant data with run-time initial values in a natmod', () => {
  test.each<[string, { given: string; want: Want[] }]>([
    [
      'a qstr array of unknown size: the size is counted',
      {
        given: 'static const qstr fields[] = {MP_QSTR_a, MP_QSTR_b};\n',
        want: [{ name: 'fields', specifiers: 'qstr', declarator: 'fields[2]', init: '{MP_QSTR_a, MP_QSTR_b}' }],
      },
    ],
    [
      'an array of structs whose first member is a firmware type (not an object with a base)',
      {
        given: 'static const kind_t kinds[] = { { &mp_type_int, 1 }, { &mp_type_str, 2 } };\n',
        want: [{ name: 'kinds', specifiers: 'kind_t', declarator: 'kinds[2]', init: '{ { &mp_type_int, 1 }, { &mp_type_str, 2 } }' }],
      },
    ],
    [
      'a sized array keeps its size',
      {
        given: 'static const uint16_t names[4] = {MP_QSTR_x};\n',
        want: [{ name: 'names', specifiers: 'uint16_t', declarator: 'names[4]', init: '{MP_QSTR_x}' }],
      },
    ],
    [
      'items through an X-macro, counted after expansion',
      {
        given: c('#define F(X) X(a) X(b) X(c)', '#define Q(n) MP_QSTR_##n,', 'static const qstr f[] = { F(Q) };'),
        want: [{ name: 'f', specifiers: 'qstr', declarator: 'f[3]', init: '{ F(Q) }' }],
      },
    ],
    [
      'items that are macros ending in their own comma (not C until expanded)',
      {
        given: c(
          '#define E(n, v) { MP_QSTR_##n, v },',
          'static const struct { qstr q; int v; } t[] = {',
          '    E(red, 1)',
          '    E(blue, 2)',
          '};',
        ),
        want: [{ name: 't', specifiers: 'struct { qstr q; int v; }', declarator: 't[2]', init: '{\n    E(red, 1)\n    E(blue, 2)\n}' }],
      },
    ],
    [
      'a struct whose members are const keeps them; a const pointer array loses its top-level const',
      {
        given:
          'static const struct { const char *s; qstr q; } *const p[] = {0, &other};\nstatic const struct { const char *s; qstr q; } e[] = {{"a", MP_QSTR_a}};\n',
        want: [{ name: 'e', specifiers: 'struct { const char *s; qstr q; }', declarator: 'e[1]', init: '{{"a", MP_QSTR_a}}' }],
      },
    ],
    [
      'firmware types and constant objects',
      {
        given:
          'static const mp_obj_type_t *const types[] = {&mp_type_int, &mp_type_str};\nstatic const mp_obj_t nothing = mp_const_none;\n',
        want: [
          { name: 'types', specifiers: 'const mp_obj_type_t', declarator: '*types[2]', init: '{&mp_type_int, &mp_type_str}' },
          { name: 'nothing', specifiers: 'mp_obj_t', declarator: 'nothing', init: 'mp_const_none' },
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(got(given)).toEqual(want);
  });
});

describe('extractRuntimeData: left to other constructs or as written', () => {
  test.each<[string, string]>([
    ['constant values the linker places', 'static const int k[] = {1, 2, 3};\nstatic const char *const words[] = {"a", "b"};\n'],
    ['writable data (writable-data converts it)', 'static qstr q[] = {MP_QSTR_a};\n'],
    ['not static (may be declared extern const elsewhere)', 'const qstr shared[] = {MP_QSTR_a};\n'],
    ['designated array items (no count)', 'static const qstr d[] = {[1] = MP_QSTR_a};\n'],
    ['a ROM table', 'static const mp_rom_map_elem_t t[] = {{ MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) }};\n'],
    ['an argument table', 'static const mp_arg_t allowed[] = {{ MP_QSTR_a, MP_ARG_INT, {.u_int = 0} }};\n'],
    ['an object with a firmware base type (runtime-obj)', 'static const my_obj_t o = {{&mp_type_int}, MP_QSTR_a};\n'],
    ['a linkable firmware type', 'static const mp_obj_type_t *const d = &mp_type_dict;\n'],
    ['function locals', c('static void f(void) {', '    static const qstr l[] = {MP_QSTR_a};', '}')],
  ])('%s', (_name, given) => {
    expect(got(given)).toEqual([]);
  });
});

describe("extractRuntimeData: a storage class written through the module's macro (tree-sitter misreads the type)", () => {
  test.each<[string, { given: string; defines?: string[]; want: Want[] }]>([
    [
      'STATIC from -D, a struct table of unknown size',
      {
        given: 'STATIC const entry_t ops[] = {\n    {MP_ROM_QSTR(MP_QSTR_add), op_add},\n    {MP_ROM_QSTR(MP_QSTR_mul), op_mul},\n};\n',
        defines: ['STATIC=static'],
        want: [
          {
            name: 'ops',
            specifiers: 'entry_t',
            declarator: 'ops[2]',
            init: '{\n    {MP_ROM_QSTR(MP_QSTR_add), op_add},\n    {MP_ROM_QSTR(MP_QSTR_mul), op_mul},\n}',
          },
        ],
      },
    ],
    [
      'STATIC defined in the file, a sized qstr array',
      {
        given: c('#define STATIC static', 'STATIC const qstr keys[2] = {MP_QSTR_a, MP_QSTR_b};'),
        want: [{ name: 'keys', specifiers: 'qstr', declarator: 'keys[2]', init: '{MP_QSTR_a, MP_QSTR_b}' }],
      },
    ],
  ])('%s', (_name, { given, defines, want }) => {
    expect(
      declsOf(given, 'runtime_data', { defines }).map((d) => ({
        name: d.name,
        specifiers: d.specifiers,
        declarator: d.declarator,
        init: d.init,
      })),
    ).toEqual(want);
  });

  test('a macro that is not a qualifier leaves the declaration alone', () => {
    expect(declsOf(c('#define API __attribute__((used))', 'API const qstr k[] = {MP_QSTR_a};'), 'runtime_data')).toEqual([]);
  });
});
