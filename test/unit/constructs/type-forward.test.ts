import { c, declsOf } from '../helpers';

describe('extractTypeForwards', () => {
  test.each<[string, { given: string; want: Array<{ name: string; isStatic: boolean; text: string }> }]>([
    [
      'static const',
      {
        given: 'static const mp_obj_type_t a_type;\n',
        want: [{ name: 'a_type', isStatic: true, text: 'static const mp_obj_type_t a_type;' }],
      },
    ],
    [
      'extern const',
      {
        given: 'extern const mp_obj_type_t b_type;\n',
        want: [{ name: 'b_type', isStatic: false, text: 'extern const mp_obj_type_t b_type;' }],
      },
    ],
    [
      'const alone',
      { given: 'const mp_obj_type_t c_type;\n', want: [{ name: 'c_type', isStatic: false, text: 'const mp_obj_type_t c_type;' }] },
    ],
    [
      'after other declarations',
      {
        given: c('int x;', 'static const mp_obj_type_t a_type;'),
        want: [{ name: 'a_type', isStatic: true, text: 'static const mp_obj_type_t a_type;' }],
      },
    ],
    [
      'after a function body',
      {
        given: c('static void f(void) {}', 'static const mp_obj_type_t a_type;'),
        want: [{ name: 'a_type', isStatic: true, text: 'static const mp_obj_type_t a_type;' }],
      },
    ],
    [
      'right after static MP_DEFINE_CONST_DICT',
      {
        given: c('static MP_DEFINE_CONST_DICT(d, t);', 'static const mp_obj_type_t a_type;'),
        want: [{ name: 'a_type', isStatic: true, text: 'static const mp_obj_type_t a_type;' }],
      },
    ],
    [
      'under #if',
      {
        given: c('#if X', 'static const mp_obj_type_t a_type;', '#endif'),
        want: [{ name: 'a_type', isStatic: true, text: 'static const mp_obj_type_t a_type;' }],
      },
    ],
    ['a definition is not a forward declaration', { given: 'const mp_obj_type_t d_type = { { &mp_type_type } };\n', want: [] }],
    ['a writable declaration is not one', { given: 'static mp_obj_type_t e_type;\n', want: [] }],
    ['a pointer is not one', { given: 'static const mp_obj_type_t *f_type;\n', want: [] }],
    ['a parameter is not one', { given: 'static mp_obj_t g(const mp_obj_type_t *type, size_t n) { return 0; }\n', want: [] }],
    ['a local is not one', { given: 'static void h(void) { const mp_obj_type_t t; (void)t; }\n', want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(
      declsOf(given, 'type_forward').map((d) => ({ name: d.name, isStatic: d.isStatic, text: given.slice(d.span.start, d.span.end) })),
    ).toEqual(want);
  });

  test('condition', () => {
    const [d] = declsOf(c('#ifndef NO_A', 'static const mp_obj_type_t a_type;', '#endif'), 'type_forward');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'ifndef', arg: 'NO_A' }] }]);
  });
});
